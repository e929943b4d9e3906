from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from learning.models import SignUp
from learning.services import review_record
from tests.factories import CardFactory

ROLE_PAGES = {
    "quizzes:teach_home": "instructor",
    "learning:study_home": "student",
}
OTHER_ROLE = {"instructor": "student", "student": "instructor"}


@pytest.mark.parametrize("url_name", ROLE_PAGES)
def test_anonymous_visitors_are_sent_to_log_in(client, db, url_name):
    url = reverse(url_name)
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('login')}?next={url}"


@pytest.mark.parametrize("url_name", ROLE_PAGES)
def test_the_wrong_role_gets_403(client, request, url_name):
    client.force_login(request.getfixturevalue(OTHER_ROLE[ROLE_PAGES[url_name]]))
    assert client.get(reverse(url_name)).status_code == 403


@pytest.mark.parametrize("url_name", ROLE_PAGES)
def test_the_right_role_gets_the_page(client, request, url_name):
    client.force_login(request.getfixturevalue(ROLE_PAGES[url_name]))
    assert client.get(reverse(url_name)).status_code == 200


def test_home_sends_visitors_to_log_in(client, db):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == reverse("login")


def test_home_sends_instructors_to_their_start_page(instructor_client):
    assert instructor_client.get("/")["Location"] == reverse("quizzes:teach_home")


def test_home_sends_students_to_their_start_page(student_client):
    assert student_client.get("/")["Location"] == reverse("learning:study_home")


def test_home_explains_a_missing_role(client, django_user_model):
    client.force_login(django_user_model.objects.create_user("nobody", password="x"))
    response = client.get("/")
    assert response.status_code == 200
    assert b"no role yet" in response.content


def test_the_login_page_renders(client, db):
    response = client.get(reverse("login"))
    assert response.status_code == 200
    assert b'name="username"' in response.content


def test_logging_out_needs_a_post_and_ends_the_session(student_client):
    response = student_client.post(reverse("logout"))
    assert response.status_code == 302
    assert student_client.get(reverse("learning:study_home")).status_code == 302


@pytest.mark.parametrize("app_label", ["learning", "quizzes"])
def test_the_admin_lists_and_opens_every_model(admin_client, app_label):
    from django.apps import apps
    from django.contrib import admin

    card = CardFactory()
    review_record(
        student=card.student,
        card=card,
        rating=3,
        reviewed_at=timezone.now(),
        duration=timedelta(seconds=5),
        client_id="admin-test",
    )
    SignUp.objects.create(ip_address="198.51.100.7")
    for model in apps.get_app_config(app_label).get_models():
        assert admin.site.is_registered(model), model
        name = f"admin:{app_label}_{model._meta.model_name}"
        assert admin_client.get(reverse(f"{name}_changelist")).status_code == 200, model
        instance = model.objects.first()
        if instance is not None:
            change = admin_client.get(reverse(f"{name}_change", args=[instance.pk]))
            assert change.status_code == 200, model
