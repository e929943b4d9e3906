"""CSV for spreadsheets: every field of a question, and no cell a spreadsheet would run."""

import csv
import io
import json
from types import SimpleNamespace

import pytest

from quizzes.exchange.spreadsheet import (
    QUESTION_COLUMNS,
    questions_to_csv,
    safe_cell,
    write_safe_csv,
)
from tests.exchange.samples import one_of_each, question


def read_rows(text: str) -> list[dict]:
    # Decoding as Excel and LibreOffice do: the byte order mark says UTF-8 and is dropped.
    decoded = text.encode("utf-8").decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(decoded, newline="")))


def stored(question_, **fields):
    article = SimpleNamespace(title="Kim meets Putin", pk=3)
    values = {"article": article, "status": "approved", "score": 0.75} | fields
    for name, value in values.items():
        setattr(question_, name, value)
    return question_


@pytest.mark.parametrize(
    "text",
    ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "\tdata", "\rdata", "  =1+1", "\n=1"],
)
def test_it_prefixes_a_cell_a_spreadsheet_would_run(text):
    assert safe_cell(text) == "'" + text


@pytest.mark.parametrize("number", ["-3", "-2.5", "-1,000", "-1e5", "0.75"])
def test_it_leaves_plain_numbers_alone(number):
    assert safe_cell(number) == number


def test_it_leaves_ordinary_text_alone():
    assert safe_cell("Kim Jong Un met Putin = friends?") == "Kim Jong Un met Putin = friends?"


def test_it_writes_nothing_for_none():
    assert safe_cell(None) == ""


def test_it_starts_with_a_byte_order_mark_and_the_header():
    out = io.StringIO()
    write_safe_csv(out, ["name", "=score"], [])
    assert out.getvalue() == "\ufeffname,'=score\r\n"


def test_it_makes_every_cell_of_every_row_safe():
    out = io.StringIO()
    write_safe_csv(out, ["a", "b"], [["=1+1", -4], ["ok", "@me"]])
    assert out.getvalue().splitlines()[1:] == ["'=1+1,-4", "ok,'@me"]


def test_it_writes_one_row_per_question_with_every_column():
    rows = read_rows(questions_to_csv([stored(q) for q in one_of_each().values()]))
    assert len(rows) == 8
    assert list(rows[0]) == QUESTION_COLUMNS


def test_it_writes_the_fields_of_a_question():
    short = question(accepted=["Vladivostok, Russia"], explanation="Why.", sentence="Source.")
    [row] = read_rows(questions_to_csv([stored(short)]))
    assert row == {
        "id": "1",
        "article": "Kim meets Putin",
        "type": "short_answer",
        "status": "approved",
        "prompt": "Where did Kim Jong Un meet Vladimir Putin?",
        "answer": "Vladivostok",
        "answer_json": '"Vladivostok"',
        "accepted": '["Vladivostok, Russia"]',
        "choices": "[]",
        "tolerance": "",
        "explanation": "Why.",
        "sentence": "Source.",
        "score": "0.75",
    }


def test_it_writes_the_answer_readably_and_exactly():
    [row] = read_rows(questions_to_csv([stored(one_of_each()["matching"])]))
    assert row["answer"] == "Kim Jong Un → North Korea; Vladimir Putin → Russia"
    assert json.loads(row["answer_json"]) == one_of_each()["matching"].answer


def test_it_keeps_accents_quotes_and_line_breaks():
    text = 'Élysée "palace",\nsecond line'
    [row] = read_rows(questions_to_csv([stored(question(prompt=text))]))
    assert row["prompt"] == text


def test_it_keeps_a_negative_numeric_answer_a_number():
    [row] = read_rows(questions_to_csv([stored(question("numeric", answer=-5, tolerance=1.0))]))
    assert (row["answer_json"], row["tolerance"]) == ("-5", "1.0")


def test_it_defuses_a_formula_in_a_question():
    [row] = read_rows(questions_to_csv([stored(question(prompt="=cmd|' /C calc'!A0"))]))
    assert row["prompt"] == "'=cmd|' /C calc'!A0"
