from django.db import OperationalError


def test_healthz_reports_the_database_ok(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"database": "ok"}


def test_healthz_answers_503_when_the_database_is_down(client, db, monkeypatch):
    def refuse(*args, **kwargs):
        raise OperationalError("connection refused")

    with monkeypatch.context() as patch:
        patch.setattr("learning.health.connection.cursor", refuse)
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"database": "unavailable"}
