"""Every list the API serves reads a fixed number of queries, however many rows it holds: each
is measured with a few rows and with many, and the larger may not take more."""

from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from rest_framework.test import APIClient

from learning.models import Attempt
from learning.services import attempt_answer_save, attempt_start, attempt_submit
from tests.factories import (
    ArticleFactory,
    CardFactory,
    CourseFactory,
    EnrollmentFactory,
    FactFactory,
    InstructorFactory,
    QuestionFactory,
    QuizFactory,
    QuizSlotFactory,
    StudentFactory,
)

pytestmark = pytest.mark.usefixtures("fast_passwords")
FEW, MANY = 2, 12


@dataclass
class World:
    teacher: object
    student: object
    course: object
    article: object
    quiz: object


@pytest.fixture
def world(db):
    teacher = InstructorFactory(username="teacher")
    student = StudentFactory(username="learner")
    course = CourseFactory(instructor=teacher)
    article = ArticleFactory(owner=teacher)
    course.articles.add(article)
    EnrollmentFactory(course=course, student=student)
    quiz = QuizFactory(course=course, attempts_allowed=0)
    return World(teacher, student, course, article, quiz)


def _courses(w, n):
    for _ in range(n):
        course = CourseFactory(instructor=w.teacher)
        course.articles.add(ArticleFactory(owner=w.teacher))
        EnrollmentFactory(course=course, student=w.student)


def _articles(w, n):
    w.course.articles.add(*[ArticleFactory(owner=w.teacher) for _ in range(n)])


def _questions(w, n):
    for _ in range(n):
        QuestionFactory(fact__article=w.article, status="candidate")


def _quizzes(w, n):
    for _ in range(n):
        QuizFactory(course=w.course)


def _cards(w, n):
    for _ in range(n):
        CardFactory(student=w.student, question=QuestionFactory(fact__article=w.article),
                    due=timezone.now() - timedelta(hours=1))  # fmt: skip


def _facts(w, n):
    for _ in range(n):
        FactFactory(article=w.article)


def _quiz_questions(w, n):
    start = w.quiz.slots.count()
    for position in range(start + 1, start + n + 1):
        QuizSlotFactory(quiz=w.quiz, position=position,
                        question=QuestionFactory(fact__article=w.article))  # fmt: skip


def _takers(w, n):
    if not w.quiz.slots.exists():
        _quiz_questions(w, 2)
    now = timezone.now()
    for _ in range(n):
        student = StudentFactory()
        EnrollmentFactory(course=w.course, student=student)
        attempt = attempt_start(student=student, quiz=w.quiz, now=now)
        attempt_answer_save(student=student, attempt=attempt, position=1, response="x", now=now)
        attempt_submit(student=student, attempt=attempt, now=now)


def _attempt(w):
    """A new attempt, holding every question the quiz has now."""
    now = timezone.now()
    for attempt in Attempt.objects.of(w.student).in_progress(now):
        attempt_submit(student=w.student, attempt=attempt, now=now)
    return attempt_start(student=w.student, quiz=w.quiz, now=now).pk


# (who, url (from the world), what grows)
LISTS = {
    "student courses": ("student", lambda w: "/api/v1/courses/", _courses),
    "instructor courses": ("teacher", lambda w: "/api/v1/courses/", _courses),
    "student articles": ("student", lambda w: "/api/v1/articles/", _articles),
    "instructor articles": ("teacher", lambda w: "/api/v1/articles/", _articles),
    "article facts": ("teacher", lambda w: f"/api/v1/articles/{w.article.pk}/", _facts),
    "questions": ("teacher", lambda w: "/api/v1/questions/", _questions),
    "quizzes": ("student", lambda w: "/api/v1/quizzes/", _quizzes),
    "due cards": ("student", lambda w: "/api/v1/reviews/due/?limit=50", _cards),
    "attempt": ("student", lambda w: f"/api/v1/attempts/{_attempt(w)}/", _quiz_questions),
    "course report": ("teacher", lambda w: f"/api/v1/courses/{w.course.pk}/report/", _takers),
    "quiz report": ("teacher", lambda w: f"/api/v1/quizzes/{w.quiz.pk}/report/", _takers),
}


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("name", list(LISTS))
def test_a_list_reads_as_many_queries_for_many_rows_as_for_few(
    world, name, django_assert_max_num_queries
):
    who, url, grow = LISTS[name]
    client = APIClient()
    client.force_authenticate(getattr(world, who))
    grow(world, FEW)
    few = _queries(client, url(world))
    grow(world, MANY - FEW)
    target = url(world)
    with django_assert_max_num_queries(few):
        client.get(target)
