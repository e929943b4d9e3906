import io
import json

import pytest
from django.core.management import CommandError, call_command

from learning.models import Card, Review
from tests.factories import ArticleFactory, CourseFactory, QuestionFactory

pytestmark = pytest.mark.usefixtures("fast_passwords")


def _simulate(*args: str) -> dict:
    out = io.StringIO()
    call_command("simulate_reviews", *args, stdout=out)
    return json.loads(out.getvalue())


@pytest.fixture
def small_course(db):
    course = CourseFactory()
    article = ArticleFactory()
    course.articles.add(article)
    for _ in range(3):
        QuestionFactory(fact__article=article)
    return course


def test_it_says_what_to_do_when_there_is_nothing_to_study(db):
    with pytest.raises(CommandError, match=r"no approved questions.*load_demo"):
        _simulate("--students", "1", "--days", "1")


def test_it_drives_the_review_service_and_reports_in_json(small_course):
    summary = _simulate("--students", "2", "--days", "5", "--seed", "3")
    assert summary["reviews"] == Review.objects.count() > 0
    assert sum(summary["cards"].values()) == Card.objects.count() == 6
    assert summary["retention"]["desired"] == 0.9
    assert len(summary["students"]) == 2


def test_its_students_are_enrolled_in_the_courses(small_course):
    summary = _simulate("--students", "1", "--days", "1")
    assert small_course.enrollments.get().student.username == summary["students"][0]


def test_running_it_again_with_the_same_seed_makes_new_students(small_course):
    first = _simulate("--students", "1", "--days", "1", "--seed", "9")
    second = _simulate("--students", "1", "--days", "1", "--seed", "9")
    assert first["students"] != second["students"]


def test_it_refuses_zero_students(db):
    with pytest.raises(CommandError, match="at least 1"):
        _simulate("--students", "0")
