import socket
import time

import pytest
from django.db import connections


@pytest.fixture
def silent_database(monkeypatch):
    """Point the site at a server that accepts connections and never answers."""
    with socket.create_server(("127.0.0.1", 0)) as listener:
        wrapper = type(connections["default"])
        params = wrapper.get_connection_params

        def silent(self):
            return {**params(self), "host": "127.0.0.1", "port": listener.getsockname()[1]}

        monkeypatch.setattr(wrapper, "get_connection_params", silent)
        yield


def test_healthz_reports_the_database_and_static_files_ok(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"database": "ok", "static": "ok"}


def test_healthz_answers_503_within_2_seconds_when_the_database_does_not_answer(
    client, db, silent_database
):
    started = time.monotonic()
    response = client.get("/healthz")
    assert time.monotonic() - started < 2
    assert response.status_code == 503
    assert response.json() == {"database": "unavailable", "static": "ok"}


def test_healthz_answers_503_when_static_files_are_not_collected(client, db, uncollected_static):
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"database": "ok", "static": "missing manifest"}
