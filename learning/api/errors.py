"""One error format for every 4xx answer of the API:

    {"error": {"code": "invalid", "message": "...", "fields": {"rating": ["..."]}}}

`code` is stable for programs, `message` is fit to show a person, and `fields` names the input
fields at fault (empty when none)."""

from axes.exceptions import AxesBackendPermissionDenied
from django.conf import settings
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import RequestDataTooBig
from django.http import Http404
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from learning.api.parsers import MalformedBody
from learning.errors import LearningError
from quizzes.errors import ContentError

CODES = {
    exceptions.ValidationError: ("invalid", "Some fields are not valid."),
    exceptions.ParseError: ("malformed", "The request body is not valid JSON."),
    exceptions.NotAuthenticated: ("not_authenticated", "Log in first: send a valid access token."),
    exceptions.AuthenticationFailed: ("not_authenticated", "The credentials are not valid."),
    exceptions.PermissionDenied: ("forbidden", "You may not do this."),
    exceptions.NotFound: ("not_found", "There is no such thing here."),
    exceptions.MethodNotAllowed: ("method_not_allowed", "This method is not allowed here."),
    exceptions.NotAcceptable: ("not_acceptable", "This API answers in JSON only."),
    exceptions.UnsupportedMediaType: ("unsupported_media_type", "Send JSON."),
    exceptions.Throttled: ("throttled", "Too many requests: wait a moment."),
}


LOCKED_OUT_MESSAGE = "Too many failed logins. Try again in 15 minutes."


class Conflict(exceptions.APIException):
    """The same id was used before with other content (the Idempotency-Key draft's 422)."""

    status_code = status.HTTP_422_UNPROCESSABLE_ENTITY
    default_code = "conflict"


def error(code: str, message: str, status_code: int, fields: dict | None = None) -> Response:
    return Response(
        {"error": {"code": code, "message": message, "fields": fields or {}}}, status=status_code
    )


def exception_handler(exc, context):
    if isinstance(exc, LearningError | ContentError):
        # A request the services refuse, with their message.
        return error("refused", str(exc), status.HTTP_400_BAD_REQUEST)
    # django-axes marks the request it judged (the API's or the one beneath it) as locked out.
    request = context.get("request")
    locked = getattr(request, "axes_locked_out", False) or getattr(
        getattr(request, "_request", None), "axes_locked_out", False
    )
    if isinstance(exc, AxesBackendPermissionDenied) or locked:
        return error(
            "locked_out",
            LOCKED_OUT_MESSAGE,
            status.HTTP_429_TOO_MANY_REQUESTS,
        )
    if isinstance(exc, RequestDataTooBig):
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        return error(
            "too_large",
            f"The request body is larger than the limit of {limit:,} bytes.",
            status.HTTP_413_REQUEST_ENTITY_TOO_LARGE,
        )
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied()
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, Conflict):
        return error("conflict", str(exc.detail), exc.status_code)
    code, message = next(
        (value for kind, value in CODES.items() if isinstance(exc, kind)),
        ("error", "The request could not be done."),
    )
    fields = {}
    if isinstance(exc, exceptions.ValidationError):
        detail = exc.detail
        if isinstance(detail, dict):
            fields = _flattened(detail)
            general = fields.pop("non_field_errors", None)
            if general:
                message = " ".join(general)
        else:
            message = " ".join(str(item) for item in _list(detail))
    elif isinstance(exc, MalformedBody | exceptions.AuthenticationFailed | exceptions.Throttled):
        message = str(exc.detail) if isinstance(exc.detail, str) else message
    response.data = {"error": {"code": code, "message": message, "fields": fields}}
    return response


def _list(value) -> list:
    return value if isinstance(value, list) else [value]


def _flattened(detail, prefix: str = "") -> dict[str, list[str]]:
    """Nested errors by path ("reviews[0].reviewed_at"), each with its messages as text."""
    fields: dict[str, list[str]] = {}
    if isinstance(detail, dict):
        for name, value in detail.items():
            if isinstance(name, int):
                path = f"{prefix}[{name}]"
            elif name == "non_field_errors" and prefix:
                path = prefix  # the errors of the list or object itself
            else:
                path = f"{prefix}.{name}" if prefix else str(name)
            for key, messages in _flattened(value, path).items():
                fields.setdefault(key, []).extend(messages)
    elif isinstance(detail, list) and any(isinstance(item, dict | list) for item in detail):
        for index, item in enumerate(detail):
            if item:
                for key, messages in _flattened(item, f"{prefix}[{index}]").items():
                    fields.setdefault(key, []).extend(messages)
    else:
        fields[prefix or "non_field_errors"] = [str(item) for item in _list(detail)]
    return fields
