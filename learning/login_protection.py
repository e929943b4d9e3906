"""Log-in protection: who the client is, and what a locked-out client is shown.

django-axes counts failed log-ins in the database (so a lockout holds across workers) and calls
these through its settings; the sign-up limit uses `client_ip` too. See README, "Security".
"""

import ipaddress
from datetime import timedelta

from axes.handlers.database import AxesDatabaseHandler
from django.conf import settings
from django.db.models import Sum
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def client_ip(request: HttpRequest) -> str | None:
    """The client's address: REMOTE_ADDR, or behind TRUSTED_PROXY_COUNT proxies the entry of
    X-Forwarded-For that the outermost of them appended.

    Entries to the left of that one come from the client and could be anything, so they are never
    read; with no proxy configured the header is ignored altogether.
    """
    address = request.META.get("REMOTE_ADDR")
    proxies = settings.TRUSTED_PROXY_COUNT
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if proxies and forwarded:
        entries = [entry.strip() for entry in forwarded.split(",")]
        address = entries[-min(proxies, len(entries))]
    try:
        return str(ipaddress.ip_address(address or ""))
    except ValueError:
        return None


class UsernameOrAddressHandler(AxesDatabaseHandler):
    """Locks a username after AXES_FAILURE_LIMIT failures, or an address after
    LOGIN_FAILURES_PER_ADDRESS failures whatever the usernames.

    With AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"] axes counts both, but compares the
    larger count with its one limit; this gives each count its own.
    """

    def get_failures(self, request, credentials: dict | None = None) -> int:
        by_username, by_address = (
            attempts.aggregate(failures=Sum("failures_since_start"))["failures"] or 0
            for attempts in self.get_user_attempts(request, credentials)
        )
        if by_address >= settings.LOGIN_FAILURES_PER_ADDRESS:
            return max(by_username, settings.AXES_FAILURE_LIMIT)
        return by_username


def lockout_response(
    request: HttpRequest, original_response: HttpResponse | None, credentials: dict | None
) -> HttpResponse:
    minutes = settings.AXES_COOLOFF_TIME // timedelta(minutes=1)
    return render(
        request,
        "registration/login_locked_out.html",
        {"minutes": minutes},
        status=429,
    )
