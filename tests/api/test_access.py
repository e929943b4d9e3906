"""Every operation of the API's schema, as anonymous, as the wrong role, as another user of the
same role and as the owner. The operations are read from the schema, so a new one without an
entry here fails `test_every_operation_is_walked`."""

import functools
from dataclasses import dataclass, field

import pytest
from django.utils import timezone
from drf_spectacular.generators import SchemaGenerator
from rest_framework.test import APIClient

from learning.services import attempt_start
from tests.factories import (
    ArticleFactory,
    CardFactory,
    CourseFactory,
    EnrollmentFactory,
    InstructorFactory,
    QuestionFactory,
    QuizFactory,
    QuizSlotFactory,
    StudentFactory,
)

pytestmark = pytest.mark.usefixtures("fast_passwords")


@dataclass
class World:
    teacher: object
    student: object
    article: object
    question: object
    course: object
    card: object
    quiz: object
    attempt: object


@dataclass(frozen=True)
class Op:
    # Whose operation: "student", "instructor", "any" (every logged-in user) or "public".
    role: str
    ids: object = None  # the path's {id} (and {question_id}) from the world
    body: dict = field(default_factory=dict)
    owner_status: int = 200


def _attempt_ids(w):
    return {"id": w.attempt.pk, "question_id": w.attempt.answers.first().question_id}


OPERATIONS = {
    ("GET", "/api/v1/articles/"): Op("any"),
    ("POST", "/api/v1/articles/"): Op("instructor", body={"text": "x"}, owner_status=400),
    ("GET", "/api/v1/articles/{id}/"): Op("any", ids=lambda w: {"id": w.article.pk}),
    ("GET", "/api/v1/attempts/{id}/"): Op("student", ids=lambda w: {"id": w.attempt.pk}),
    ("PUT", "/api/v1/attempts/{id}/answers/{question_id}/"): Op(
        "student", ids=_attempt_ids, body={"response": "Tuesday"}
    ),
    ("POST", "/api/v1/attempts/{id}/submit/"): Op("student", ids=lambda w: {"id": w.attempt.pk}),
    ("POST", "/api/v1/auth/logout/"): Op("public", body={"refresh": "x"}, owner_status=401),
    ("POST", "/api/v1/auth/token/"): Op("public", body={}, owner_status=400),
    ("POST", "/api/v1/auth/token/refresh/"): Op("public", body={}, owner_status=400),
    ("GET", "/api/v1/cards/{id}/"): Op("student", ids=lambda w: {"id": w.card.pk}),
    ("GET", "/api/v1/courses/"): Op("any"),
    ("POST", "/api/v1/courses/{id}/leave/"): Op(
        "student", ids=lambda w: {"id": w.course.pk}, owner_status=204
    ),
    ("POST", "/api/v1/courses/join/"): Op("student", body={"code": "NKRUSSIA"}, owner_status=200),
    ("GET", "/api/v1/me/"): Op("any"),
    ("PATCH", "/api/v1/me/settings/"): Op("any", body={"new_cards_per_day": 10}),
    ("GET", "/api/v1/progress/"): Op("student"),
    ("GET", "/api/v1/questions/"): Op("instructor"),
    ("POST", "/api/v1/questions/"): Op(
        "instructor",
        body=lambda w: {
            "article": w.article.pk,
            "type": "short_answer",
            "prompt": "Q?",
            "answer": "A",
            "sentence_start": 0,
        },
        owner_status=201,
    ),
    ("GET", "/api/v1/questions/{id}/"): Op("instructor", ids=lambda w: {"id": w.question.pk}),
    ("PUT", "/api/v1/questions/{id}/"): Op(
        "instructor",
        ids=lambda w: {"id": w.question.pk},
        body={
            "type": "short_answer",
            "prompt": "Which day?",
            "answer": "Tuesday",
            "sentence_start": 0,
        },
    ),
    ("POST", "/api/v1/questions/{id}/approve/"): Op(
        "instructor", ids=lambda w: {"id": w.question.pk}
    ),
    ("POST", "/api/v1/questions/{id}/reject/"): Op(
        "instructor", ids=lambda w: {"id": w.question.pk}
    ),
    ("GET", "/api/v1/quizzes/"): Op("student"),
    ("GET", "/api/v1/quizzes/{id}/report/"): Op("instructor", ids=lambda w: {"id": w.quiz.pk}),
    ("GET", "/api/v1/courses/{id}/report/"): Op("instructor", ids=lambda w: {"id": w.course.pk}),
    ("POST", "/api/v1/quizzes/{id}/attempts/"): Op("student", ids=lambda w: {"id": w.quiz.pk}),
    ("POST", "/api/v1/reviews/"): Op(
        "student",
        body=lambda w: {
            "id": "9b2e4a8e-3f1c-4f53-9a59-0d6c1b2a3c4d",
            "card": w.card.pk,
            "rating": 3,
            "reviewed_at": timezone.now().isoformat(),
            "duration": 5,
        },
        owner_status=201,
    ),
    ("GET", "/api/v1/reviews/due/"): Op("student"),
    ("POST", "/api/v1/reviews/sync/"): Op(
        "student",
        body=lambda w: {
            "reviews": [
                {
                    "id": "0b2e4a8e-3f1c-4f53-9a59-0d6c1b2a3c4d",
                    "card": w.card.pk,
                    "rating": 3,
                    "reviewed_at": timezone.now().isoformat(),
                    "duration": 5,
                }
            ]
        },
    ),
}


