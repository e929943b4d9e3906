from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from quizzes.importing import article_import
from quizzes.models import Article, Question

SEED_TEXT = (
    Path(__file__).resolve().parent.parent / "seeds" / "000_db8d90b087f169f8.txt"
).read_text(encoding="utf-8")
NEW = reverse("quizzes:article_new")


@pytest.fixture
def article(instructor):
    return article_import(raw_text=SEED_TEXT, title="Kim to meet Putin", owner=instructor).article


def test_the_import_page_sends_anonymous_visitors_to_log_in(client, db):
    assert client.get(NEW).status_code == 302


def test_the_import_page_is_forbidden_to_students(student_client):
    assert student_client.get(NEW).status_code == 403


def test_the_import_page_shows_the_form_to_instructors(instructor_client):
    response = instructor_client.get(NEW)
    assert response.status_code == 200
    assert b'type="file"' in response.content


def test_pasting_text_imports_the_article_and_shows_it(instructor_client, instructor):
    response = instructor_client.post(NEW, {"text": SEED_TEXT, "outlet": "Euronews"}, follow=True)
    article = Article.objects.get()
    assert article.owner == instructor
    assert response.redirect_chain[-1][0] == article.get_absolute_url()
    assert b'<mark id="s-' in response.content
    assert b"candidate questions added" in response.content


def test_uploading_an_html_file_imports_its_text(instructor_client):
    html = (
        "<html><body><article><p>"
        + SEED_TEXT.replace("\n\n", "</p><p>")
        + "</p></article></body></html>"
    )
    upload = SimpleUploadedFile("kim.html", html.encode("utf-8"), content_type="text/html")
    response = instructor_client.post(NEW, {"file": upload})
    assert response.status_code == 302
    assert Article.objects.get().questions.exists()


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (SimpleUploadedFile("a.pdf", b"%PDF-1.4"), b"Only .txt and .html"),
        (SimpleUploadedFile("a.txt", b"\x00\x01\x02binary\x00"), b"a.txt"),
        (SimpleUploadedFile("a.txt", b"   "), b"empty"),
    ],
)
def test_a_bad_upload_gets_a_message_and_writes_nothing(instructor_client, upload, message):
    response = instructor_client.post(NEW, {"file": upload})
    assert response.status_code == 200
    assert message in response.content
    assert Article.objects.count() == 0


def test_an_empty_form_asks_for_text(instructor_client):
    response = instructor_client.post(NEW, {"text": "  "})
    assert b"Paste the article" in response.content
    assert Article.objects.count() == 0


def test_the_article_page_is_forbidden_to_students(student_client, article):
    assert student_client.get(article.get_absolute_url()).status_code == 403


def test_the_article_page_lists_questions_with_their_scores(instructor_client, article):
    response = instructor_client.get(article.get_absolute_url())
    best = article.questions.order_by("-score").first()
    assert response.status_code == 200
    assert best.prompt.encode() in response.content or best.prompt in response.content.decode()
    assert f"score {best.score_percent}".encode() in response.content


def test_the_article_page_filters_by_status(instructor_client, article):
    question = article.questions.first()
    question.status = Question.Status.APPROVED
    question.save()
    response = instructor_client.get(article.get_absolute_url() + "?status=approved")
    assert list(response.context["questions"]) == [question]


def test_approving_a_question_with_htmx_returns_its_card(instructor_client, article, instructor):
    question = article.questions.first()
    url = reverse("quizzes:question_review", args=[question.pk])
    response = instructor_client.post(url, {"status": "approved"}, headers={"HX-Request": "true"})
    question.refresh_from_db()
    assert question.status == "approved"
    assert question.reviewed_by == instructor
    assert response.templates[0].name == "quizzes/question_card.html"


def test_rejecting_without_htmx_redirects_to_the_article(instructor_client, article):
    question = article.questions.first()
    response = instructor_client.post(
        reverse("quizzes:question_review", args=[question.pk]), {"status": "rejected"}
    )
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.status == "rejected"


def test_students_cannot_review_questions(student_client, article):
    question = article.questions.first()
    response = student_client.post(
        reverse("quizzes:question_review", args=[question.pk]), {"status": "approved"}
    )
    assert response.status_code == 403
    question.refresh_from_db()
    assert question.status == "candidate"


def test_an_unknown_review_status_changes_nothing(instructor_client, article):
    question = article.questions.first()
    instructor_client.post(
        reverse("quizzes:question_review", args=[question.pk]), {"status": "retired"}
    )
    question.refresh_from_db()
    assert question.status == "candidate"
