"""The README's commands on a database that `migrate` has not set up yet: a fresh clone after
`make install`. They say what to run instead of printing a traceback."""

import os
import subprocess
import sys
from urllib.parse import quote

import psycopg
import pytest
from django.db import connection

from tests.test_settings_module import ROOT

SEED = "seeds/000_db8d90b087f169f8.txt"
NAME = f"newsquiz_unmigrated_{os.getpid()}"


@pytest.fixture(scope="module")
def empty_database_url(django_db_setup, django_db_blocker):
    """A new, empty database on the test database's server, dropped afterwards."""
    with django_db_blocker.unblock():
        params = connection.get_connection_params()
    server = {key: params[key] for key in ("host", "port", "user") if params.get(key)}
    if params.get("password"):
        server["password"] = params["password"]
    with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
        admin.execute(f'CREATE DATABASE "{NAME}"')
    credentials = quote(server["user"]) + (
        f":{quote(server['password'])}" if "password" in server else ""
    )
    host = quote(str(server.get("host", "localhost")), safe="")
    yield f"postgresql://{credentials}@{host}:{server.get('port', 5432)}/{NAME}"
    with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{NAME}" WITH (FORCE)')


def run_command(database_url: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**os.environ, "DATABASE_URL": database_url},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize(
    "command",
    [
        ["import_article", SEED, "--owner", "instructor"],
        ["simulate_reviews", "--students", "1", "--days", "1"],
        ["create_instructor", "prof", "--password", "plenty-long-pass"],
        ["load_demo"],
        ["export_questions", "--course", "demo", "--format", "gift", "--output", "out.gift"],
        ["import_gift", "--article", "1", "questions.gift"],
    ],
    ids=lambda command: command[0],
)
def test_a_command_before_migrate_says_to_migrate_first(empty_database_url, command):
    result = run_command(empty_database_url, *command)
    assert result.returncode == 1
    assert "The database is not set up" in result.stderr
    assert "manage.py migrate" in result.stderr
    assert "Traceback" not in result.stderr


def test_generate_needs_no_migrated_database(empty_database_url):
    result = run_command(empty_database_url, "generate", SEED, "--top", "1")
    assert result.returncode == 0, result.stderr
    assert "questions. Best 1:" in result.stdout
