from functools import wraps
from zoneinfo import ZoneInfo

from django.contrib.auth.decorators import login_required, permission_required
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from learning.roles import STUDY_PERMISSION


def study_required(view):
    """Students only; their times are shown in their own time zone."""

    @wraps(view)
    def in_time_zone(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        with timezone.override(ZoneInfo(request.user.time_zone)):
            return view(request, *args, **kwargs)

    return login_required(permission_required(STUDY_PERMISSION, raise_exception=True)(in_time_zone))
