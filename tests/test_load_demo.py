import io

import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command

from quizzes.models import Article, Course, Enrollment, Fact, Question, Quiz


@pytest.fixture
def demo_output(db):
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def test_load_demo_prints_the_demo_logins(demo_output):
    assert "instructor-demo" in demo_output
    assert "student-demo" in demo_output


def test_load_demo_accounts_can_log_in_with_their_roles(demo_output, rf):
    # With axes in front, authenticate() needs the request it judges.
    request = rf.post("/accounts/login/")
    assert authenticate(request, username="instructor", password="instructor-demo").is_instructor
    assert authenticate(request, username="student", password="student-demo").is_student


def test_load_demo_enrolls_the_student_in_a_course_with_both_seeds(demo_output):
    course = Course.objects.get()
    assert course.articles.count() == 2
    assert course.enrollments.get().student.username == "student"


def _counts() -> dict[str, int]:
    return {
        "facts": Fact.objects.count(),
        "questions": Question.objects.count(),
        "approved": Question.objects.filter(status=Question.Status.APPROVED).count(),
    }


def test_load_demo_twice_leaves_one_copy_of_everything(demo_output, django_user_model):
    first = _counts()
    call_command("load_demo", stdout=io.StringIO())
    assert django_user_model.objects.count() == 2
    assert Article.objects.count() == 2
    assert Course.objects.count() == 1
    assert Enrollment.objects.count() == 1
    assert _counts() == first
    assert first["facts"]
    assert first["approved"]


def test_load_demo_keeps_seed_metadata(demo_output):
    article = Article.objects.get(outlet="Euronews")
    assert article.byline == "Luke Hurst, Naira Davlashyan"


def test_load_demo_gives_the_course_the_code_the_readme_shows(demo_output):
    assert Course.objects.get().join_code == "NKRUSSIA"
    assert "NKRUSSIA" in demo_output


def test_load_demo_publishes_a_quiz_of_ten_mixed_questions(demo_output):
    quiz = Quiz.objects.get()
    types = {slot.question.type for slot in quiz.slots.select_related("question")}
    articles = {slot.question.article_id for slot in quiz.slots.select_related("question")}
    assert (quiz.title, quiz.slots.count(), quiz.attempts_allowed) == ("Kim and Putin, 2019", 10, 2)
    assert quiz.time_limit.total_seconds() == 20 * 60
    assert quiz.is_published
    assert len(types) >= 4
    assert len(articles) == 2
