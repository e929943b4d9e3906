"""Who may teach: the permission every teaching page and command checks.

Holding it makes a user an instructor (the role groups in `learning.roles` grant it); what they
may then see and change is their own work, as `editable_by` on the querysets says.
"""

from functools import wraps
from zoneinfo import ZoneInfo

from django.contrib.auth.decorators import login_required, permission_required
from django.utils import timezone
from rest_framework.permissions import BasePermission

TEACH_PERMISSION = "quizzes.add_article"


def can_teach(user) -> bool:
    return user.is_active and user.has_perm(TEACH_PERMISSION)


def teacher_required(view):
    """Instructors only: anonymous visitors are sent to log in, other users get 403. Times are
    shown and read in the instructor's own time zone."""

    @wraps(view)
    def in_time_zone(request, *args, **kwargs):
        with timezone.override(ZoneInfo(getattr(request.user, "time_zone", "UTC") or "UTC")):
            return view(request, *args, **kwargs)

    return login_required(permission_required(TEACH_PERMISSION, raise_exception=True)(in_time_zone))


class CanTeach(BasePermission):
    """The API's form of `teacher_required`: instructors only (403 for other users)."""

    message = "Only instructors may do this."

    def has_permission(self, request, view) -> bool:
        return bool(request.user and request.user.is_authenticated and can_teach(request.user))
