import pytest

from tests.factories import (
    ArticleFactory,
    CardFactory,
    CourseFactory,
    EnrollmentFactory,
    InstructorFactory,
    QuestionFactory,
    StudentFactory,
)


@pytest.fixture
def student(db):
    return StudentFactory(username="stu")


@pytest.fixture
def instructor(db):
    return InstructorFactory(username="teacher")


@pytest.fixture
def student_client(client, student):
    client.force_login(student)
    return client


@pytest.fixture
def instructor_client(client, instructor):
    client.force_login(instructor)
    return client


@pytest.fixture
def enrolled_article(student):
    """An article in a course the `student` is enrolled in."""
    course = CourseFactory()
    article = ArticleFactory(owner=course.instructor)
    course.articles.add(article)
    EnrollmentFactory(course=course, student=student)
    return article


@pytest.fixture
def card(student, enrolled_article):
    """A new card of the `student` on an approved question of `enrolled_article`."""
    return CardFactory(student=student, question=QuestionFactory(fact__article=enrolled_article))


@pytest.fixture
def fast_passwords(settings):
    """A fast hasher, for modules that make many users: each PBKDF2 hash takes half a second."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def uncollected_static(settings, tmp_path):
    """Production's static files storage, before `collectstatic` has run."""
    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
