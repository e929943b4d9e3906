"""Logging in from an app: JWT access and refresh tokens (simplejwt), under the same lockout as
the log-in page (django-axes judges every attempt through `authenticate`)."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema
from rest_framework_simplejwt import views as jwt


@extend_schema(
    summary="Log in: an access token (minutes) and a refresh token (days)",
    examples=[
        OpenApiExample(
            "A student's credentials",
            value={"username": "maria", "password": "correct horse battery staple"},
            request_only=True,
        ),
        OpenApiExample(
            "The tokens",
            value={"access": "eyJhbGciOi...", "refresh": "eyJhbGciOi..."},
            response_only=True,
        ),
    ],
)
class TokenObtain(jwt.TokenObtainPairView):
    """`{"username", "password"}` gives `{"access", "refresh"}`. Five failures for a username, or
    twenty from an address, lock it out for 15 minutes (429 `locked_out`)."""

    locks_out = True  # for the schema's list of errors


@extend_schema(
    summary="A new access token, and a new refresh token (the one sent stops working)",
    examples=[OpenApiExample("A refresh token", value={"refresh": "eyJhbGciOi..."})],
)
class TokenRefresh(jwt.TokenRefreshView):
    """`{"refresh"}` gives a new access token and a new refresh token; the old one stops
    working."""


@extend_schema(
    summary="Log out: the refresh token stops working",
    examples=[
        OpenApiExample("A refresh token", value={"refresh": "eyJhbGciOi..."}, request_only=True)
    ],
    responses={200: OpenApiResponse(OpenApiTypes.OBJECT, description="An empty object, {}")},
)
class Logout(jwt.TokenBlacklistView):
    """`{"refresh"}`: that refresh token can no longer be used (access tokens expire within
    minutes)."""
