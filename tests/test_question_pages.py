"""Editing and writing questions in the browser's forms."""

import pytest
from django.urls import reverse

from quizzes.models import Question
from tests.factories import ArticleFactory, QuestionFactory

pytestmark = pytest.mark.usefixtures("fast_passwords")


@pytest.fixture
def article(instructor):
    return ArticleFactory(owner=instructor)


@pytest.fixture
def question(article):
    return QuestionFactory(fact__article=article, accepted=["Tue"])


def test_the_edit_form_is_filled_with_the_question(instructor_client, question):
    content = instructor_client.get(reverse("quizzes:question_edit", args=[question.pk])).content
    assert question.prompt in content.decode()
    assert b"\nTue</textarea>" in content


def test_saving_the_edit_form_makes_a_new_version(instructor_client, question, article):
    url = reverse("quizzes:question_edit", args=[question.pk])
    data = {"prompt": "Which weekday?", "answer": "Tuesday", "accepted": "Tue\nTues",
            "explanation": "", "sentence": "0"}  # fmt: skip
    response = instructor_client.post(url, data, follow=True)
    question.refresh_from_db()
    assert (question.prompt, question.accepted, question.version) == (
        "Which weekday?", ["Tue", "Tues"], 2,
    )  # fmt: skip
    assert "Saved as version 2" in response.content.decode()
    assert "Version 1" in response.content.decode()


@pytest.mark.parametrize(
    ("type_", "data", "message"),
    [
        ("multiple_choice", {"answer": "Paris", "choices": "Paris"}, "at least two choices"),
        ("numeric", {"answer": "many", "tolerance": "1"}, "must be a number"),
        ("numeric", {"answer": "5", "tolerance": "-1"}, "greater than or equal to 0"),
        ("ordering", {"answer": "One\nTwo"}, "three items or more"),
        ("matching", {"answer": "Kim -> leader\nPutin"}, "Line 2 needs an arrow"),
        ("true_false", {"answer": "maybe"}, "Select a valid choice"),
        ("cloze", {"answer": "Tuesday"}, "needs a blank"),
    ],
)
def test_a_bad_hand_written_question_is_explained_and_saves_nothing(
    instructor_client, article, type_, data, message
):
    url = reverse("quizzes:question_new", args=[article.pk]) + f"?type={type_}"
    response = instructor_client.post(url, {"prompt": "What happened?", "sentence": "0"} | data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Question.objects.exists()


@pytest.mark.parametrize(
    ("type_", "data", "answer"),
    [
        ("matching", {"answer": "Kim -> leader\nPutin → president"},
         [["Kim", "leader"], ["Putin", "president"]]),
        ("numeric", {"answer": "2,500", "tolerance": "10"}, 2500),
        ("true_false", {"answer": "False"}, False),
        ("quote_attribution", {"answer": "Kim", "choices": "Kim\nPutin\nTrump"}, "Kim"),
    ],
)  # fmt: skip
def test_a_hand_written_question_of_each_kind_is_saved_approved(
    instructor_client, article, type_, data, answer
):
    url = reverse("quizzes:question_new", args=[article.pk]) + f"?type={type_}"
    instructor_client.post(url, {"prompt": "What happened?", "sentence": "0"} | data)
    question = Question.objects.get()
    assert (question.type, question.answer, question.status) == (type_, answer, "approved")


def test_writing_a_question_starts_by_choosing_its_type(instructor_client, article):
    content = instructor_client.get(reverse("quizzes:question_new", args=[article.pk])).content
    assert content.decode().count("?type=") == 8


def test_a_sentence_that_is_not_the_articles_is_refused(instructor_client, article):
    url = reverse("quizzes:question_new", args=[article.pk]) + "?type=short_answer"
    response = instructor_client.post(url, {"prompt": "Q?", "answer": "A", "sentence": "7"})
    assert "Choose one of the article" in response.content.decode()
    assert not Question.objects.exists()
