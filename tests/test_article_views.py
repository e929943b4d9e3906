from pathlib import Path
from urllib.parse import urlencode

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
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


TOO_LONG = b"The article is longer than the limit of 1,000,000 bytes."


@pytest.mark.parametrize("megabytes", [3, 30])
def test_a_paste_of_many_megabytes_shows_the_length_error_on_the_form(instructor_client, megabytes):
    response = instructor_client.post(NEW, {"text": "x" * megabytes * 1_000_000})
    assert response.status_code == 400
    assert TOO_LONG in response.content
    assert b'name="text"' in response.content
    assert Article.objects.count() == 0


def test_an_urlencoded_paste_of_many_megabytes_shows_the_length_error(instructor_client):
    response = instructor_client.post(
        NEW,
        urlencode({"text": "x" * 3_000_000}),
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 400
    assert TOO_LONG in response.content


def test_a_paste_just_over_the_limit_gets_the_same_error(instructor_client):
    response = instructor_client.post(NEW, {"text": "x" * 1_000_001})
    assert response.status_code == 200
    assert TOO_LONG in response.content


@pytest.mark.parametrize("megabytes", [3, 30])
def test_a_file_of_many_megabytes_shows_the_size_error(instructor_client, megabytes):
    upload = SimpleUploadedFile("big.txt", b"x" * megabytes * 1_000_000)
    response = instructor_client.post(NEW, {"file": upload})
    assert response.status_code == 200
    size = f"{megabytes * 1_000_000:,}".encode()
    assert b"big.txt is " + size + b" bytes; the limit is 1,000,000." in response.content
    assert Article.objects.count() == 0


def test_an_oversized_paste_from_an_anonymous_visitor_is_sent_to_log_in(client, db):
    assert client.post(NEW, {"text": "x" * 3_000_000}).status_code == 302


def test_the_import_form_still_needs_its_csrf_token(instructor):
    client = Client(enforce_csrf_checks=True)
    client.force_login(instructor)
    response = client.post(NEW, {"text": SEED_TEXT})
    assert response.status_code == 403
    assert Article.objects.count() == 0


def test_an_empty_form_asks_for_text(instructor_client):
    response = instructor_client.post(NEW, {"text": "  "})
    assert b"Paste the article" in response.content
    assert Article.objects.count() == 0


def test_the_article_page_is_forbidden_to_students(student_client, article):
    assert student_client.get(article.get_absolute_url()).status_code == 403


def test_the_article_page_lists_questions_with_their_scores(instructor_client, article):
    response = instructor_client.get(article.get_absolute_url() + "?sort=score")
    best = article.questions.order_by("-score").first()
    assert response.status_code == 200
    assert best.prompt.encode() in response.content or best.prompt in response.content.decode()
    assert f"score {best.score_percent}".encode() in response.content


def test_the_article_page_filters_by_status(instructor_client, article):
    question = article.questions.first()
    question.status = Question.Status.APPROVED
    question.save()
    response = instructor_client.get(article.get_absolute_url() + "?status=approved")
    assert list(response.context["page"]) == [question]


def test_the_question_bank_shows_twenty_questions_a_page(instructor_client, article):
    assert article.questions.count() > 40
    first = instructor_client.get(article.get_absolute_url())
    assert len(first.context["page"]) == 20
    last = instructor_client.get(article.get_absolute_url() + "?page=999")
    assert last.context["page"].number == last.context["page"].paginator.num_pages


def test_the_question_bank_filters_by_type_and_text(instructor_client, article):
    response = instructor_client.get(article.get_absolute_url(), {"type": "numeric", "q": "95"})
    page = list(response.context["page"])
    assert page
    assert all(q.type == "numeric" and "95" in f"{q.prompt}{q.answer}{q.sentence}" for q in page)


def test_the_question_bank_sorts_by_score(instructor_client, article):
    response = instructor_client.get(article.get_absolute_url(), {"sort": "score"})
    scores = [question.score for question in response.context["page"]]
    assert scores == sorted(scores, reverse=True)


def test_malformed_filters_show_everything(instructor_client, article):
    response = instructor_client.get(article.get_absolute_url(), {"type": "essay", "sort": "x"})
    assert response.status_code == 200
    assert len(response.context["page"]) == 20


def test_ticked_questions_are_approved_at_once(instructor_client, article):
    ticked = list(article.questions.values_list("pk", flat=True)[:3])
    url = reverse("quizzes:article_questions_review", args=[article.pk])
    response = instructor_client.post(
        url, {"status": "approved", "selected": ticked, "return_query": "type=cloze"}
    )
    assert response["Location"] == article.get_absolute_url() + "?type=cloze"
    assert article.questions.filter(status="approved").count() == 3


def test_a_bulk_action_without_ticks_is_explained(instructor_client, article):
    url = reverse("quizzes:article_questions_review", args=[article.pk])
    response = instructor_client.post(url, {"status": "approved"}, follow=True)
    assert "Tick the questions" in response.content.decode()
    assert not article.questions.filter(status="approved").exists()


def test_another_articles_questions_cannot_be_ticked(instructor_client, article, instructor):
    other = article_import(raw_text=SEED_TEXT + " Extra.", title="Other", owner=instructor).article
    url = reverse("quizzes:article_questions_review", args=[article.pk])
    stray = other.questions.first().pk
    instructor_client.post(url, {"status": "approved", "selected": [stray]})
    assert not other.questions.filter(status="approved").exists()


def test_the_best_n_questions_are_approved(instructor_client, article):
    url = reverse("quizzes:article_approve_best", args=[article.pk])
    instructor_client.post(url, {"count": 5})
    approved = set(article.questions.filter(status="approved").values_list("rank", flat=True))
    assert approved == set(article.questions.order_by("rank").values_list("rank", flat=True)[:5])


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
