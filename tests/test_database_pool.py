"""The connection pool, on whichever server the suite runs."""

import psycopg
import pytest
from django.db import connection


@pytest.mark.django_db(transaction=True)
def test_the_pool_lends_no_connection_the_server_has_closed():
    connection.close_pool()  # a new pool, whose one connection is this test's
    connection.ensure_connection()
    backend = connection.connection.info.backend_pid
    connection.close()  # back to the pool, as at the end of every request
    with psycopg.connect(**connection.get_connection_params(), autocommit=True) as other:
        # What a restart of the server does to every connection.
        other.execute("SELECT pg_terminate_backend(%s, 5000)", [backend])
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        assert cursor.fetchone() == (1,)
