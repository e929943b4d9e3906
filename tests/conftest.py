import pytest

from tests.factories import InstructorFactory, StudentFactory


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
