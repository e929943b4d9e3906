"""Production's static files (DEBUG off: WhiteNoise's manifest storage) before `collectstatic`."""

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.test import Client


def test_the_system_check_refuses_uncollected_static_files_with_a_hint(uncollected_static):
    with pytest.raises(SystemCheckError, match=r"(?s)learning\.E001.*collectstatic"):
        call_command("check")


def test_the_system_check_passes_once_static_files_are_collected(uncollected_static):
    call_command("collectstatic", "--noinput", verbosity=0)
    call_command("check")


def test_a_page_without_collected_static_files_answers_503_saying_why(settings, uncollected_static):
    settings.DEBUG = False
    response = Client(raise_request_exception=False).get("/accounts/login/")
    assert response.status_code == 503
    assert "collectstatic" in response.content.decode()