@functools.cache
def _schema() -> dict:
    return SchemaGenerator().get_schema(request=None, public=True)


def test_every_operation_is_walked(db):
    paths = _schema()["paths"]
    found = {(method.upper(), path) for path, ops in paths.items() for method in ops}
    assert found == set(OPERATIONS)


@pytest.fixture
def world(db):
    teacher = InstructorFactory(username="teacher")
    student = StudentFactory(username="learner")
    course = CourseFactory(instructor=teacher, join_code="NKRUSSIA")
    article = ArticleFactory(owner=teacher)
    course.articles.add(article)
    EnrollmentFactory(course=course, student=student)
    question = QuestionFactory(fact__article=article)
    card = CardFactory(student=student, question=question)
    quiz = QuizFactory(course=course)
    QuizSlotFactory(quiz=quiz, position=1, question=question)
    attempt = attempt_start(student=student, quiz=quiz, now=timezone.now())
    return World(teacher, student, article, question, course, card, quiz, attempt)


def _call(client, key, world):
    """The operation's answer, which must be one the schema documents for it."""
    method, path = key
    op = OPERATIONS[key]
    url = path.format(**(op.ids(world) if op.ids else {}))
    body = op.body(world) if callable(op.body) else op.body
    response = getattr(client, method.lower())(url, body, format="json")
    documented = _schema()["paths"][path][method.lower()]["responses"]
    assert str(response.status_code) in documented, f"{response.status_code} not in the schema"
    return response


def _as(user) -> APIClient:
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client


@pytest.mark.parametrize("key", [k for k, op in OPERATIONS.items() if op.role != "public"])
def test_anonymous_clients_must_log_in(world, key):
    response = _call(_as(None), key, world)
    assert (response.status_code, response.json()["error"]["code"]) == (401, "not_authenticated")


@pytest.mark.parametrize(
    "key", [k for k, op in OPERATIONS.items() if op.role in ("student", "instructor")]
)
def test_the_wrong_role_gets_403(world, key):
    wrong = world.teacher if OPERATIONS[key].role == "student" else world.student
    assert _call(_as(wrong), key, world).status_code == 403


@pytest.mark.parametrize(
    "key", [k for k, op in OPERATIONS.items() if op.ids and op.role != "public"]
)
def test_another_user_of_the_same_role_gets_404(world, key):
    op = OPERATIONS[key]
    if op.role == "instructor":
        other = InstructorFactory(username="other")
    else:
        other = StudentFactory(username="other")
    assert _call(_as(other), key, world).status_code == 404


@pytest.mark.parametrize("key", list(OPERATIONS))
def test_the_owner_gets_the_operation(world, key):
    op = OPERATIONS[key]
    user = {"student": world.student, "instructor": world.teacher}.get(op.role, world.student)
    if op.role == "public":
        user = None
    assert _call(_as(user), key, world).status_code == op.owner_status
