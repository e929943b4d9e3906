"""The development .env that `make install` writes (`python -m learning.dotenv_file .env`)."""

import stat
import subprocess
import sys

from tests.test_settings_module import ROOT, run_manage


def write_dotenv(path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "learning.dotenv_file", str(path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )


def test_it_writes_debug_and_a_generated_secret_key(tmp_path):
    env_file = tmp_path / ".env"
    write_dotenv(env_file)
    lines = env_file.read_text().splitlines()
    assert "DEBUG=1" in lines
    key = next(line.removeprefix("SECRET_KEY=") for line in lines if line.startswith("SECRET_KEY="))
    assert len(key) >= 50


def test_the_settings_it_writes_are_enough_to_run_commands(tmp_path):
    env_file = tmp_path / ".env"
    write_dotenv(env_file)
    result = run_manage("check", ENV_FILE=str(env_file))
    assert result.returncode == 0, result.stderr


def test_every_file_gets_a_key_of_its_own(tmp_path):
    write_dotenv(tmp_path / "one")
    write_dotenv(tmp_path / "two")
    assert (tmp_path / "one").read_text() != (tmp_path / "two").read_text()


def test_it_leaves_an_existing_file_as_it_is(tmp_path):
    env_file = tmp_path / ".env"
    env_file.write_text("SECRET_KEY=mine\n")
    result = write_dotenv(env_file)
    assert env_file.read_text() == "SECRET_KEY=mine\n"
    assert "left as it is" in result.stdout


def test_only_its_owner_can_read_it(tmp_path):
    env_file = tmp_path / ".env"
    write_dotenv(env_file)
    assert stat.S_IMODE(env_file.stat().st_mode) == 0o600


def test_the_makefile_writes_it_on_install():
    makefile = (ROOT / "Makefile").read_text()
    assert "install: $(VENV)/.installed .env" in makefile
    assert "-m learning.dotenv_file $@" in makefile


def test_git_ignores_it():
    assert ".env" in (ROOT / ".gitignore").read_text().splitlines()
