from pathlib import Path

import pytest
from django.test import override_settings

from quizzes.errors import ContentError
from quizzes.importing import article_import, article_text_from_upload
from quizzes.models import Article, Fact, Question
from tests.factories import InstructorFactory

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture(scope="session")
def summit_text() -> str:
    return (SEEDS / "003_a44df72abeecd1ad.txt").read_text(encoding="utf-8")


def test_it_stores_the_article_with_facts_and_candidate_questions(instructor, summit_text):
    result = article_import(
        raw_text=summit_text, title="Summit", outlet="Current Time", owner=instructor
    )
    article = result.article
    assert result.outcome == "created"
    assert article.facts.count() == result.facts_added > 10
    assert article.questions.count() == result.questions_added >= 30
    assert set(article.questions.values_list("status", flat=True)) == {"candidate"}


def test_every_stored_question_points_into_the_cleaned_text(instructor, summit_text):
    article = article_import(raw_text=summit_text, owner=instructor).article
    for question in article.questions.all():
        assert article.text[question.start : question.end] == question.sentence
        assert question.fact.article_id == article.pk


def test_it_drops_page_boilerplate_from_the_stored_text(instructor, summit_text):
    article = article_import(raw_text=summit_text, owner=instructor).article
    assert "please wait" not in article.text
    assert "0:00" not in article.text
    assert "Kim Jong-Un" in article.text


def test_importing_the_same_text_again_changes_nothing(instructor, summit_text):
    first = article_import(raw_text=summit_text, owner=instructor).article
    questions = set(Question.objects.values_list("pk", "status"))
    again = article_import(raw_text=summit_text, owner=instructor)
    assert again.outcome == "unchanged"
    assert again.article.pk == first.pk
    assert Article.objects.count() == 1
    assert set(Question.objects.values_list("pk", "status")) == questions


def test_a_corrected_version_keeps_what_did_not_change(summit_text, instructor):
    article = article_import(raw_text=summit_text, title="Summit", owner=instructor).article
    kept = article.questions.exclude(sentence__contains="December 22").first()
    kept.status = Question.Status.APPROVED
    kept.save()
    changed_sentence = article.questions.filter(sentence__contains="December 22").first().sentence
    fact_ids_before = set(
        Fact.objects.exclude(sentence=changed_sentence).values_list("pk", flat=True)
    )

    corrected = summit_text.replace("by December 22", "by December 31")
    result = article_import(raw_text=corrected, title="Summit", owner=instructor)

    assert result.outcome == "updated"
    assert result.article.pk == article.pk
    kept.refresh_from_db()
    assert kept.status == Question.Status.APPROVED
    assert fact_ids_before <= set(Fact.objects.current().values_list("pk", flat=True))
    assert result.questions_retired > 0
    assert not Question.objects.filter(sentence=changed_sentence).exclude(status="retired").exists()
    assert Question.objects.filter(sentence__contains="December 31").exists()


@pytest.mark.parametrize(
    ("raw_text", "message"),
    [
        ("", "empty"),
        ("   \n\t  \n", "empty"),
        ("%%%% ---- //// 1234 5678", "sentences"),
    ],
)
def test_it_refuses_text_without_an_article_and_writes_nothing(instructor, raw_text, message):
    with pytest.raises(ContentError, match=message):
        article_import(raw_text=raw_text, owner=instructor)
    assert Article.objects.count() == 0
    assert Fact.objects.count() == 0


def test_it_refuses_text_over_the_size_limit(instructor):
    with override_settings(ARTICLE_MAX_BYTES=100), pytest.raises(ContentError, match="limit"):
        article_import(raw_text="The summit was held in Vladivostok. " * 10, owner=instructor)
    assert Article.objects.count() == 0


def test_it_refuses_binary_uploads():
    with pytest.raises(ContentError, match=r"article\.txt"):
        article_text_from_upload(
            data=b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00", filename="article.txt"
        )


def test_it_refuses_undecodable_uploads():
    with pytest.raises(ContentError, match=r"article\.txt"):
        article_text_from_upload(data=bytes(range(128, 256)) * 4, filename="article.txt")


@override_settings(ARTICLE_MAX_BYTES=10)
def test_it_refuses_uploads_over_the_size_limit():
    with pytest.raises(ContentError, match="the limit is 10"):
        article_text_from_upload(data=b"A long enough article.", filename="article.txt")


def test_it_reads_html_uploads_as_text():
    html = (
        b"<html><body><nav>Home</nav>"
        b"<p>The summit was held in <b>Vladivostok</b>.</p></body></html>"
    )
    text = article_text_from_upload(data=html, filename="page.html")
    assert "The summit was held in Vladivostok." in text
    assert "<" not in text


def test_a_pasted_html_page_is_read_as_an_uploaded_one(instructor, summit_text):
    paragraphs = "".join(f"<p>{line}</p>" for line in summit_text.splitlines() if line.strip())
    page = f"<!DOCTYPE html><html><body><nav>Home | World</nav>{paragraphs}</body></html>"
    article = article_import(raw_text=page, owner=instructor).article
    assert "<p>" not in article.text
    assert article.questions.count() >= 30


# Each instructor's articles are their own.


@pytest.fixture
def other_instructor(db):
    return InstructorFactory(username="other")


def test_a_reimport_with_another_instructors_url_leaves_their_article_alone(
    summit_text, instructor, other_instructor
):
    theirs = article_import(
        raw_text=summit_text, title="Summit", url="https://example.com/s", owner=instructor
    ).article
    theirs.questions.update(status=Question.Status.APPROVED)
    corrected = summit_text.replace("December 22", "December 23")
    mine = article_import(
        raw_text=corrected, title="Summit", url="https://example.com/s", owner=other_instructor
    )
    theirs.refresh_from_db()
    assert mine.outcome == "created"
    assert mine.article.owner == other_instructor
    assert (theirs.owner, theirs.raw_text) == (instructor, summit_text)
    assert not theirs.questions.exclude(status=Question.Status.APPROVED).exists()


def test_a_reimport_with_another_instructors_title_leaves_their_article_alone(
    summit_text, instructor, other_instructor
):
    theirs = article_import(raw_text=summit_text, title="Summit", owner=instructor).article
    corrected = summit_text.replace("December 22", "December 23")
    mine = article_import(raw_text=corrected, title="Summit", owner=other_instructor)
    theirs.refresh_from_db()
    assert mine.article.pk != theirs.pk
    assert theirs.raw_text == summit_text


def test_two_instructors_may_import_the_same_text(summit_text, instructor, other_instructor):
    first = article_import(raw_text=summit_text, owner=instructor)
    second = article_import(raw_text=summit_text, owner=other_instructor)
    assert (first.outcome, second.outcome) == ("created", "created")
    assert Article.objects.filter(content_hash=first.article.content_hash).count() == 2


def test_only_the_owner_may_name_an_article_to_correct(summit_text, instructor, other_instructor):
    theirs = article_import(raw_text=summit_text, owner=instructor).article
    with pytest.raises(ContentError, match="owner"):
        article_import(raw_text=summit_text + " More.", owner=other_instructor, replaces=theirs)
    assert Article.objects.count() == 1
