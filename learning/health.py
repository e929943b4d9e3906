"""Whether this process can serve pages: GET /healthz, and the system check for static files."""

import logging
import queue
import threading

import psycopg
from django.contrib.staticfiles.storage import ManifestFilesMixin
from django.core import checks
from django.core.files.storage import storages
from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views import defaults
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)

# /healthz answers within 2 s whatever the database does: the query runs on a thread of its own,
# and the view waits this long for it.
DATABASE_WAIT = 1.5
CONNECT_TIMEOUT = 2  # seconds, the least libpq and psycopg allow; frees the thread


def database_status() -> str:
    answers = queue.SimpleQueue()
    threading.Thread(target=_ask_database, args=(answers,), name="healthz", daemon=True).start()
    try:
        return answers.get(timeout=DATABASE_WAIT)
    except queue.Empty:
        return "unavailable"


def _ask_database(answers: queue.SimpleQueue) -> None:
    # A connection of its own rather than one from the pool, which waits up to its timeout (10 s)
    # when the server is down. Getting the parameters starts the embedded server again if it died.
    try:
        params = connection.get_connection_params()
        params["connect_timeout"] = CONNECT_TIMEOUT
        with psycopg.connect(**params, autocommit=True) as database:
            database.execute("SELECT 1")
    except (DatabaseError, psycopg.Error, OSError) as error:
        logger.warning("/healthz: the database does not answer: %s", error)
        answers.put("unavailable")
    else:
        answers.put("ok")


def static_manifest_missing() -> bool:
    """Whether static files are named through a manifest this process has not loaded.

    In production (DEBUG off) every `{% static %}` then raises, so every page fails. The storage
    reads the manifest once, so a process started before `collectstatic` stays without it.
    """
    storage = storages["staticfiles"]
    return isinstance(storage, ManifestFilesMixin) and not storage.manifest_hash


def check_static_manifest(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    if not static_manifest_missing():
        return []
    storage = storages["staticfiles"]
    manifest = storage.manifest_storage.path(storage.manifest_name)
    return [
        checks.Error(
            f"Static files are not collected: {manifest} is missing, so every page would fail.",
            hint="Run `python manage.py collectstatic --noinput` before starting the site.",
            id="learning.E001",
        )
    ]


@never_cache
@require_safe
def healthz(request: HttpRequest) -> JsonResponse:
    status = {
        "database": database_status(),
        "static": "missing manifest" if static_manifest_missing() else "ok",
    }
    healthy = all(value == "ok" for value in status.values())
    return JsonResponse(status, status=200 if healthy else 503)


def server_error(request: HttpRequest) -> HttpResponse:
    """The 500 handler; while static files are not collected, it says so, as a 503."""
    if static_manifest_missing():
        return HttpResponse(
            "Static files are not collected: run `python manage.py collectstatic`.\n",
            content_type="text/plain",
            status=503,
        )
    return defaults.server_error(request)
