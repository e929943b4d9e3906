"""Quizzes through the API: starting, saving, submitting, and no answer before its time."""

import json
from datetime import timedelta

import pytest

from learning.models import Attempt
from quizzes.models import Quiz
from tests.factories import (
    ArticleFactory,
    CourseFactory,
    EnrollmentFactory,
    QuestionFactory,
    QuizFactory,
    QuizSlotFactory,
    StudentFactory,
)

pytestmark = pytest.mark.usefixtures("fast_passwords")
SECRET = "Zanzibar-answer"
EXPLANATION = "Because the tunnel-explanation says so."


@pytest.fixture
def quiz(student):
    course = CourseFactory()
    article = ArticleFactory(owner=course.instructor)
    course.articles.add(article)
    EnrollmentFactory(course=course, student=student)
    quiz = QuizFactory(course=course, time_limit=timedelta(minutes=20))
    typed = QuestionFactory(fact__article=article, answer=SECRET, accepted=[SECRET + "-v"],
                            explanation=EXPLANATION)  # fmt: skip
    ordering = QuestionFactory(fact__article=article, type="ordering", answer=["A", "B", "C"],
                               choices=["C", "A", "B"], explanation=EXPLANATION)  # fmt: skip
    QuizSlotFactory(quiz=quiz, position=1, question=typed)
    QuizSlotFactory(quiz=quiz, position=2, question=ordering)
    return quiz


def _start(api, quiz):
    return api.post(f"/api/v1/quizzes/{quiz.pk}/attempts/")


def test_the_list_shows_attempts_left(student_api, quiz):
    assert student_api.get("/api/v1/quizzes/").json()["results"][0]["attempts_left"] == 2


def test_starting_twice_gives_the_same_attempt(student_api, quiz):
    first, again = _start(student_api, quiz), _start(student_api, quiz)
    assert (first.status_code, again.status_code) == (201, 200)
    assert first.json()["id"] == again.json()["id"]


def test_no_answer_is_sent_before_the_attempt_is_submitted(student_api, quiz):
    attempt = _start(student_api, quiz).json()
    ids = [q["question_id"] for q in attempt["questions"]]
    saved = student_api.put(f"/api/v1/attempts/{attempt['id']}/answers/{ids[0]}/",
                            {"response": "wrong"})  # fmt: skip
    bodies = [json.dumps(attempt), saved.content.decode(),
              student_api.get(f"/api/v1/attempts/{attempt['id']}/").content.decode()]  # fmt: skip
    for body in bodies:
        for secret in (SECRET, EXPLANATION, '"score": 0', '"feedback"'):
            assert secret not in body


def test_answers_are_saved_and_the_result_shows_after_submitting(student_api, quiz):
    attempt = _start(student_api, quiz).json()
    first, second = (q["question_id"] for q in attempt["questions"])
    base = f"/api/v1/attempts/{attempt['id']}"
    student_api.put(f"{base}/answers/{first}/", {"response": SECRET.lower()})
    student_api.put(f"{base}/answers/{second}/", {"response": ["A", "C", "B"]})
    result = student_api.post(f"{base}/submit/").json()
    assert result["score"] == pytest.approx(1 + 2 / 3, abs=1e-3)
    assert result["questions"][0]["feedback"]["answer"] == SECRET


def test_a_response_of_the_wrong_shape_is_refused(student_api, quiz):
    attempt = _start(student_api, quiz).json()
    ordering = attempt["questions"][1]["question_id"]
    response = student_api.put(f"/api/v1/attempts/{attempt['id']}/answers/{ordering}/",
                               {"response": {"not": "a list"}})  # fmt: skip
    assert response.status_code == 400
    assert "each once" in response.json()["error"]["message"]


def test_a_second_submit_changes_nothing_and_says_why(student_api, quiz):
    attempt = _start(student_api, quiz).json()
    student_api.post(f"/api/v1/attempts/{attempt['id']}/submit/")
    again = student_api.post(f"/api/v1/attempts/{attempt['id']}/submit/")
    assert again.status_code == 400
    assert "already" in again.json()["error"]["message"]


def test_another_students_attempt_is_a_404(api, student_api, quiz):
    attempt = _start(student_api, quiz).json()
    api.force_authenticate(StudentFactory(username="other"))
    assert api.get(f"/api/v1/attempts/{attempt['id']}/").status_code == 404
    assert api.post(f"/api/v1/attempts/{attempt['id']}/submit/").status_code == 404


def test_an_unpublished_quiz_is_a_404(student_api, quiz):
    Quiz.objects.filter(pk=quiz.pk).update(published_at=None)
    assert _start(student_api, quiz).status_code == 404
    assert not Attempt.objects.exists()


def test_instructors_get_403(instructor_api, quiz):
    assert instructor_api.get("/api/v1/quizzes/").status_code == 403
