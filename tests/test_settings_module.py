"""The settings module itself, imported in a child process with a chosen environment."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PRODUCTION = {
    "DEBUG": "0",
    "SECRET_KEY": "a-real-secret-key-that-is-long-and-random-8c1f0e9d7b6a5f4e3d2c1b0a",
    "ALLOWED_HOSTS": "example.com",
}


SHOW_SETTINGS = "from django.conf import settings; print(settings.DEBUG, settings.ALLOWED_HOSTS)"


def run_manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    """manage.py with the given environment and, unless ENV_FILE is given, no .env file."""
    environment = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "SECRET_KEY"}}
    environment["ENV_FILE"] = str(ROOT / "var" / "no-such-env-file")
    environment.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_check_deploy_prints_no_warning_in_production():
    collected = run_manage("collectstatic", "--noinput", **PRODUCTION)
    assert collected.returncode == 0, collected.stderr
    result = run_manage("check", "--deploy", **PRODUCTION)
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout
    assert "WARNING" not in result.stderr + result.stdout


def test_it_refuses_to_start_without_a_secret_key_when_debug_is_off():
    result = run_manage("check", DEBUG="0", ALLOWED_HOSTS="example.com")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_it_refuses_to_start_with_neither_a_dotenv_file_nor_debug():
    result = run_manage("check")
    assert result.returncode != 0
    assert "ImproperlyConfigured: SECRET_KEY must be set" in result.stderr
    assert "`make install` writes a .env file" in result.stderr


def test_it_has_no_built_in_key_even_in_debug():
    result = run_manage("check", DEBUG="1")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_it_reads_settings_from_the_dotenv_file(tmp_path):
    env_file = tmp_path / ".env"
    env_file.write_text(
        "DEBUG=1\nSECRET_KEY=from-the-file-0123456789\nALLOWED_HOSTS=file.example\n"
    )
    result = run_manage("shell", "-v", "0", "-c", SHOW_SETTINGS, ENV_FILE=str(env_file))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "True ['file.example']"


def test_the_environment_beats_the_dotenv_file(tmp_path):
    env_file = tmp_path / ".env"
    env_file.write_text(
        "DEBUG=1\nSECRET_KEY=from-the-file-0123456789\nALLOWED_HOSTS=file.example\n"
    )
    result = run_manage(
        "shell", "-v", "0", "-c", SHOW_SETTINGS, ENV_FILE=str(env_file), ALLOWED_HOSTS="env.example"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "True ['env.example']"


def test_production_settings_in_the_environment_beat_a_development_dotenv_file(tmp_path):
    env_file = tmp_path / ".env"
    env_file.write_text("DEBUG=1\nSECRET_KEY=from-the-file-0123456789\n")
    result = run_manage("check", "--deploy", ENV_FILE=str(env_file), **PRODUCTION)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr + result.stdout


def test_it_refuses_a_malformed_debug_value():
    result = run_manage("check", DEBUG="perhaps")
    assert result.returncode != 0
    assert "DEBUG must be a boolean" in result.stderr


def test_it_refuses_a_database_url_that_is_not_postgres():
    result = run_manage("check", **PRODUCTION, DATABASE_URL="sqlite:///db.sqlite3")
    assert result.returncode != 0
    assert "DATABASE_URL must point at PostgreSQL" in result.stderr


def test_a_larger_article_limit_raises_the_largest_form_django_reads():
    show = "from django.conf import settings; print(settings.DATA_UPLOAD_MAX_MEMORY_SIZE)"
    result = run_manage("shell", "-v", "0", "-c", show, **PRODUCTION, ARTICLE_MAX_BYTES="4000000")
    assert result.returncode == 0, result.stderr
    assert int(result.stdout) > 4_000_000
