"""Schemathesis against the API's own schema: generated requests (wrong types, NUL bytes, huge
strings, missing fields) to every operation, as a student or an instructor. No answer may be a
server error, and every documented answer must match the schema."""

import pytest
import schemathesis
from django.core.wsgi import get_wsgi_application
from django.utils import timezone
from hypothesis import HealthCheck, settings
from rest_framework_simplejwt.tokens import RefreshToken
from schemathesis.checks import (
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from learning.api.throttling import WritesThrottle
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

# Examples per operation: enough to reach every field's edge cases, few enough for CI.
EXAMPLES = 12


@pytest.fixture
def api_schema(transactional_db, fast_passwords):
    return schemathesis.openapi.from_wsgi("/api/schema/?format=json", get_wsgi_application())


schema = schemathesis.pytest.from_fixture("api_schema")


@pytest.fixture
def tokens(transactional_db, monkeypatch):
    # Hundreds of writes a minute here: the per-user throttle would answer most with 429.
    monkeypatch.setattr(WritesThrottle, "THROTTLE_RATES", {"writes": "100000/minute"})
    teacher = InstructorFactory(username="fuzz-teacher")
    student = StudentFactory(username="fuzz-student")
    course = CourseFactory(instructor=teacher, join_code="NKRUSSIA")
    article = ArticleFactory(owner=teacher)
    course.articles.add(article)
    EnrollmentFactory(course=course, student=student)
    question = QuestionFactory(fact__article=article)
    CardFactory(student=student, question=question)
    quiz = QuizFactory(course=course)
    QuizSlotFactory(quiz=quiz, position=1, question=question)
    attempt_start(student=student, quiz=quiz, now=timezone.now())
    return {
        role: str(RefreshToken.for_user(user).access_token)
        for role, user in (("instructor", teacher), ("student", student))
    }


@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
def test_no_request_gets_a_server_error_or_an_answer_off_the_schema(case, tokens):
    teaching = case.path.startswith(("/api/v1/questions", "/api/v1/articles"))
    token = tokens["instructor" if teaching else "student"]
    case.call_and_validate(
        headers={"Authorization": f"Bearer {token}"},
        checks=[not_a_server_error, response_schema_conformance, status_code_conformance],
    )
