"""Logging in from an app: JWT access and refresh tokens (simplejwt), under the same lockout as
the log-in page (django-axes judges every attempt through `authenticate`)."""

from drf_spectacular.utils import extend_schema
from rest_framework_simplejwt import views as jwt


class TokenObtain(jwt.TokenObtainPairView):
    """`{"username", "password"}` gives `{"access", "refresh"}`. Five failures for a username, or
    twenty from an address, lock it out for 15 minutes (429 `locked_out`)."""


class TokenRefresh(jwt.TokenRefreshView):
    """`{"refresh"}` gives a new access token and a new refresh token; the old one stops
    working."""


@extend_schema(summary="Log out: the refresh token stops working")
class Logout(jwt.TokenBlacklistView):
    """`{"refresh"}`: that refresh token can no longer be used (access tokens expire within
    minutes)."""
