"""Reading article files for the generate and import_article commands."""

import datetime
from pathlib import Path

from django.core.management.base import CommandError

from quizzes.errors import ContentError
from quizzes.importing import article_text_from_upload


def read_article_file(path: str) -> str:
    file = Path(path)
    if not file.is_file():
        raise CommandError(f"{path}: no such file.")
    try:
        return article_text_from_upload(data=file.read_bytes(), filename=file.name)
    except ContentError as error:
        raise CommandError(str(error)) from None


def parse_date(value: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"{value!r} is not a date in the form YYYY-MM-DD.") from None
