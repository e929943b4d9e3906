"""The review page in a real browser: the demo student reviews six cards and sees progress."""

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.pages import log_in

pytestmark = pytest.mark.browser


def _log_in(page: Page, base: str) -> None:
    log_in(page, base, "student", "student-demo")
    expect(page.get_by_role("heading", name="Study", exact=True)).to_be_visible()


def _front(page: Page):
    front = page.locator("[data-side=front]")
    expect(front).to_be_visible()
    # Focus lands on the new card once htmx has settled it: only then are its buttons wired.
    expect(front.locator("[data-autofocus]")).to_be_focused()
    return front


def _rate_and_wait(page: Page, rate) -> None:
    back = page.locator("[data-side=back]")
    expect(back).to_be_visible()
    rate()
    expect(back).to_have_count(0)
    _front(page)


def _reviews_total(page: Page, base: str) -> int:
    page.goto(f"{base}/progress/")
    return int(page.locator("#reviews-total").inner_text())


def test_the_demo_student_reviews_with_mouse_and_keyboard_and_sees_progress(page, demo):
    _log_in(page, demo)
    assert _reviews_total(page, demo) == 0
    page.get_by_role("link", name="Review", exact=True).first.click()
    page.wait_for_url("**/review/")
    page.wait_for_load_state()
    # A marker on the window survives only if no card causes a page load.
    page.evaluate("window.stillTheSamePage = true")

    for _ in range(3):
        _front(page).get_by_role("button", name="Show answer").click()
        _rate_and_wait(page, lambda: page.get_by_role("button", name="Good").click())

    for _ in range(3):
        typed = page.locator("#typed-answer")
        if typed.count():
            typed.press("Enter")  # focus is in the answer box, where Space types a space
        else:
            page.keyboard.press("Space")
        expect(page.locator("#answer-heading")).to_be_focused()
        _rate_and_wait(page, lambda: page.keyboard.press("3"))

    assert page.evaluate("window.stillTheSamePage") is True
    assert _reviews_total(page, demo) == 6
    expect(page.locator("#chart-reviews-title")).to_have_text("Reviews per day, last 30 days")


def test_the_answer_side_shows_each_ratings_next_interval(page, demo):
    _log_in(page, demo)
    page.goto(f"{demo}/review/")
    _front(page).get_by_role("button", name="Show answer").click()
    for label, interval in [("Again", "1m"), ("Good", "10m")]:
        expect(page.get_by_role("button", name=label)).to_contain_text(interval)
    expect(page.get_by_role("link", name="Read it in")).to_have_attribute(
        "href", re.compile(r"^/study/articles/\d+/#s-\d+$")
    )


def test_the_review_and_progress_pages_fit_a_phone_screen(phone, demo):
    _log_in(phone, demo)
    for path in ["/review/", "/progress/"]:
        phone.goto(f"{demo}{path}")
        assert phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), path
