"""The main pages under the site's Content-Security-Policy, in a real browser.

The `page` fixture fails a test on any violation the browser reports (tests/browser/conftest.py),
so every browser test runs with the policy on; these visit every main page and use htmx.
"""

import pytest
from playwright.sync_api import Page, expect

from quizzes.models import Article, Course
from tests.browser.pages import log_in

pytestmark = pytest.mark.browser


def _log_in(page: Page, base: str, username: str, password: str) -> None:
    response = log_in(page, base, username, password)
    assert "default-src 'self'" in response.headers["content-security-policy"]


def _visit(page: Page, base: str, path: str) -> None:
    response = page.goto(f"{base}{path}")
    assert response.status == 200, path
    assert "default-src 'self'" in response.headers["content-security-policy"], path
    page.wait_for_load_state("load")


def test_a_student_meets_no_csp_violation_on_any_page(page, demo):
    _log_in(page, demo, "student", "student-demo")
    article = Article.objects.order_by("pk").first()
    for path in [
        "/study/",
        "/review/",
        "/progress/",
        "/study/settings/",
        "/study/leeches/",
        "/study/join/",
        f"/study/articles/{article.pk}/",
    ]:
        _visit(page, demo, path)
    # htmx swaps the answer in under the policy.
    _visit(page, demo, "/review/")
    page.get_by_role("button", name="Show answer").click()
    expect(page.locator("[data-side=back]")).to_be_visible()


def test_an_instructor_meets_no_csp_violation_on_any_page(page, demo):
    _log_in(page, demo, "instructor", "instructor-demo")
    article = Article.objects.order_by("pk").first()
    course = Course.objects.get()
    question = article.questions.order_by("pk").first()
    for path in [
        "/teach/",
        "/teach/articles/new/",
        "/teach/courses/",
        f"/teach/courses/{course.pk}/",
        f"/teach/courses/{course.pk}/students/",
        f"/teach/questions/{question.pk}/",
        f"/teach/questions/{question.pk}/edit/",
        "/teach/leeches/",
        f"/teach/articles/{article.pk}/",
        f"/teach/articles/{article.pk}/?status=candidate",
    ]:
        _visit(page, demo, path)
    # An htmx request carries the CSRF token from hx-headers, read as JSON without eval.
    card = (
        page.locator("article.question")
        .filter(has=page.get_by_role("button", name="Approve"))
        .first
    )
    card_id = card.get_attribute("id")
    with page.expect_request(lambda request: request.method == "POST") as sent:
        card.get_by_role("button", name="Approve").click()
    assert sent.value.headers["hx-request"] == "true"
    assert sent.value.headers["x-csrftoken"]
    expect(page.locator(f"#{card_id} .status-approved")).to_be_visible()


def test_the_watch_catches_a_violation(page, demo, csp_violations):
    _visit(page, demo, "/accounts/login/")
    page.evaluate("document.body.insertAdjacentHTML('beforeend', '<p style=\"color: red\">x</p>')")
    page.wait_for_function("1")  # one more round trip, so the report has arrived
    assert any("style-src" in violation for violation in csp_violations), csp_violations
    csp_violations.clear()
