"""GET /healthz: whether this process can serve pages."""

import logging
import queue
import threading

import psycopg
from django.db import DatabaseError, connection
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

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


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    database = database_status()
    return JsonResponse({"database": database}, status=200 if database == "ok" else 503)
