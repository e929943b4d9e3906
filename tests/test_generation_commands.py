import io
import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from quizzes.models import Article, Question

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
SEED = str(SEEDS / "000_db8d90b087f169f8.txt")
QUESTION_KEYS = {
    "type", "prompt", "answer", "accepted", "choices", "tolerance", "fact", "sentence",
    "explanation", "score",
}  # fmt: skip


@pytest.fixture(scope="module")
def generated() -> dict:
    out = io.StringIO()
    call_command("generate", SEED, "--json", stdout=out)
    return json.loads(out.getvalue())


def test_generate_json_has_the_documented_shape(generated):
    [article] = generated["articles"]
    assert article["source"] == SEED
    assert article["title"]
    assert {"id", "kind", "text", "value", "sentence", "start", "end"} <= set(article["facts"][0])
    assert all(set(question) >= QUESTION_KEYS for question in article["questions"])


def test_generate_json_puts_a_best_scored_question_first(generated):
    scores = [question["score"] for question in generated["articles"][0]["questions"]]
    assert scores[0] >= max(scores) - 0.05


def test_generate_writes_nothing(db):
    call_command("generate", SEED, "--json", stdout=io.StringIO())
    assert Article.objects.count() == 0


def test_generate_prints_a_readable_summary_without_json(db):
    out = io.StringIO()
    call_command("generate", SEED, "--top", "3", stdout=out)
    assert "facts" in out.getvalue()
    assert " 1. [" in out.getvalue()


def test_generate_reports_a_missing_file_clearly(db):
    with pytest.raises(CommandError, match="no such file"):
        call_command("generate", "does-not-exist.txt")


def test_import_article_stores_candidates(instructor):
    out = io.StringIO()
    call_command("import_article", SEED, "--owner", "teacher", "--outlet", "Euronews", stdout=out)
    assert "Created article" in out.getvalue()
    article = Article.objects.get()
    assert article.outlet == "Euronews"
    assert article.questions.filter(status=Question.Status.CANDIDATE).exists()


def test_import_article_twice_reports_unchanged(instructor):
    call_command("import_article", SEED, "--owner", "teacher", stdout=io.StringIO())
    out = io.StringIO()
    call_command("import_article", SEED, "--owner", "teacher", stdout=out)
    assert out.getvalue().startswith("Unchanged")
    assert Article.objects.count() == 1


def test_import_article_refuses_an_empty_file_and_writes_nothing(instructor, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n")
    with pytest.raises(CommandError, match="empty"):
        call_command("import_article", str(empty), "--owner", "teacher")
    assert Article.objects.count() == 0


def test_import_article_refuses_a_bad_date(instructor):
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        call_command("import_article", SEED, "--owner", "teacher", "--published", "yesterday")


def test_import_article_needs_an_instructor_as_owner(student):
    with pytest.raises(CommandError, match="no instructor 'stu'"):
        call_command("import_article", SEED, "--owner", "stu")
    assert Article.objects.count() == 0
