"""Every /teach/ route, walked as anonymous, a student, another instructor and the owner.

The list of routes is read from the URL configuration, so a new teaching route without an entry
here fails `test_every_teaching_route_is_walked`."""

from dataclasses import dataclass, field

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from learning.services import attempt_start
from quizzes.models import Question
from tests.factories import (
    ArticleFactory,
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
class Owned:
    owner: object
    article: object
    question: object
    course: object
    enrolled: object
    quiz: object = None
    slot: object = None


@dataclass(frozen=True)
class Route:
    method: str = "get"
    # The URL's arguments, from the owner's objects; routes without any are not an object's.
    args: object = None
    data: dict = field(default_factory=dict)
    # What the owner gets: a page, or a redirect after a change.
    owner_status: int = 200


def _post(args, data=None) -> Route:
    return Route(method="post", args=args, data=data or {}, owner_status=302)


TEACH_ROUTES = {
    "quizzes:teach_home": Route(),
    "quizzes:article_new": Route(),
    "quizzes:article_detail": Route(args=lambda o: [o.article.pk]),
    "quizzes:article_questions_review": _post(
        lambda o: [o.article.pk], {"status": "approved", "selected": "0"}
    ),
    "quizzes:article_approve_best": _post(lambda o: [o.article.pk], {"count": 1}),
    "quizzes:article_course_add": _post(lambda o: [o.article.pk], {"course": "0"}),
    "quizzes:question_new": Route(args=lambda o: [o.article.pk]),
    "quizzes:article_export": Route(args=lambda o: [o.article.pk, "csv"]),
    "quizzes:article_import_gift": Route(args=lambda o: [o.article.pk]),
    "quizzes:course_export": Route(args=lambda o: [o.course.pk, "gift"]),
    "quizzes:question_detail": Route(args=lambda o: [o.question.pk]),
    "quizzes:question_edit": Route(args=lambda o: [o.question.pk]),
    "quizzes:question_review": _post(lambda o: [o.question.pk], {"status": "approved"}),
    "quizzes:course_list": Route(),
    "quizzes:course_new": Route(),
    "quizzes:course_detail": Route(args=lambda o: [o.course.pk]),
    "quizzes:course_edit": Route(args=lambda o: [o.course.pk]),
    "quizzes:course_articles_add": _post(lambda o: [o.course.pk], {"articles": "0"}),
    "quizzes:course_article_remove": _post(lambda o: [o.course.pk, o.article.pk]),
    "quizzes:course_code": _post(lambda o: [o.course.pk]),
    "quizzes:course_archive": _post(lambda o: [o.course.pk], {"archived": "1"}),
    "quizzes:quiz_new": Route(args=lambda o: [o.course.pk]),
    "quizzes:quiz_detail": Route(args=lambda o: [o.quiz.pk]),
    "quizzes:quiz_edit": Route(args=lambda o: [o.quiz.pk]),
    "quizzes:quiz_questions": _post(lambda o: [o.quiz.pk], {"points": "1"}),
    "quizzes:quiz_random": _post(lambda o: [o.quiz.pk], {"count": "1", "points": "1"}),
    "quizzes:quiz_publish": _post(lambda o: [o.quiz.pk], {"published": "0"}),
    "quizzes:quiz_delete": _post(lambda o: [o.quiz.pk]),
    "quizzes:quiz_slot": _post(lambda o: [o.slot.pk], {"action": "remove"}),
    "learning:teach_leeches": Route(),
    "learning:quiz_results": Route(args=lambda o: [o.quiz.pk]),
    "learning:quiz_results_csv": Route(args=lambda o: [o.quiz.pk]),
    "learning:quiz_student": Route(args=lambda o: [o.quiz.pk, o.enrolled.pk]),
    "learning:quiz_analysis": Route(args=lambda o: [o.quiz.pk]),
    "learning:course_roster": Route(args=lambda o: [o.course.pk]),
    "learning:course_student_remove": _post(lambda o: [o.course.pk, o.enrolled.pk]),
}


def _names(patterns, prefix="", namespace="") -> list[tuple[str, str]]:
    found = []
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            found += _names(pattern.url_patterns, route, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            found.append((route, namespace + pattern.name))
    return found


def test_every_teaching_route_is_walked():
    teaching = {name for route, name in _names(get_resolver().url_patterns) if "teach/" in route}
    assert teaching == set(TEACH_ROUTES)


@pytest.fixture
def owned(db):
    owner = InstructorFactory(username="owner")
    article = ArticleFactory(owner=owner)
    question = QuestionFactory(fact__article=article, status=Question.Status.CANDIDATE)
    course = CourseFactory(instructor=owner, articles=[article])
    enrolled = EnrollmentFactory(course=course, student=StudentFactory(username="enrolled"))
    quiz = QuizFactory(course=course)
    slot = QuizSlotFactory(quiz=quiz, question=QuestionFactory(fact__article=article))
    attempt_start(student=enrolled.student, quiz=quiz, now=timezone.now())
    return Owned(owner, article, question, course, enrolled.student, quiz, slot)


def _request(client, name: str, owned: Owned):
    route = TEACH_ROUTES[name]
    url = reverse(name, args=route.args(owned) if route.args else [])
    return url, getattr(client, route.method)(url, route.data)


@pytest.mark.parametrize("name", TEACH_ROUTES)
def test_anonymous_visitors_are_sent_to_log_in(client, owned, name):
    url, response = _request(client, name, owned)
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('login')}?next={url}"


@pytest.mark.parametrize("name", TEACH_ROUTES)
def test_students_get_403(student_client, owned, name):
    assert _request(student_client, name, owned)[1].status_code == 403


@pytest.mark.parametrize("name", [name for name, route in TEACH_ROUTES.items() if route.args])
def test_another_instructor_gets_404_on_the_owners_objects(client, owned, name):
    client.force_login(InstructorFactory(username="other"))
    assert _request(client, name, owned)[1].status_code == 404


@pytest.mark.parametrize("name", TEACH_ROUTES)
def test_the_owner_gets_every_route(client, owned, name):
    client.force_login(owned.owner)
    assert _request(client, name, owned)[1].status_code == TEACH_ROUTES[name].owner_status


def test_another_instructor_cannot_approve_the_owners_question(client, owned):
    client.force_login(InstructorFactory(username="other"))
    _request(client, "quizzes:question_review", owned)
    owned.question.refresh_from_db()
    assert owned.question.status == Question.Status.CANDIDATE


def test_the_teaching_home_lists_only_ones_own_articles_and_courses(client, owned):
    other = InstructorFactory(username="other")
    theirs = ArticleFactory(owner=other, title="Their article")
    CourseFactory(instructor=other, title="Their course", articles=[theirs])
    client.force_login(owned.owner)
    content = client.get(reverse("quizzes:teach_home")).content.decode()
    assert owned.article.title in content
    assert owned.course.title in content
    assert "Their article" not in content
    assert "Their course" not in content


def test_a_superuser_sees_every_instructors_articles_in_the_admin(client, owned, admin_user):
    ArticleFactory(title="Their article", owner=InstructorFactory(username="other"))
    client.force_login(admin_user)
    content = client.get(reverse("admin:quizzes_article_changelist")).content.decode()
    assert owned.article.title in content
    assert "Their article" in content


@pytest.mark.parametrize(
    "name", [name for name, route in TEACH_ROUTES.items() if route.method == "post" and route.args]
)
def test_another_instructors_post_changes_nothing(client, owned, name):
    client.force_login(InstructorFactory(username="other"))
    before = (owned.question.status, owned.course.join_code, list(owned.course.articles.all()))
    _request(client, name, owned)
    owned.question.refresh_from_db()
    owned.course.refresh_from_db()
    after = (owned.question.status, owned.course.join_code, list(owned.course.articles.all()))
    assert after == before
    assert owned.course.archived_at is None
    assert owned.course.enrollments.current().count() == 1
    owned.quiz.refresh_from_db()
    assert (owned.quiz.is_published, owned.quiz.slots.count()) == (True, 1)
