"""Workflows of accounts: signing up, instructors, a student's study settings."""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils import timezone

from learning.errors import LearningError
from learning.models import SignUp, User, validate_time_zone
from learning.roles import INSTRUCTOR, STUDENT, role_group
from learning.scheduling import (
    MAX_DESIRED_RETENTION,
    MAX_NEW_CARDS_PER_DAY,
    MIN_DESIRED_RETENTION,
)


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


SIGN_UP_WINDOW = timedelta(hours=1)


@transaction.atomic
def student_sign_up(*, username: str, email: str, password: str, ip_address: str | None) -> User:
    """A new student account, unless its address has made SIGN_UPS_PER_HOUR in the last hour."""
    now = timezone.now()
    with connection.cursor() as cursor:
        # Sign-ups from one address wait for each other, so parallel requests cannot all see
        # room under the limit; the lock is released when the transaction ends.
        cursor.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", [f"sign-up {ip_address}"])
    since = now - SIGN_UP_WINDOW
    SignUp.objects.filter(created_at__lt=since).delete()
    if SignUp.objects.from_address(ip_address, since).count() >= settings.SIGN_UPS_PER_HOUR:
        raise LearningError(
            "Too many sign-ups from your network in the last hour. Try again later."
        )
    user = _user_create(username=username, email=email, password=password, role=STUDENT)
    SignUp.objects.create(ip_address=ip_address, created_at=now)
    return user


@transaction.atomic
def instructor_create(*, username: str, email: str, password: str) -> User:
    return _user_create(username=username, email=email, password=password, role=INSTRUCTOR)


@transaction.atomic
def study_settings_update(
    *, student: User, time_zone: str, desired_retention: float, new_cards_per_day: int
) -> User:
    try:
        validate_time_zone(time_zone)
    except ValidationError as error:
        raise LearningError(" ".join(error.messages)) from None
    if not MIN_DESIRED_RETENTION <= desired_retention <= MAX_DESIRED_RETENTION:
        raise LearningError(
            f"Desired retention must be between {MIN_DESIRED_RETENTION} and "
            f"{MAX_DESIRED_RETENTION}."
        )
    if not 0 <= new_cards_per_day <= MAX_NEW_CARDS_PER_DAY:
        raise LearningError(f"New cards per day must be between 0 and {MAX_NEW_CARDS_PER_DAY}.")
    student.time_zone = time_zone
    student.desired_retention = desired_retention
    student.new_cards_per_day = new_cards_per_day
    student.save(update_fields=["time_zone", "desired_retention", "new_cards_per_day"])
    return student
