"""Writes the development `.env` that `make install` leaves in a fresh clone.

Run as `python -m learning.dotenv_file PATH`. It needs nothing but the standard library, so the
Makefile can call it before anything is configured. An existing file is never touched: it may
hold the developer's own settings, and a new key would log everyone out.
"""

import os
import secrets
import sys
from pathlib import Path

TEMPLATE = """\
# Development settings, written once by `make install` (learning/dotenv_file.py) and read by
# learning/settings.py. Variables set in the real environment take precedence. Never commit
# this file, and never use it in production: there, set DEBUG=0 and a SECRET_KEY of its own.
DEBUG=1
SECRET_KEY={secret_key}
"""


def dotenv_write(path: Path) -> bool:
    """Write a development .env at `path` unless one exists; return whether it was written."""
    # 50 random bytes give a 67-character key of letters, digits, "-" and "_": long enough for
    # `check --deploy`, and nothing a dotenv parser could read as a quote, comment or variable.
    content = TEMPLATE.format(secret_key=secrets.token_urlsafe(50))
    try:
        # Created only if missing, and readable by its owner alone: it holds a signing key.
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return False
    with os.fdopen(descriptor, "w", encoding="utf-8") as file:
        file.write(content)
    return True


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python -m learning.dotenv_file PATH", file=sys.stderr)
        return 2
    path = Path(argv[0])
    if dotenv_write(path):
        print(f"Wrote {path} with development settings (DEBUG=1 and a new SECRET_KEY).")
    else:
        print(f"{path} exists; left as it is.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
