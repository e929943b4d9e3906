"""The permission backend reads what Django's model backend reads, in one statement."""

from importlib import import_module
from types import SimpleNamespace

import pytest
from django.apps import apps as django_apps
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Permission
from django.contrib.sessions.backends.db import SessionStore
from django.db import connection
from django.urls import reverse
from django.utils.module_loading import import_string

from learning.models import User
from learning.permission_backend import BACKEND_PATH, ModelBackendInOneQuery
from learning.roles import STUDY_PERMISSION
from quizzes.permissions import TEACH_PERMISSION
from tests.factories import InstructorFactory, StudentFactory, UserFactory

pytestmark = pytest.mark.django_db


def _fresh(user) -> User:
    # Both backends cache on the user object; each read needs one that has not been asked yet.
    return User.objects.get(pk=user.pk)


@pytest.mark.parametrize("factory", [StudentFactory, InstructorFactory, UserFactory])
def test_a_user_has_the_permissions_djangos_backend_gives(factory):
    user = factory()
    user.user_permissions.add(Permission.objects.get(codename="change_user"))
    ours = ModelBackendInOneQuery().get_all_permissions(_fresh(user))
    assert ours == ModelBackend().get_all_permissions(_fresh(user))
    assert "learning.change_user" in ours


def test_roles_come_from_groups():
    assert STUDY_PERMISSION in ModelBackendInOneQuery().get_all_permissions(StudentFactory())
    teaching = ModelBackendInOneQuery().get_all_permissions(InstructorFactory())
    assert TEACH_PERMISSION in teaching
    assert STUDY_PERMISSION not in teaching


def test_a_role_check_is_one_query_and_then_cached(django_assert_num_queries):
    user = _fresh(StudentFactory())
    with django_assert_num_queries(1):
        assert user.has_perm(STUDY_PERMISSION)
        assert not user.has_perm(TEACH_PERMISSION)


def test_inactive_users_have_no_permissions():
    user = StudentFactory(is_active=False)
    assert ModelBackendInOneQuery().get_all_permissions(_fresh(user)) == set()


def test_superusers_have_every_permission():
    user = UserFactory(is_superuser=True)
    assert ModelBackendInOneQuery().get_all_permissions(_fresh(user)) == {
        f"{p.content_type.app_label}.{p.codename}" for p in Permission.objects.all()
    }


def test_the_settings_and_the_sign_up_name_this_backend():
    assert BACKEND_PATH in settings.AUTHENTICATION_BACKENDS
    assert import_string(BACKEND_PATH) is ModelBackendInOneQuery


def test_a_session_from_before_the_backend_changed_stays_logged_in(client):
    user = StudentFactory()
    session = SessionStore()
    session.update(
        {
            SESSION_KEY: str(user.pk),
            BACKEND_SESSION_KEY: "django.contrib.auth.backends.ModelBackend",
            HASH_SESSION_KEY: user.get_session_auth_hash(),
        }
    )
    session.create()
    moving = import_module("learning.migrations.0008_sessions_use_the_permission_backend")
    moving.forwards(django_apps, SimpleNamespace(connection=connection))
    client.cookies[settings.SESSION_COOKIE_NAME] = session.session_key
    assert client.get(reverse("learning:study_home")).status_code == 200
