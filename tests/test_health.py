import socket
import time

import pytest
from django.db import connections

from learning.health import CONNECT_TIMEOUT


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


def test_healthz_answers_503_without_waiting_for_a_database_that_does_not_answer(
    client, db, silent_database, monkeypatch
):
    # The view waits DATABASE_WAIT (1.5 s) at most. Shortened here, so that the test shows the
    # view does not wait for the connection (whose own timeout is 2 s) however loaded the
    # machine is: the margin left is 1.7 s, not half a second.
    monkeypatch.setattr("learning.health.DATABASE_WAIT", 0.2)
    started = time.monotonic()
    response = client.get("/healthz")
    assert time.monotonic() - started < CONNECT_TIMEOUT - 0.1
    assert response.status_code == 503
    assert response.json() == {"database": "unavailable", "static": "ok"}


def test_healthz_answers_503_when_static_files_are_not_collected(client, db, uncollected_static):
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"database": "ok", "static": "missing manifest"}
