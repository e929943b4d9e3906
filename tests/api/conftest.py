import pytest
from rest_framework.test import APIClient


@pytest.fixture
def api():
    return APIClient()


@pytest.fixture
def student_api(student):
    client = APIClient()
    client.force_authenticate(student)
    return client


@pytest.fixture
def instructor_api(instructor):
    client = APIClient()
    client.force_authenticate(instructor)
    return client
