"""The embedded PostgreSQL: killed processes and crashed servers.

Most tests use a data directory under var/ that only this module uses, with `manage.py` children
(tests/embedded_settings.py points them at it) as the other processes: a second terminal,
`make run`. One crashes the suite's own server, to show a request through the whole site recover.
"""

import json
import os
import select
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import psutil
import pytest
from django.conf import settings
from django.db import connection, connections

from learning.embedded_postgres.base import DatabaseWrapper

ROOT = Path(__file__).resolve().parent.parent
PID_LIST = ".handle_pids.json"
CONNECT = "from django.db import connection; connection.cursor().execute('SELECT 1')"
HOLD = CONNECT + "; print('connected', flush=True); import time; time.sleep(120)"


def environment(pgdata: Path) -> dict[str, str]:
    """A child's environment: the embedded server in pgdata (tests/embedded_settings.py)."""
    environment = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    environment.update(
        DEBUG="1", DJANGO_SETTINGS_MODULE="tests.embedded_settings", TEST_PGDATA=str(pgdata)
    )
    return environment


def shell(pgdata: Path, code: str, **options) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "manage.py", "shell", "-v", "0", "-c", code],
        cwd=ROOT,
        env=environment(pgdata),
        text=True,
        **options,
    )


def run_shell(pgdata: Path) -> subprocess.CompletedProcess:
    """A process that connects, runs a query and exits."""
    process = shell(pgdata, CONNECT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    stdout, stderr = process.communicate(timeout=120)
    return subprocess.CompletedProcess(process.args, process.returncode, stdout, stderr)


@pytest.fixture
def holders():
    """Start processes that connect and stay; they are killed at the end of the test."""
    started = []

    def hold(pgdata: Path) -> subprocess.Popen:
        process = shell(pgdata, HOLD, stdout=subprocess.PIPE)
        started.append(process)
        ready, _, _ = select.select([process.stdout], [], [], 120)
        assert ready, "the holder did not connect"
        assert process.stdout.readline() == "connected\n"
        return process

    yield hold
    for process in started:
        process.kill()
        process.wait()


def pid_list(pgdata: Path) -> list:
    path = pgdata / PID_LIST
    return json.loads(path.read_text()) if path.exists() else []


def running_postmaster(pgdata: Path) -> psutil.Process | None:
    try:
        process = psutil.Process(int((pgdata / "postmaster.pid").read_text().split()[0]))
        return None if process.status() == psutil.STATUS_ZOMBIE else process
    except (FileNotFoundError, psutil.NoSuchProcess):
        return None


def stop_server(pgdata: Path) -> None:
    if (process := running_postmaster(pgdata)) is not None:
        process.send_signal(signal.SIGINT)  # fast shutdown
        while running_postmaster(pgdata) is not None:
            time.sleep(0.01)


def kill_postmaster(pgdata: Path) -> int:
    """SIGKILL the server and wait until it is dead; return its process id."""
    process = running_postmaster(pgdata)
    process.kill()
    while running_postmaster(pgdata) is not None:
        time.sleep(0.01)
    return process.pid


def healthy(port: int) -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=5) as response:
            return response.status == 200
    except OSError:
        return False


def dead_pid() -> int:
    process = subprocess.Popen([sys.executable, "-c", ""])
    process.wait()
    return process.pid


@pytest.fixture(scope="module")
def initialized_pgdata():
    (ROOT / "var").mkdir(exist_ok=True)
    path = Path(tempfile.mkdtemp(dir=ROOT / "var", prefix="test-pgdata-"))
    assert run_shell(path).returncode == 0  # initdb, start, stop
    yield path
    stop_server(path)
    shutil.rmtree(path, ignore_errors=True)


@pytest.fixture
def pgdata(initialized_pgdata):
    """The module's data directory, with no server running and an empty process list."""
    yield initialized_pgdata
    stop_server(initialized_pgdata)
    (initialized_pgdata / PID_LIST).unlink(missing_ok=True)


@pytest.mark.parametrize("content", ["", "[4242", "{}"], ids=["empty", "cut-short", "not-a-list"])
def test_a_process_starts_on_an_empty_or_corrupt_process_list(pgdata, content):
    (pgdata / PID_LIST).write_text(content)
    result = run_shell(pgdata)
    assert result.returncode == 0, result.stderr
    assert running_postmaster(pgdata) is None


