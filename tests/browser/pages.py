"""Steps every browser test takes."""

from playwright.sync_api import Page


def log_in(page: Page, base: str, username: str, password: str):
    """Log in through the form and wait to land on the next page; returns the form's response."""
    response = page.goto(f"{base}/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(lambda url: "/accounts/login/" not in url)
    return response
