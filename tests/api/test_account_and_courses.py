"""/me, study settings and courses through the API."""

import pytest

from quizzes.models import Course, Enrollment
from tests.factories import CourseFactory

pytestmark = pytest.mark.usefixtures("fast_passwords")


def test_me_says_who_and_what_role(student_api):
    body = student_api.get("/api/v1/me/").json()
    assert (body["username"], body["role"]) == ("stu", "student")


def test_settings_change_what_is_sent(student_api, student):
    response = student_api.patch("/api/v1/me/settings/", {"desired_retention": 0.85})
    student.refresh_from_db()
    assert response.status_code == 200
    assert (student.desired_retention, student.new_cards_per_day) == (0.85, 20)


def test_bad_settings_name_their_fields_and_change_nothing(student_api, student):
    response = student_api.patch("/api/v1/me/settings/", {"desired_retention": 2, "time_zone": ""})
    error = response.json()["error"]
    assert (response.status_code, error["code"]) == (400, "invalid")
    assert set(error["fields"]) == {"desired_retention", "time_zone"}
    student.refresh_from_db()
    assert student.desired_retention == 0.9


def test_an_unknown_time_zone_is_refused_with_the_services_message(student_api):
    response = student_api.patch("/api/v1/me/settings/", {"time_zone": "Mars/Olympus"})
    assert response.status_code == 400
    assert "not a known time zone" in response.json()["error"]["message"]


@pytest.fixture
def course(db):
    return CourseFactory(title="World news", join_code="NKRUSSIA")


def test_joining_with_a_code_creates_then_changes_nothing(student_api, course):
    first = student_api.post("/api/v1/courses/join/", {"code": "nkr-ussia"})
    again = student_api.post("/api/v1/courses/join/", {"code": "NKRUSSIA"})
    assert (first.status_code, again.status_code) == (201, 200)
    assert Enrollment.objects.count() == 1
    assert [c["title"] for c in student_api.get("/api/v1/courses/").json()["results"]] == [
        "World news"
    ]


def test_a_wrong_code_is_refused_with_a_message(student_api, db):
    response = student_api.post("/api/v1/courses/join/", {"code": "WRONGONE"})
    assert response.status_code == 400
    assert "No course has the code WRONGONE" in response.json()["error"]["message"]


def test_leaving_a_course(student_api, student, course):
    student_api.post("/api/v1/courses/join/", {"code": "NKRUSSIA"})
    assert student_api.post(f"/api/v1/courses/{course.pk}/leave/").status_code == 204
    assert not Course.objects.studied_by(student).exists()


def test_instructors_cannot_join_courses(instructor_api, course):
    response = instructor_api.post("/api/v1/courses/join/", {"code": "NKRUSSIA"})
    assert (response.status_code, response.json()["error"]["code"]) == (403, "forbidden")


def test_an_instructor_lists_the_courses_they_teach(instructor_api, instructor, course):
    CourseFactory(instructor=instructor, title="Mine")
    assert [c["title"] for c in instructor_api.get("/api/v1/courses/").json()["results"]] == [
        "Mine"
    ]


def test_progress_has_the_pages_figures(student_api):
    body = student_api.get("/api/v1/progress/").json()
    assert len(body["reviews_per_day"]) == 30
    assert set(body) >= {"due_today", "new_left_today", "retention", "states", "mastery"}


def test_progress_is_for_students(instructor_api):
    assert instructor_api.get("/api/v1/progress/").status_code == 403


def test_writes_are_throttled_per_user(student_api, monkeypatch):
    from django.core.cache import cache

    from learning.api.throttling import WritesThrottle

    cache.clear()
    monkeypatch.setattr(WritesThrottle, "THROTTLE_RATES", {"writes": "2/minute"})
    codes = [
        student_api.patch("/api/v1/me/settings/", {"new_cards_per_day": 5}).status_code
        for _ in range(3)
    ]
    response = student_api.patch("/api/v1/me/settings/", {"new_cards_per_day": 5})
    assert codes[:2] == [200, 200]
    assert (response.status_code, response.json()["error"]["code"]) == (429, "throttled")
