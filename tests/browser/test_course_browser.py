"""Courses in a real browser: the demo instructor builds a course around a pasted article and
reads its join code; a new student signs up, joins with the code and reviews a card of it."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.pages import log_in

pytestmark = pytest.mark.browser

ARTICLE = """Harbour tunnel opens after six years of work

The new harbour tunnel in Portmere opened to traffic on Monday, six years after work began.
The tunnel is 3.2 kilometres long and cost 1.4 billion pounds, the city council said.
Mayor Alice Grant said the tunnel would cut journey times across the bay by 20 minutes.
"This is the biggest project the city has finished in a generation," Grant said.
About 40,000 vehicles are expected to use the tunnel every day, according to the council.
Engineers from Norway and Scotland worked on the project, which was delayed by flooding in 2021.
"""


def test_an_instructor_builds_a_course_and_a_new_student_joins_and_reviews(browser, demo):
    teacher = browser.new_page(viewport={"width": 1280, "height": 900})
    log_in(teacher, demo, "instructor", "instructor-demo")
    teacher.get_by_role("link", name="Courses", exact=True).click()
    teacher.get_by_role("link", name="New course").click()
    teacher.get_by_label("Title").fill("Cities in the news")
    teacher.get_by_role("button", name="Create the course").click()
    expect(teacher.get_by_role("heading", name="Cities in the news")).to_be_visible()
    code = teacher.locator(".join-code-big code").inner_text()
    assert re.fullmatch(r"[A-HJKMNP-Z2-9]{8}", code)

    teacher.get_by_role("link", name="Add a new article to this course").first.click()
    teacher.get_by_label("Article text").fill(ARTICLE)
    expect(teacher.get_by_label("Add to course")).to_have_value(re.compile(r"\d+"))
    teacher.get_by_role("button", name="Generate questions").click()
    expect(teacher.get_by_text("It is in Cities in the news.")).to_be_visible()

    cards = teacher.locator("article.question")
    for index in range(5):
        cards.nth(index).locator("input[type=checkbox]").check()
    teacher.locator("#bulk-form").get_by_role("button", name="Approve").click()
    expect(teacher.get_by_text("5 questions approved.")).to_be_visible()

    student = browser.new_page(viewport={"width": 390, "height": 800})
    student.goto(f"{demo}/join/{code}/")
    student.get_by_role("link", name="create a student account", exact=True).click()
    student.get_by_label("Username").fill("newcomer")
    student.get_by_label("Password", exact=True).fill("harbour-tunnel-2024")
    student.get_by_label("Password confirmation").fill("harbour-tunnel-2024")
    student.get_by_role("button", name="Sign up").click()
    expect(student.get_by_role("heading", name="Cities in the news")).to_be_visible()
    student.get_by_role("button", name="Join the course").click()
    expect(student.get_by_text("You are in Cities in the news.")).to_be_visible()

    student.get_by_role("link", name="Review", exact=True).first.click()
    front = student.locator("[data-side=front]")
    expect(front).to_contain_text("Harbour tunnel opens")
    front.get_by_role("button", name="Show answer").click()
    student.get_by_role("button", name="Good").click()
    expect(student.locator("[data-side=back]")).to_have_count(0)
    assert student.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
