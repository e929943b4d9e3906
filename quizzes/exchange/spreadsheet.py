"""CSV for spreadsheets: questions now, quiz results later, through one safe writer.

Choices, so that Excel and LibreOffice open the file as it is meant:
- UTF-8 with a byte order mark, comma-separated, CRLF line ends, every cell that needs it quoted
  (RFC 4180). Excel reads a file without the mark as the Windows code page and garbles accents;
  LibreOffice and Python's `utf-8-sig` read the mark and drop it. Where Excel's list separator is
  a semicolon (much of Europe), its Data > From Text/CSV import reads the file correctly.
- Safe against formula injection (OWASP's CSV injection advice): a cell that starts with `=`, `+`,
  `-`, `@`, a tab or a carriage return, even after spaces or line breaks, is prefixed with `'`, so
  a spreadsheet shows it as text instead of running it; the `'` shows, which is the price. A plain
  number such as `-3`, `-2.5` or `-1,000` is left alone: it cannot run anything and must stay a
  number to be summed.
- Questions: one row per question. `answer` is the answer as a card shows it ("True", "1,000",
  "Kim → North Korea; ..."); `answer_json`, `accepted` and `choices` are JSON, exact for any type
  (json.loads gives the values back).
"""

import csv
import io
import json
import re
from collections.abc import Iterable
from typing import TextIO

from quizzes.question_types import answer_text

BOM = "\ufeff"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"-?(?:\d+|\d{1,3}(?:,\d{3})+)(?:\.\d+)?(?:[eE][-+]?\d+)?", re.ASCII)

QUESTION_COLUMNS = [
    "id",
    "article",
    "type",
    "status",
    "prompt",
    "answer",
    "answer_json",
    "accepted",
    "choices",
    "tolerance",
    "explanation",
    "sentence",
    "score",
]


def safe_cell(value) -> str:
    """A value as CSV cell text that no spreadsheet runs as a formula."""
    text = "" if value is None else str(value)
    if _PLAIN_NUMBER.fullmatch(text):
        return text
    if text.lstrip(" \n").startswith(_FORMULA_START):
        return "'" + text
    return text


def write_safe_csv(out: TextIO, header: list[str], rows: Iterable[Iterable]) -> None:
    """Write a byte order mark, the header and the rows to `out`, every cell made safe. Encode
    what is written as UTF-8 (not utf-8-sig, which would add a second mark)."""
    out.write(BOM)
    writer = csv.writer(out)
    writer.writerow([safe_cell(name) for name in header])
    writer.writerows([safe_cell(value) for value in row] for row in rows)


def questions_to_csv(questions: Iterable) -> str:
    """The questions as CSV text. A stored question's `article` is read once per row: fetch
    them with select_related("article")."""
    out = io.StringIO()
    write_safe_csv(out, QUESTION_COLUMNS, (_question_row(question) for question in questions))
    return out.getvalue()


def _question_row(question) -> list:
    article = getattr(question, "article", None)
    return [
        getattr(question, "pk", None),
        getattr(article, "title", article),
        question.type,
        getattr(question, "status", None),
        question.prompt,
        answer_text(question.answer),
        _json(question.answer),
        _json(list(question.accepted or [])),
        _json(list(question.choices or [])),
        question.tolerance,
        question.explanation,
        question.sentence,
        getattr(question, "score", None),
    ]


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False)