def test_a_process_drops_dead_ids_and_stops_the_server_when_it_leaves_last(pgdata):
    (pgdata / PID_LIST).write_text(json.dumps([dead_pid()]))
    assert run_shell(pgdata).returncode == 0
    assert running_postmaster(pgdata) is None
    assert pid_list(pgdata) == []


def test_the_server_runs_until_its_last_user_leaves(pgdata, holders):
    holder = holders(pgdata)
    assert run_shell(pgdata).returncode == 0
    assert running_postmaster(pgdata) is not None
    holder.terminate()
    holder.wait(timeout=30)
    assert running_postmaster(pgdata) is None


def test_a_process_stopped_with_sigterm_leaves_and_the_next_one_works(pgdata, holders):
    holder = holders(pgdata)
    holder.send_signal(signal.SIGTERM)
    holder.wait(timeout=30)
    assert holder.pid not in pid_list(pgdata)
    assert running_postmaster(pgdata) is None
    result = run_shell(pgdata)
    assert result.returncode == 0, result.stderr


def test_stopping_the_dev_server_stops_the_server_it_started(pgdata):
    # runserver's autoreloader kills its child with SIGKILL when it is stopped.
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    dev_server = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=environment(pgdata),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not healthy(port):
            time.sleep(0.2)
        assert running_postmaster(pgdata) is not None
    finally:
        os.killpg(dev_server.pid, signal.SIGTERM)  # as `kill` of the whole `make run`
        dev_server.wait(timeout=30)
    assert running_postmaster(pgdata) is None
    assert pid_list(pgdata) == []


def test_the_next_process_cleans_up_after_one_killed_with_sigkill(pgdata, holders):
    holder = holders(pgdata)
    holder.kill()
    holder.wait()
    assert pid_list(pgdata) == [holder.pid]
    result = run_shell(pgdata)
    assert result.returncode == 0, result.stderr
    assert running_postmaster(pgdata) is None
    assert pid_list(pgdata) == []


@pytest.fixture
def embedded(pgdata, django_db_blocker):
    """A Django connection to the module's server, with a pool of its own."""
    wrapper = DatabaseWrapper(
        {
            **connections.settings["default"],
            "ENGINE": "learning.embedded_postgres",
            "NAME": "postgres",
            "USER": "postgres",
            "PASSWORD": "",
            "HOST": "",
            "PORT": "",
            "PGDATA": str(pgdata),
            "OPTIONS": {"pool": {"min_size": 0, "max_size": 2, "timeout": 10}},
        },
        alias="embedded_test",
    )
    with django_db_blocker.unblock():
        yield wrapper
        wrapper.close()
        wrapper.close_pool()


def select_one(wrapper) -> int:
    """A query, then the connection back to the pool, as in a request."""
    with wrapper.cursor() as cursor:
        cursor.execute("SELECT 1")
        (one,) = cursor.fetchone()
    wrapper.close()
    return one


def test_it_restarts_the_embedded_server_after_a_crash(embedded, pgdata):
    select_one(embedded)
    crashed = kill_postmaster(pgdata)
    started = time.monotonic()
    assert select_one(embedded) == 1
    assert time.monotonic() - started < 5
    assert running_postmaster(pgdata).pid != crashed


def test_it_joins_the_server_another_process_restarted_after_a_crash(embedded, pgdata):
    select_one(embedded)
    kill_postmaster(pgdata)
    assert run_shell(pgdata).returncode == 0  # it starts the server and leaves it to this process
    restarted = running_postmaster(pgdata).pid
    started = time.monotonic()
    assert select_one(embedded) == 1
    assert time.monotonic() - started < 5
    assert running_postmaster(pgdata).pid == restarted


@pytest.mark.skipif(
    settings.DATABASES["default"]["ENGINE"] != "learning.embedded_postgres",
    reason="the suite runs on an external server (DATABASE_URL)",
)
def test_the_next_request_after_a_crash_succeeds_within_5_seconds(transactional_db, student_client):
    assert student_client.get("/study/").status_code == 200
    kill_postmaster(Path(settings.DATABASES["default"]["PGDATA"]))
    # A server returns its connection to the pool after every request; the test client does not.
    connection.close()
    started = time.monotonic()
    response = student_client.get("/study/")
    assert time.monotonic() - started < 5
    assert response.status_code == 200
