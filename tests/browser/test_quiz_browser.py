"""Quizzes in a real browser: the demo student takes the demo quiz, reloads and finds every
answer, submits and sees the score; the demo instructor builds and publishes a quiz and reads
its results and item analysis."""

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.pages import log_in

pytestmark = pytest.mark.browser


def _answer_everything(page: Page) -> list[tuple[int, str]]:
    """Answer each question on the page; return (question index, what was typed or picked)."""
    # htmx starts listening for input when the page has loaded; an answer typed before that
    # (by a test, within milliseconds of the page appearing) would wait for its Save button.
    page.wait_for_load_state("load")
    page.wait_for_function("() => window.htmx !== undefined")
    given = []
    for index, section in enumerate(page.locator(".attempt-question").all()):
        status = section.locator(".save-status")
        text = section.locator("input[type=text]")
        radios = section.locator("input[type=radio]")
        selects = section.locator("select")
        if text.count():
            text.fill("Vladivostok")
            given.append((index, "typed"))
        elif radios.count():
            radios.last.check()
            given.append((index, "picked"))
        else:
            for index, select in enumerate(selects.all()):
                options = select.locator("option").all()
                value = options[-1 - index % len(options)].get_attribute("value") or ""
                if value:
                    select.select_option(value)
        # The autosave is a request per answer: on a loaded machine it can take seconds.
        expect(status).to_contain_text("Saved", timeout=15_000)
    return given


def test_the_demo_student_takes_the_quiz_reloads_and_submits(page, demo):
    log_in(page, demo, "student", "student-demo")
    page.get_by_role("link", name="Quizzes", exact=True).click()
    page.get_by_role("link", name="Kim and Putin, 2019").click()
    page.get_by_role("button", name="Start attempt").click()
    expect(page.locator(".timer-value")).to_have_text(re.compile(r"^(19|20):\d\d$"))
    given = _answer_everything(page)
    expect(page.locator("#answered-count")).to_have_text("10")

    page.reload()
    sections = page.locator(".attempt-question")
    for index, kind in given:
        if kind == "typed":
            expect(sections.nth(index).locator("input[type=text]")).to_have_value("Vladivostok")
        else:
            expect(sections.nth(index).locator("input[type=radio]").last).to_be_checked()

    page.get_by_role("link", name="Submit attempt…").click()
    expect(page.get_by_text("All 10 questions are answered.")).to_be_visible()
    page.get_by_role("button", name="Submit attempt").click()
    expect(page.locator(".result-score")).to_contain_text(re.compile(r"of 10 points \(\d+%\)"))
    expect(page.get_by_text("Read it in the article").first).to_be_visible()


def test_the_demo_instructor_builds_a_quiz_and_reads_results_and_analysis(browser, demo):
    teacher = browser.new_page(viewport={"width": 1280, "height": 900})
    log_in(teacher, demo, "instructor", "instructor-demo")
    teacher.get_by_role("link", name="Courses", exact=True).click()
    teacher.get_by_role("link", name="North Korea and Russia, 2019").click()
    teacher.get_by_role("link", name="New quiz").click()
    teacher.get_by_label("Title").fill("Quick check")
    teacher.get_by_label("Time limit (minutes)").fill("5")
    teacher.get_by_role("button", name="Create the quiz").click()
    checkboxes = teacher.locator(".pick-list input[type=checkbox]")
    for index in range(3):
        checkboxes.nth(index).check()
    teacher.get_by_role("button", name="Add the ticked questions").click()
    expect(teacher.get_by_text("3 questions added.")).to_be_visible()
    teacher.get_by_label("Draw", exact=True).fill("2")
    teacher.get_by_role("button", name="Add random questions").click()
    expect(teacher.get_by_text("2 random questions added.")).to_be_visible()
    teacher.get_by_role("button", name="Publish to the course's students").click()
    expect(teacher.get_by_text("Published: the course's students see it.")).to_be_visible()

    student = browser.new_page(viewport={"width": 390, "height": 800})
    log_in(student, demo, "student", "student-demo")
    student.goto(f"{demo}/study/quizzes/")
    student.get_by_role("link", name="Quick check").click()
    student.get_by_role("button", name="Start attempt").click()
    _answer_everything(student)
    student.get_by_role("link", name="Submit attempt…").click()
    student.get_by_role("button", name="Submit attempt").click()
    expect(student.locator(".result-score")).to_be_visible()
    assert student.evaluate("document.documentElement.scrollWidth <= window.innerWidth")

    teacher.reload()
    teacher.get_by_role("link", name=re.compile(r"^Results")).click()
    expect(teacher.get_by_role("link", name="student")).to_be_visible()
    teacher.get_by_role("link", name="Item analysis").click()
    expect(teacher.get_by_role("heading", name="Item analysis")).to_be_visible()
    expect(teacher.locator("tbody tr")).to_have_count(5)
