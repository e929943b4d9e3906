import io
from datetime import timedelta

import pytest
import time_machine
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from learning.services import LearningError, instructor_create, student_sign_up


def test_signing_up_creates_a_logged_in_student(client, db, django_user_model):
    response = client.post(
        reverse("signup"),
        {
            "username": "ada",
            "email": "",
            "password1": "plenty-long-pass",
            "password2": "plenty-long-pass",
        },
    )
    assert response.status_code == 302
    user = django_user_model.objects.get(username="ada")
    assert user.is_student
    assert not user.is_instructor
    assert client.get(reverse("learning:study_home")).status_code == 200


def test_sign_up_rejects_mismatched_passwords_and_creates_nothing(client, db, django_user_model):
    response = client.post(
        reverse("signup"),
        {"username": "ada", "password1": "plenty-long-pass", "password2": "another-long-pass"},
    )
    assert response.status_code == 200
    assert b"didn" in response.content  # "The two password fields didn't match."
    assert not django_user_model.objects.filter(username="ada").exists()


def test_student_sign_up_refuses_a_taken_username_in_any_case(student):
    with pytest.raises(LearningError, match="taken"):
        student_sign_up(
            username=student.username.upper(),
            email="",
            password="plenty-long-pass",
            ip_address="198.51.100.7",
        )


def test_student_sign_up_refuses_a_weak_password(db, django_user_model):
    with pytest.raises(LearningError, match="too common"):
        student_sign_up(username="bob", email="", password="password", ip_address="198.51.100.7")
    assert not django_user_model.objects.filter(username="bob").exists()


def sign_up(client, username: str, address: str = "198.51.100.7"):
    return client.post(
        reverse("signup"),
        {"username": username, "password1": "plenty-long-pass", "password2": "plenty-long-pass"},
        REMOTE_ADDR=address,
    )


def test_it_refuses_an_eleventh_sign_up_from_one_address_within_an_hour(
    client, db, django_user_model, fast_passwords
):
    for number in range(10):
        assert sign_up(client, f"pupil{number}").status_code == 302
        client.logout()
    response = sign_up(client, "pupil10")
    assert response.status_code == 200
    assert b"Too many sign-ups from your network" in response.content
    assert not django_user_model.objects.filter(username="pupil10").exists()


def test_the_sign_up_limit_is_per_address(client, db, django_user_model, fast_passwords):
    for number in range(10):
        sign_up(client, f"pupil{number}")
        client.logout()
    assert sign_up(client, "pupil10", address="203.0.113.9").status_code == 302


def test_the_sign_up_limit_frees_up_after_an_hour(client, db, fast_passwords):
    with time_machine.travel(timezone.now(), tick=False) as clock:
        for number in range(10):
            sign_up(client, f"pupil{number}")
            client.logout()
        clock.shift(timedelta(hours=1, seconds=1))
        assert sign_up(client, "pupil10").status_code == 302


def test_the_sign_up_limit_follows_the_setting(client, db, settings, fast_passwords):
    settings.SIGN_UPS_PER_HOUR = 1
    sign_up(client, "pupil0")
    client.logout()
    assert sign_up(client, "pupil1").status_code == 200


def test_instructor_create_gives_the_instructor_role(db):
    user = instructor_create(username="prof", email="p@example.com", password="plenty-long-pass")
    assert user.is_instructor
    assert not user.is_student


def test_create_instructor_command_makes_an_instructor(db, django_user_model):
    out = io.StringIO()
    call_command("create_instructor", "prof", "--password", "plenty-long-pass", stdout=out)
    assert "Instructor 'prof' created" in out.getvalue()
    assert django_user_model.objects.get(username="prof").is_instructor


def test_create_instructor_command_reports_a_bad_password_clearly(db, django_user_model):
    with pytest.raises(CommandError, match="too short"):
        call_command("create_instructor", "prof", "--password", "abc")
    assert not django_user_model.objects.filter(username="prof").exists()
