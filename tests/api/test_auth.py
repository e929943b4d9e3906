"""Tokens for apps: obtain, refresh (rotating), log out; the log-in lockout applies."""

import pytest

from tests.factories import PASSWORD

pytestmark = pytest.mark.usefixtures("fast_passwords")
TOKEN, REFRESH, LOGOUT = (
    "/api/v1/auth/token/",
    "/api/v1/auth/token/refresh/",
    "/api/v1/auth/logout/",
)


def _tokens(api, username="stu", password=PASSWORD):
    return api.post(TOKEN, {"username": username, "password": password})


def test_a_token_logs_the_app_in(api, student):
    tokens = _tokens(api).json()
    api.credentials(HTTP_AUTHORIZATION=f"Bearer {tokens['access']}")
    assert api.get("/api/v1/me/").json()["username"] == "stu"


def test_without_a_token_the_api_says_to_log_in(api, db):
    response = api.get("/api/v1/me/")
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "not_authenticated"


def test_a_wrong_password_is_refused_in_the_error_format(api, student):
    response = _tokens(api, password="wrong")
    assert response.status_code == 401
    assert set(response.json()["error"]) == {"code", "message", "fields"}


def test_refreshing_rotates_the_refresh_token(api, student):
    refresh = _tokens(api).json()["refresh"]
    renewed = api.post(REFRESH, {"refresh": refresh})
    assert renewed.status_code == 200
    assert renewed.json()["refresh"] != refresh
    assert api.post(REFRESH, {"refresh": refresh}).status_code == 401


def test_logging_out_retires_the_refresh_token(api, student):
    refresh = _tokens(api).json()["refresh"]
    assert api.post(LOGOUT, {"refresh": refresh}).status_code == 200
    assert api.post(REFRESH, {"refresh": refresh}).status_code == 401


def test_the_token_endpoint_shares_the_login_lockout(api, student):
    for _ in range(5):
        _tokens(api, password="wrong")
    response = _tokens(api)
    assert response.status_code == 429
    assert response.json()["error"]["code"] == "locked_out"
