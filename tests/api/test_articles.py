"""Articles through the API: import for instructors, reading for students of the course."""

from pathlib import Path

import pytest
from django.test import override_settings

from quizzes.models import Article
from tests.factories import ArticleFactory, CourseFactory, EnrollmentFactory

pytestmark = pytest.mark.usefixtures("fast_passwords")
SEED = (Path(__file__).resolve().parents[2] / "seeds" / "000_db8d90b087f169f8.txt").read_text()


def test_an_instructor_imports_an_article_and_gets_its_facts(instructor_api, instructor):
    response = instructor_api.post("/api/v1/articles/", {"text": SEED, "title": "Kim"})
    body = response.json()
    assert response.status_code == 201
    assert body["outcome"] == "created"
    assert body["questions_added"] > 30
    assert body["article"]["facts"]
    assert Article.objects.get().owner == instructor


def test_the_same_text_again_is_unchanged(instructor_api):
    instructor_api.post("/api/v1/articles/", {"text": SEED})
    again = instructor_api.post("/api/v1/articles/", {"text": SEED})
    assert (again.status_code, again.json()["outcome"]) == (200, "unchanged")


@override_settings(ARTICLE_MAX_BYTES=100)
def test_a_text_over_the_limit_gets_the_pages_message(instructor_api):
    response = instructor_api.post("/api/v1/articles/", {"text": "Long sentence here. " * 20})
    assert response.status_code == 400
    assert "longer than the limit of 100 bytes" in response.json()["error"]["fields"]["text"][0]
    assert not Article.objects.exists()


def test_text_with_no_sentences_is_refused(instructor_api):
    response = instructor_api.post("/api/v1/articles/", {"text": "%%%% ---- ////"})
    assert response.status_code == 400
    assert not Article.objects.exists()


def test_students_cannot_import(student_api):
    assert student_api.post("/api/v1/articles/", {"text": SEED}).status_code == 403


def test_a_student_reads_only_the_articles_of_their_courses(student_api, student):
    course = CourseFactory()
    mine = ArticleFactory(owner=course.instructor, title="Mine")
    course.articles.add(mine)
    EnrollmentFactory(course=course, student=student)
    other = ArticleFactory(title="Other")
    assert [a["title"] for a in student_api.get("/api/v1/articles/").json()["results"]] == ["Mine"]
    assert student_api.get(f"/api/v1/articles/{mine.pk}/").status_code == 200
    assert student_api.get(f"/api/v1/articles/{other.pk}/").status_code == 404


def test_another_instructors_article_is_a_404(instructor_api):
    theirs = ArticleFactory()
    response = instructor_api.get(f"/api/v1/articles/{theirs.pk}/")
    assert (response.status_code, response.json()["error"]["code"]) == (404, "not_found")


def test_an_unchanged_article_is_a_304_with_its_etag(instructor_api, instructor):
    article = ArticleFactory(owner=instructor)
    first = instructor_api.get(f"/api/v1/articles/{article.pk}/")
    again = instructor_api.get(f"/api/v1/articles/{article.pk}/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert (first.status_code, again.status_code) == (200, 304)
    assert again.content == b""
