"""Workflows of the study side: accounts and roles for now."""

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction

from learning.models import User
from learning.roles import INSTRUCTOR, STUDENT, role_group


class LearningError(Exception):
    """A request the study side refuses, with a message fit to show the user."""


def _user_create(*, username: str, email: str, password: str, role: str) -> User:
    username = username.strip()
    if not username:
        raise LearningError("A username is required.")
    if User.objects.filter(username__iexact=username).exists():
        raise LearningError(f"The username {username!r} is taken.")
    user = User(username=username, email=email.strip())
    try:
        validate_password(password, user)
    except ValidationError as error:
        raise LearningError(" ".join(error.messages)) from None
    user.set_password(password)
    user.save()
    user.groups.add(role_group(role))
    return user


@transaction.atomic
def student_sign_up(*, username: str, email: str, password: str) -> User:
    return _user_create(username=username, email=email, password=password, role=STUDENT)


@transaction.atomic
def instructor_create(*, username: str, email: str, password: str) -> User:
    return _user_create(username=username, email=email, password=password, role=INSTRUCTOR)
