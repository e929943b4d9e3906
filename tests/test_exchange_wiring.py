"""Exports and GIFT imports as instructors use them: commands, downloads and uploads."""

import io
import zipfile
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from quizzes import question_types
from quizzes.exports import questions_export
from quizzes.importing import article_import
from quizzes.models import Question
from quizzes.services import (
    ContentError,
    article_approve_best,
    course_ensure,
    questions_import_gift,
)
from tests.factories import InstructorFactory

SEED = Path(__file__).resolve().parent.parent / "seeds" / "003_a44df72abeecd1ad.txt"
BAD_GIFT = """Good question?{=yes ~no}

Which number?{#many}

// an essay
Write about it.{}
"""


@pytest.fixture
def article(instructor):
    text = SEED.read_text(encoding="utf-8")
    article = article_import(raw_text=text, title="Summit", owner=instructor).article
    article_approve_best(article=article, count=40, reviewer=instructor)
    return article


@pytest.fixture
def course(article, instructor):
    return course_ensure(title="World news", instructor=instructor, articles=[article])


def _fields(question) -> tuple:
    # Accepted variants mean something only where the answer is typed, and only those that
    # are not the answer again.
    typed = question_types.question_type(question.type).typed
    variants = question_types.other_accepted(question) if typed else []
    return (question.type, question.prompt, question.answer, sorted(variants),
            sorted(map(str, question.choices)), question.tolerance or 0)  # fmt: skip


def test_exporting_to_gift_and_importing_gives_the_same_questions(article, instructor):
    export = questions_export(format="gift", article=article)
    copy = article_import(
        raw_text=article.raw_text, title="Copy", owner=InstructorFactory(username="other")
    ).article
    imported = questions_import_gift(article=copy, text=export.content.decode(), author=copy.owner)
    carried = [q for q in article.questions.approved() if q.type != "ordering"]
    assert sorted(map(_fields, imported)) == sorted(map(_fields, carried))
    # GIFT carries no source sentence: each comes back as the article sentence most like it.
    original = {(q.type, q.prompt): q.sentence for q in carried}
    for question in imported:
        source = original[(question.type, question.prompt)]
        assert question.sentence in source or source in question.sentence


def test_only_approved_questions_are_exported(article):
    export = questions_export(format="csv", article=article)
    assert export.count == article.questions.approved().count()
    candidate = article.questions.filter(status=Question.Status.CANDIDATE).first()
    assert candidate.prompt not in export.content.decode()


def test_the_command_writes_a_course_as_an_anki_package(course, tmp_path):
    output = tmp_path / "course.apkg"
    out = io.StringIO()
    call_command(
        "export_questions", "--course", course.slug, "--format", "apkg", "--output", str(output),
        stdout=out,
    )  # fmt: skip
    assert zipfile.is_zipfile(output)
    assert "Wrote" in out.getvalue()


def test_the_command_names_an_unknown_course(db, tmp_path):
    with pytest.raises(CommandError, match="no course 'nope'"):
        call_command("export_questions", "--course", "nope", "--format", "csv",
                     "--output", str(tmp_path / "x.csv"))  # fmt: skip


def test_a_gift_file_with_bad_questions_reports_each_line_and_imports_nothing(article, tmp_path):
    before = article.questions.count()
    gift = tmp_path / "bad.gift"
    gift.write_text(BAD_GIFT, encoding="utf-8")
    with pytest.raises(CommandError) as raised:
        call_command("import_gift", "--article", str(article.pk), str(gift))
    assert "Line 3" in str(raised.value)
    assert "Line 6" in str(raised.value)
    assert article.questions.count() == before


def test_the_import_command_adds_approved_questions(article, tmp_path):
    gift = tmp_path / "good.gift"
    gift.write_text("Did Kim travel by train?{T}\n\nHow many hours?{#5:1}\n", encoding="utf-8")
    call_command("import_gift", "--article", str(article.pk), str(gift), stdout=io.StringIO())
    imported = article.questions.filter(origin=Question.Origin.IMPORTED)
    assert sorted(imported.values_list("type", flat=True)) == ["numeric", "true_false"]
    assert set(imported.values_list("status", flat=True)) == {"approved"}


@pytest.mark.parametrize("format_", ["gift", "apkg", "csv"])
def test_the_course_page_downloads_each_format(instructor_client, course, format_):
    response = instructor_client.get(reverse("quizzes:course_export", args=[course.pk, format_]))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="world-news.')


def test_an_unknown_export_format_is_a_404(instructor_client, course):
    url = reverse("quizzes:course_export", args=[course.pk, "pdf"])
    assert instructor_client.get(url).status_code == 404


def test_the_upload_form_lists_every_bad_line(instructor_client, article):
    upload = SimpleUploadedFile("bad.gift", BAD_GIFT.encode())
    url = reverse("quizzes:article_import_gift", args=[article.pk])
    content = instructor_client.post(url, {"file": upload}).content.decode()
    assert "Nothing was imported" in content
    assert "Line 3" in content
    assert "Line 6" in content


def test_the_upload_form_refuses_a_file_that_is_not_utf8(instructor_client, article):
    upload = SimpleUploadedFile("bad.gift", "Ça va?{T}".encode("latin-1"))
    url = reverse("quizzes:article_import_gift", args=[article.pk])
    assert "not UTF-8" in instructor_client.post(url, {"file": upload}).content.decode()


def test_importing_a_gift_file_twice_adds_its_questions_once(article, instructor):
    text = "Did Kim travel by train?{T}\n\nHow many hours?{#5:1}\n"
    questions_import_gift(article=article, text=text, author=instructor)
    again = questions_import_gift(article=article, text=text, author=instructor)
    assert again == []
    assert article.questions.filter(origin=Question.Origin.IMPORTED).count() == 2


def test_a_nul_character_in_a_gift_file_is_reported_with_its_line(article, instructor):
    with pytest.raises(ContentError, match=r"Line 1: .*NUL"):
        questions_import_gift(
            article=article, text="Who\x00 built it?{=Jane ~John}", author=instructor
        )
