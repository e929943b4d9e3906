"""Users, with their study settings, and the sign-up log that limits sign-ups per address."""

from datetime import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone

from learning.roles import STUDY_PERMISSION
from learning.scheduling import (
    DEFAULT_DESIRED_RETENTION,
    DEFAULT_NEW_CARDS_PER_DAY,
    MAX_DESIRED_RETENTION,
    MAX_NEW_CARDS_PER_DAY,
    MIN_DESIRED_RETENTION,
    day_start,
)
from quizzes.permissions import TEACH_PERMISSION


def validate_time_zone(value: str) -> None:
    # available_timezones() leaves out aliases such as "UTC" on some systems; ZoneInfo knows them.
    if value in available_timezones():
        return
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValidationError(f"{value!r} is not a known time zone.", code="time_zone") from None


class User(AbstractUser):
    """The site's user. Custom from the first migration, as Django advises, so fields can be added
    without swapping models."""

    # A student's "day" (new-card limit, buried siblings, "due today") follows this zone.
    time_zone = models.CharField(max_length=64, default="UTC", validators=[validate_time_zone])
    desired_retention = models.FloatField(
        default=DEFAULT_DESIRED_RETENTION,
        validators=[
            MinValueValidator(MIN_DESIRED_RETENTION),
            MaxValueValidator(MAX_DESIRED_RETENTION),
        ],
        help_text="The share of cards you want to still remember when they come up.",
    )
    new_cards_per_day = models.PositiveSmallIntegerField(
        default=DEFAULT_NEW_CARDS_PER_DAY,
        validators=[MaxValueValidator(MAX_NEW_CARDS_PER_DAY)],
        help_text="How many cards you have not seen before to add each day.",
    )

    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"
        permissions = [("study", "Can study courses and review cards")]
        constraints = [
            models.CheckConstraint(
                condition=Q(desired_retention__gte=MIN_DESIRED_RETENTION)
                & Q(desired_retention__lte=MAX_DESIRED_RETENTION),
                name="desired_retention_in_range",
            ),
            models.CheckConstraint(
                condition=Q(new_cards_per_day__lte=MAX_NEW_CARDS_PER_DAY),
                name="new_cards_per_day_in_range",
            ),
        ]

    @property
    def is_instructor(self) -> bool:
        return self.has_perm(TEACH_PERMISSION)

    @property
    def is_student(self) -> bool:
        return self.has_perm(STUDY_PERMISSION)

    def day_start(self, now: datetime, *, days: int = 0) -> datetime:
        return day_start(self.time_zone, now, days=days)


class SignUpQuerySet(models.QuerySet):
    def from_address(self, ip_address: str | None, since: datetime) -> "SignUpQuerySet":
        return self.filter(ip_address=ip_address, created_at__gte=since)


class SignUp(models.Model):
    """A student sign-up and the address it came from, kept only as long as the sign-up limit
    looks back (see `learning.services.student_sign_up`). It is not linked to the account."""

    # Null when the server could not tell the address: those sign-ups share one limit.
    ip_address = models.GenericIPAddressField(null=True)
    created_at = models.DateTimeField(default=timezone.now)

    objects = SignUpQuerySet.as_manager()

    class Meta:
        indexes = [models.Index(fields=["ip_address", "created_at"], name="sign_up_by_address")]

    def __str__(self) -> str:
        return f"Sign-up from {self.ip_address or 'an unknown address'} at {self.created_at}"
