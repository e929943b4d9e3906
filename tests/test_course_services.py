"""Courses: creating, archiving, articles, join codes, joining and leaving."""

from datetime import UTC, datetime, timedelta

import pytest

from learning.models import Card
from learning.services import review_next
from quizzes.models import JOIN_CODE_ALPHABET, Course, Enrollment
from quizzes.services import (
    ContentError,
    course_archive,
    course_article_remove,
    course_articles_add,
    course_code_regenerate,
    course_create,
    course_join,
    course_leave,
)
from tests.factories import (
    ArticleFactory,
    CardFactory,
    CourseFactory,
    InstructorFactory,
    QuestionFactory,
)

pytestmark = pytest.mark.usefixtures("fast_passwords")
T0 = datetime(2025, 3, 3, 9, 0, tzinfo=UTC)


@pytest.fixture
def course(instructor):
    return course_create(instructor=instructor, title="World news", description="Weekly")


def test_a_new_course_gets_a_code_that_is_easy_to_read_aloud(course):
    assert len(course.join_code) == 8
    assert set(course.join_code) <= set(JOIN_CODE_ALPHABET)
    assert not set(course.join_code) & set("0O1IL")


def test_two_instructors_courses_of_one_title_get_distinct_slugs(course):
    again = course_create(instructor=InstructorFactory(username="other"), title="World news")
    assert again.slug != course.slug


def test_an_instructor_cannot_have_two_courses_of_one_title(instructor, course):
    with pytest.raises(ContentError, match="already have a course called “world NEWS”"):
        course_create(instructor=instructor, title="world NEWS")
    assert Course.objects.count() == 1


def test_a_title_of_invisible_characters_is_no_title(instructor):
    with pytest.raises(ContentError, match="title"):
        course_create(instructor=instructor, title="\u200b\u200b")


def test_a_course_needs_a_title(instructor):
    with pytest.raises(ContentError, match="title"):
        course_create(instructor=instructor, title="   ")
    assert not Course.objects.exists()


def test_regenerating_the_code_retires_the_old_one(course, student):
    old = course.join_code
    course_code_regenerate(course=course)
    assert course.join_code != old
    with pytest.raises(ContentError, match=f"No course has the code {old}"):
        course_join(student=student, code=old)


def test_a_student_joins_with_the_code_in_any_case_and_spacing(course, student):
    code = course.join_code.lower()
    course_join(student=student, code=f" {code[:4]}-{code[4:]} ")
    assert Course.objects.studied_by(student).get() == course


def test_joining_twice_changes_nothing(course, student):
    first = course_join(student=student, code=course.join_code)
    second = course_join(student=student, code=course.join_code)
    assert first.pk == second.pk
    assert Enrollment.objects.count() == 1


def test_a_wrong_code_is_explained(student, db):
    with pytest.raises(ContentError, match="No course has the code ABCDEFGH"):
        course_join(student=student, code="abcdefgh")
    assert not Enrollment.objects.exists()


def test_an_archived_course_takes_no_new_students(course, student):
    course_archive(course=course, archived=True)
    with pytest.raises(ContentError, match="archived"):
        course_join(student=student, code=course.join_code)


def test_a_course_holds_only_its_instructors_articles(course):
    with pytest.raises(ContentError, match="own articles"):
        course_articles_add(course=course, articles=[ArticleFactory()])
    assert not course.articles.exists()


def _studying(course, student):
    article = ArticleFactory(owner=course.instructor)
    course_articles_add(course=course, articles=[article])
    course_join(student=student, code=course.join_code)
    return CardFactory(student=student, question=QuestionFactory(fact__article=article), due=T0)


def test_a_new_articles_questions_reach_the_enrolled_students(course, student):
    article = ArticleFactory(owner=course.instructor)
    question = QuestionFactory(fact__article=article)
    course_join(student=student, code=course.join_code)
    assert review_next(student=student, now=T0) is None
    course_articles_add(course=course, articles=[article])
    assert review_next(student=student, now=T0).question == question


def test_leaving_keeps_the_cards_out_of_the_queue_and_rejoining_brings_them_back(course, student):
    card = _studying(course, student)
    course_leave(course=course, student=student)
    assert Card.objects.filter(pk=card.pk).exists()
    assert review_next(student=student, now=T0 + timedelta(minutes=1)) is None
    course_join(student=student, code=course.join_code)
    assert review_next(student=student, now=T0 + timedelta(minutes=1)) == card


def test_removing_an_article_takes_its_cards_out_of_the_queue(course, student):
    card = _studying(course, student)
    course_article_remove(course=course, article=card.question.article)
    assert review_next(student=student, now=T0 + timedelta(minutes=1)) is None
    assert Card.objects.filter(pk=card.pk).exists()


def test_leaving_a_course_one_is_not_in_is_refused(student, db):
    with pytest.raises(ContentError, match="not in the course"):
        course_leave(course=CourseFactory(), student=student)


def test_a_full_width_code_joins(course, student):
    wide = "".join(chr(ord(char) + 0xFEE0) for char in course.join_code)
    course_join(student=student, code=wide)
    assert Course.objects.studied_by(student).get() == course
