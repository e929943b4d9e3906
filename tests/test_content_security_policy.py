"""The Content-Security-Policy header (django-csp) on every kind of response, and templates
that need nothing it forbids. The browser tests fail on any violation a page causes."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

DIRECTIVES = [
    "default-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
]
TEMPLATES = Path(settings.BASE_DIR, "templates")


def policy(response) -> list[str]:
    return [part.strip() for part in response["Content-Security-Policy"].split(";")]


@pytest.mark.parametrize(
    "path",
    ["/accounts/login/", "/no-such-page/", "/healthz", "/admin/login/"],
    ids=["html", "404", "healthz", "admin-login"],
)
def test_every_response_carries_the_policy(client, db, path):
    response = client.get(path)
    assert response.status_code in (200, 404)
    assert sorted(policy(response)) == sorted(DIRECTIVES)


def test_a_logged_in_page_carries_the_policy(student_client):
    response = student_client.get(reverse("learning:progress"))
    assert sorted(policy(response)) == sorted(DIRECTIVES)


def test_the_policy_allows_no_inline_script_or_style(client, db):
    header = client.get("/accounts/login/")["Content-Security-Policy"]
    assert "unsafe-inline" not in header
    assert "unsafe-eval" not in header


def test_htmx_is_told_not_to_add_its_inline_indicator_style(client, db):
    content = client.get("/accounts/login/").content.decode()
    assert '<meta name="htmx-config"' in content
    assert '"includeIndicatorStyles": false' in content


@pytest.mark.parametrize(
    "pattern",
    [r"\sstyle=", r"<style", r"<script(?![^>]*\ssrc=)", r"\son[a-z]+=", r"javascript:", r"hx-on"],
)
def test_no_template_has_inline_styles_or_scripts(pattern):
    offenders = [
        str(path.relative_to(TEMPLATES))
        for path in TEMPLATES.rglob("*.html")
        if re.search(pattern, path.read_text(encoding="utf-8"))
    ]
    assert offenders == []
