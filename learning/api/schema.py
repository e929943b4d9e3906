"""The API's OpenAPI schema: drf-spectacular's, plus the errors each operation can answer with.

Every 4xx has the one body of `learning.api.errors`; which codes an operation can give follows
from the view itself (does it read a body, need a login, a role, an id in the path, a throttle),
so a new view is documented without anyone remembering to list its errors."""

from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import OpenApiExample, OpenApiResponse
from rest_framework import exceptions, serializers
from rest_framework.permissions import AllowAny, IsAuthenticated

from learning.api.errors import CODES, LOCKED_OUT_MESSAGE
from learning.api.throttling import WritesThrottle
from learning.services.reviews import WITHDRAWN
from learning.services.sync import CONFLICT as SYNC_CONFLICT


class ErrorDetailOut(serializers.Serializer):
    code = serializers.CharField(help_text="Stable, for programs: invalid, not_found, ...")
    message = serializers.CharField(help_text="Fit to show a person")
    fields = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        help_text="The input fields at fault, each with its messages; empty when none",
    )


class ErrorOut(serializers.Serializer):
    error = ErrorDetailOut()


def _example(code: str, message: str, fields: dict | None = None) -> OpenApiExample:
    return OpenApiExample(
        code, value={"error": {"code": code, "message": message, "fields": fields or {}}}
    )


# The examples are the handler's own words (learning.api.errors) and the services'.
INVALID = _example(*CODES[exceptions.ValidationError], {"rating": ["Must be 1 to 4."]})
MALFORMED = _example(*CODES[exceptions.ParseError])
REFUSED = _example("refused", WITHDRAWN.message)
NOT_AUTHENTICATED = _example(*CODES[exceptions.NotAuthenticated])
FORBIDDEN = _example(*CODES[exceptions.PermissionDenied])
NOT_FOUND = _example(*CODES[exceptions.NotFound])
CONFLICT = _example("conflict", SYNC_CONFLICT.message)
THROTTLED = _example("throttled", "Request was throttled. Expected available in 30 seconds.")
LOCKED_OUT = _example("locked_out", LOCKED_OUT_MESSAGE)
TOO_LARGE = _example("too_large", "The request body is larger than the limit of 2,621,440 bytes.")
NOT_JSON = _example(*CODES[exceptions.UnsupportedMediaType])


def error_response(description: str, *examples: OpenApiExample) -> OpenApiResponse:
    return OpenApiResponse(ErrorOut, description=description, examples=list(examples))


class ApiSchema(AutoSchema):
    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        if direction != "response":
            return responses
        for code, response in self._errors().items():
            if str(code) not in responses:
                responses[str(code)] = self._get_response_for_code(response, str(code))
        return responses

    def _errors(self) -> dict[int, OpenApiResponse]:
        view = self.view
        permissions = [type(p) for p in view.get_permissions()]
        needs_login = any(p is not AllowAny for p in permissions)
        writes = self.method in {"POST", "PUT", "PATCH"}
        errors = {}
        if writes or getattr(view, "filter_form", None):
            errors[400] = error_response(
                "Not valid: the body or a rule of the service says what is wrong",
                INVALID,
                MALFORMED,
                REFUSED,
            )
        if needs_login:
            errors[401] = error_response("No valid access token", NOT_AUTHENTICATED)
        elif view.get_authenticators() == [] and writes:
            errors[401] = error_response("The credentials are not valid", NOT_AUTHENTICATED)
        if any(p not in {AllowAny, IsAuthenticated} for p in permissions):
            errors[403] = error_response("Not for your role", FORBIDDEN)
        if "{" in self.path or (self._is_list_view() and self._get_paginator()):
            errors[404] = error_response(
                "No such thing of yours (or a page cursor that is not valid)", NOT_FOUND
            )
        if writes:
            errors[413] = error_response("The body is too large to read", TOO_LARGE)
            errors[415] = error_response("The body is not sent as JSON", NOT_JSON)
        too_many = []
        if writes and any(isinstance(t, WritesThrottle) for t in view.get_throttles()):
            too_many.append(THROTTLED)
        if getattr(view, "locks_out", False):
            too_many.append(LOCKED_OUT)
        if too_many:
            errors[429] = error_response("Too many requests: wait, then send again", *too_many)
        return errors
