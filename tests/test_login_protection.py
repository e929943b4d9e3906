"""Brute-force protection on the log-in form (django-axes; see README, "Security").

Axes keeps its counts in the database, so each test starts from none: the test's transaction is
rolled back at its end.
"""

from datetime import timedelta

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests.factories import PASSWORD, UserFactory

LOGIN = reverse("login")
LOCKED_OUT = "Too many failed logins. Try again in 15 minutes."

pytestmark = pytest.mark.usefixtures("fast_passwords")


def log_in(client: Client, username: str, password: str, address: str = "198.51.100.7"):
    return client.post(
        LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address, follow=True
    )


def fail(client: Client, username: str, times: int, address: str = "198.51.100.7") -> None:
    for _ in range(times):
        response = log_in(client, username, "wrong-password", address)
        assert response.status_code in (200, 429)


def is_logged_in(client: Client) -> bool:
    return "_auth_user_id" in client.session


def test_four_failures_leave_the_username_open(client, student):
    fail(client, student.username, 4)
    response = log_in(client, student.username, PASSWORD)
    assert response.status_code == 200
    assert is_logged_in(client)


def test_it_locks_a_username_after_five_failures(client, student):
    fail(client, student.username, 5)
    response = log_in(client, student.username, PASSWORD)
    assert response.status_code == 429
    assert not is_logged_in(client)


def test_it_locks_the_username_from_every_address(client, student):
    fail(client, student.username, 5, address="198.51.100.7")
    log_in(client, student.username, PASSWORD, address="203.0.113.9")
    assert not is_logged_in(client)


def test_it_locks_an_address_after_twenty_failures_with_different_usernames(client, student):
    for number in range(20):
        fail(client, f"guess{number}", 1)
    log_in(client, student.username, PASSWORD)
    assert not is_logged_in(client)


def test_nineteen_failures_leave_the_address_open(client, student):
    for number in range(19):
        fail(client, f"guess{number}", 1)
    log_in(client, student.username, PASSWORD)
    assert is_logged_in(client)


def test_a_locked_address_does_not_lock_other_addresses(client, student):
    for number in range(20):
        fail(client, f"guess{number}", 1)
    log_in(client, student.username, PASSWORD, address="203.0.113.9")
    assert is_logged_in(client)


def test_a_locked_out_login_shows_a_clear_message_on_a_site_page(client, student):
    fail(client, student.username, 5)
    response = log_in(client, student.username, PASSWORD)
    assert response.status_code == 429
    assert LOCKED_OUT in response.content.decode()
    assert b'class="site-header"' in response.content


def test_the_failure_that_reaches_the_limit_shows_the_message(client, student):
    fail(client, student.username, 4)
    response = log_in(client, student.username, "wrong-password")
    assert response.status_code == 429
    assert LOCKED_OUT in response.content.decode()


def test_the_lockout_still_holds_after_fourteen_minutes(client, student):
    with time_machine.travel(timezone.now(), tick=False) as clock:
        fail(client, student.username, 5)
        clock.shift(timedelta(minutes=14))
        log_in(client, student.username, PASSWORD)
    assert not is_logged_in(client)


def test_the_lockout_ends_after_fifteen_minutes(client, student):
    with time_machine.travel(timezone.now(), tick=False) as clock:
        fail(client, student.username, 5)
        clock.shift(timedelta(minutes=15, seconds=1))
        log_in(client, student.username, PASSWORD)
    assert is_logged_in(client)


def test_tries_during_a_lockout_do_not_extend_it(client, student):
    with time_machine.travel(timezone.now(), tick=False) as clock:
        fail(client, student.username, 5)
        clock.shift(timedelta(minutes=10))
        fail(client, student.username, 3)
        clock.shift(timedelta(minutes=5, seconds=1))
        log_in(client, student.username, PASSWORD)
    assert is_logged_in(client)


def test_the_admin_log_in_is_locked_too(client, db):
    admin = UserFactory(username="boss", is_staff=True, is_superuser=True)
    login = reverse("admin:login")
    for _ in range(5):
        client.post(login, {"username": admin.username, "password": "wrong"})
    response = client.post(login, {"username": admin.username, "password": PASSWORD})
    assert response.status_code == 429
    assert not is_logged_in(client)


def test_it_ignores_x_forwarded_for_without_a_trusted_proxy(client, student):
    for number in range(20):
        client.post(
            LOGIN,
            {"username": f"guess{number}", "password": "wrong"},
            REMOTE_ADDR="10.0.0.1",
            HTTP_X_FORWARDED_FOR=f"192.0.2.{number}",
        )
    log_in(client, student.username, PASSWORD, address="10.0.0.1")
    assert not is_logged_in(client)


def test_behind_a_trusted_proxy_it_counts_the_address_the_proxy_saw(client, student, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    for number in range(20):
        client.post(
            LOGIN,
            {"username": f"guess{number}", "password": "wrong"},
            REMOTE_ADDR="10.0.0.1",
            # What the client sent first is ignored; the proxy appended the real address.
            HTTP_X_FORWARDED_FOR=f"192.0.2.{number}, 198.51.100.7",
        )
    response = client.post(
        LOGIN,
        {"username": student.username, "password": PASSWORD},
        REMOTE_ADDR="10.0.0.1",
        HTTP_X_FORWARDED_FOR="203.0.113.9",
    )
    assert response.status_code == 302  # another client behind the same proxy
    client.logout()
    response = client.post(
        LOGIN,
        {"username": student.username, "password": PASSWORD},
        REMOTE_ADDR="10.0.0.1",
        HTTP_X_FORWARDED_FOR="198.51.100.7",
    )
    assert response.status_code == 429
