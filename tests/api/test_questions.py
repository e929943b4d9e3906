"""The question bank through the API, for instructors."""

import pytest

from quizzes.models import Question
from tests.factories import ArticleFactory, QuestionFactory

pytestmark = pytest.mark.usefixtures("fast_passwords")


@pytest.fixture
def article(instructor):
    return ArticleFactory(owner=instructor)


@pytest.fixture
def question(article):
    return QuestionFactory(fact__article=article, status="candidate")


def test_the_list_filters_like_the_bank(instructor_api, article, question):
    QuestionFactory(fact__article=article, type="true_false", answer=True, status="approved")
    body = instructor_api.get("/api/v1/questions/", {"status": "candidate"}).json()
    assert [q["id"] for q in body["results"]] == [question.pk]


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"q": "nul\x00byte"}, "q"),
        ({"status": "lost"}, "status"),
        ({"type": "essay"}, "type"),
        ({"article": "-3"}, "article"),
    ],
)
def test_a_malformed_filter_is_a_400_naming_it(instructor_api, question, params, field):
    response = instructor_api.get("/api/v1/questions/", params)
    assert response.status_code == 400
    assert list(response.json()["error"]["fields"]) == [field]


def test_the_list_holds_only_ones_own_questions(instructor_api, question):
    QuestionFactory()
    assert len(instructor_api.get("/api/v1/questions/").json()["results"]) == 1


def test_approving_and_rejecting(instructor_api, question):
    instructor_api.post(f"/api/v1/questions/{question.pk}/approve/")
    question.refresh_from_db()
    assert question.status == "approved"
    instructor_api.post(f"/api/v1/questions/{question.pk}/reject/")
    question.refresh_from_db()
    assert question.status == "rejected"


def _content(question, **changes) -> dict:
    return {"type": question.type, "prompt": question.prompt, "answer": question.answer,
            "sentence_start": 0} | changes  # fmt: skip


def test_editing_saves_a_new_version(instructor_api, question):
    response = instructor_api.put(
        f"/api/v1/questions/{question.pk}/", _content(question, prompt="Which day?")
    )
    body = response.json()
    assert (body["version"], body["prompt"], body["versions"][0]["number"]) == (2, "Which day?", 1)


def test_an_invalid_edit_is_refused_with_the_rule(instructor_api, question):
    response = instructor_api.put(
        f"/api/v1/questions/{question.pk}/",
        _content(question, type="multiple_choice", choices=["Monday", "Friday"]),
    )
    assert response.status_code == 400
    assert "one of the choices" in response.json()["error"]["message"]
    question.refresh_from_db()
    assert question.version == 1


def test_writing_a_question_by_hand(instructor_api, article):
    response = instructor_api.post(
        "/api/v1/questions/",
        {"article": article.pk, "type": "numeric", "prompt": "How many?", "answer": 12,
         "tolerance": 0, "sentence_start": 0},
    )  # fmt: skip
    assert response.status_code == 201
    assert Question.objects.get().status == "approved"


def test_another_instructors_question_is_a_404(instructor_api):
    theirs = QuestionFactory()
    assert instructor_api.get(f"/api/v1/questions/{theirs.pk}/").status_code == 404
    assert instructor_api.post(f"/api/v1/questions/{theirs.pk}/approve/").status_code == 404


def test_students_get_403_on_the_bank(student_api, question):
    assert student_api.get("/api/v1/questions/").status_code == 403


@pytest.mark.parametrize(("value", "listed"), [("true", []), ("0", ["q"]), ("false", ["q"])])
def test_the_flagged_filter_reads_true_and_false(instructor_api, question, value, listed):
    body = instructor_api.get("/api/v1/questions/", {"flagged": value}).json()
    assert [q["id"] for q in body["results"]] == [question.pk for _ in listed]


def test_a_flagged_filter_that_is_neither_true_nor_false_is_a_400(instructor_api, question):
    response = instructor_api.get("/api/v1/questions/", {"flagged": "xyz"})
    assert response.json()["error"]["fields"] == {"flagged": ["Say true or false."]}
