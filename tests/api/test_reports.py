"""Instructors' reports through the API: a course's students and quizzes, a quiz's results and
item analysis, the same figures as the /teach/ pages."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from learning.results import course_quiz_summaries
from learning.services import attempt_answer_save, attempt_start, attempt_submit, review_record
from tests.factories import (
    ArticleFactory,
    CardFactory,
    CourseFactory,
    EnrollmentFactory,
    QuestionFactory,
    QuizFactory,
    QuizSlotFactory,
    StudentFactory,
)

pytestmark = pytest.mark.usefixtures("fast_passwords")


@pytest.fixture
def course(instructor):
    course = CourseFactory(instructor=instructor, title="World news")
    course.articles.add(ArticleFactory(owner=instructor))
    return course


@pytest.fixture
def quiz(course):
    quiz = QuizFactory(course=course, title="Summit")
    article = course.articles.get()
    typed = QuestionFactory(fact__article=article, type="short_answer", answer="Tuesday")
    picked = QuestionFactory(fact__article=article, type="multiple_choice", answer="Kim",
                             choices=["Kim", "Moon", "Abe"])  # fmt: skip
    QuizSlotFactory(quiz=quiz, position=1, question=typed)
    QuizSlotFactory(quiz=quiz, position=2, question=picked)
    return quiz


def _take(quiz, student, answers):
    now = timezone.now()
    EnrollmentFactory(course=quiz.course, student=student)
    attempt = attempt_start(student=student, quiz=quiz, now=now)
    for position, response in enumerate(answers, start=1):
        attempt_answer_save(student=student, attempt=attempt, position=position,
                            response=response, now=now)  # fmt: skip
    return attempt_submit(student=student, attempt=attempt, now=now)


def test_the_quiz_report_has_each_students_result_and_each_items_statistics(instructor_api, quiz):
    _take(quiz, StudentFactory(username="ana"), ["Tuesday", "Kim"])
    _take(quiz, StudentFactory(username="bo"), ["Monday", "Moon"])
    body = instructor_api.get(f"/api/v1/quizzes/{quiz.pk}/report/").json()
    assert [(r["student"], r["best_score"], r["max_score"]) for r in body["results"]] == [
        ("ana", 2.0, 2.0),
        ("bo", 0.0, 2.0),
    ]
    typed, picked = body["items"]
    assert (typed["attempts"], typed["facility"]) == (2, 0.5)
    assert typed["discrimination"] == pytest.approx(1.0)
    assert picked["picks"] == [
        {"option": "Kim", "picked": 1},
        {"option": "Moon", "picked": 1},
        {"option": "Abe", "picked": 0},
    ]
    assert body["min_attempts"] == 10
    assert picked["flags"] == []


def test_reading_the_report_writes_nothing(instructor_api, quiz):
    for n in range(10):
        _take(quiz, StudentFactory(username=f"s{n}"), ["Tuesday", "Kim"])
    with CaptureQueriesContext(connection) as queries:
        body = instructor_api.get(f"/api/v1/quizzes/{quiz.pk}/report/").json()
    assert {flag["reason"] for flag in body["items"][0]["flags"]} == {"too_easy"}
    writes = [q["sql"] for q in queries if q["sql"].startswith(("INSERT", "DELETE"))]
    assert writes == []


def test_the_course_report_lists_students_and_quiz_summaries(instructor_api, course, quiz):
    ana = StudentFactory(username="ana")
    _take(quiz, ana, ["Tuesday", "Moon"])
    card = CardFactory(student=ana, question=quiz.slots.first().question)
    now = timezone.now()
    review_record(student=ana, card=card, rating=3, reviewed_at=now, duration=timedelta(seconds=4),
                  client_id="r1")  # fmt: skip
    body = instructor_api.get(f"/api/v1/courses/{course.pk}/report/").json()
    assert [(s["student"], s["reviews"]) for s in body["students"]] == [("ana", 1)]
    assert body["quizzes"] == [
        {
            "id": quiz.pk,
            "title": "Summit",
            "published_at": body["quizzes"][0]["published_at"],
            "opens_at": None,
            "closes_at": None,
            "students_finished": 1,
            "mean_score": 0.5,
        }
    ]


def test_a_mean_counts_each_students_first_finished_attempt(course, quiz):
    ana = StudentFactory(username="ana")
    _take(quiz, ana, ["Monday", "Moon"])
    now = timezone.now()
    second = attempt_start(student=ana, quiz=quiz, now=now)
    attempt_answer_save(student=ana, attempt=second, position=1, response="Tuesday", now=now)
    attempt_submit(student=ana, attempt=second, now=now)
    summary = course_quiz_summaries(course, now).get()
    assert (summary.students_finished, summary.mean_score) == (1, 0.0)
