"""The API's documentation pages in a real browser: they render the schema's operations from
this site's own assets, under the Content-Security-Policy, on a desktop and on a phone."""

import os

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser
SHOTS = os.environ.get("SCREENSHOT_DIR")


def _shot(page, name: str) -> None:
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/{name}.png", full_page=False)


@pytest.mark.parametrize("device", ["page", "phone"])
def test_swagger_lists_the_operations_and_their_errors(request, demo, device):
    page = request.getfixturevalue(device)
    requests = []
    page.on("request", lambda sent: requests.append(sent.url))
    page.goto(f"{demo}/api/docs/")
    expect(page.get_by_text("/api/v1/reviews/sync/").first).to_be_visible()
    page.get_by_text("/api/v1/reviews/sync/").first.click()
    expect(page.get_by_text("Two reviews made offline").first).to_be_attached()
    expect(page.locator(".responses-table").get_by_text("422").first).to_be_attached()
    _shot(page, f"swagger-{device}")
    assert all(url.startswith(demo) for url in requests), "an asset from another site"


@pytest.mark.parametrize("device", ["page", "phone"])
def test_redoc_renders_the_schema(request, demo, device, csp_violations):
    # ReDoc always tries its maker's logo from their CDN, and hides it when it cannot load: the
    # policy blocking it is the page working as meant, with no internet needed.
    csp_violations.allowed = ("cdn.redoc.ly",)
    page = request.getfixturevalue(device)
    page.goto(f"{demo}/api/redoc/")
    expect(page.get_by_text("News Quiz API").first).to_be_visible()
    expect(page.get_by_text("Record one review").first).to_be_attached()
    _shot(page, f"redoc-{device}")
