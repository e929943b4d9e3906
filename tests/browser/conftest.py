"""Playwright against Debian's Chromium, for the tests marked `browser`.

Without Chromium they are skipped with the command that installs it; CI sets REQUIRE_BROWSER=1,
which makes a missing browser a failure instead.
"""

import os
from pathlib import Path

import pytest
from django.conf import settings

LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def chromium_path() -> str:
    return (
        getattr(settings, "PLAYWRIGHT_CHROMIUM", None)
        or os.environ.get("PLAYWRIGHT_CHROMIUM")
        or "/usr/bin/chromium"
    )


@pytest.fixture(scope="module")
def browser():
    path = chromium_path()
    if not Path(path).is_file():
        message = (
            f"Chromium is not at {path}. Install it with `apt-get install chromium` "
            "(as root), or point PLAYWRIGHT_CHROMIUM at a Chromium binary."
        )
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop running in this thread, and Django refuses ORM
    # calls when it sees one. The calls are synchronous and safe here; the flag lives only as long
    # as the browser, so the rest of the suite keeps Django's guard.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            launched = playwright.chromium.launch(
                executable_path=path, headless=True, args=LAUNCH_ARGS
            )
            yield launched
            launched.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


# Every page of a browser test reports what its Content-Security-Policy blocked: the event
# carries the directive and the blocked source, and Chromium also logs it to the console.
REPORT_CSP_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  window.reportCspViolation(
    `${event.effectiveDirective} blocked ${event.blockedURI || "an inline source"} ` +
    `on ${event.documentURI} (${event.sourceFile || "?"}:${event.lineNumber})`
  );
});
"""


class Violations(list):
    """What the policy blocked; `allowed` holds sources a test expects to be blocked."""

    allowed: tuple[str, ...] = ()


@pytest.fixture
def csp_violations() -> Violations:
    """What the site's Content-Security-Policy blocked during the test; any fails the test."""
    return Violations()


def _new_page(browser, violations: list[str], **options):
    context = browser.new_context(**options)
    context.set_default_timeout(15_000)
    context.expose_binding("reportCspViolation", lambda source, text: violations.append(text))
    context.add_init_script(REPORT_CSP_VIOLATIONS)
    context.on(
        "console",
        lambda message: (
            violations.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    return context, context.new_page()


def _close(context, violations: Violations) -> None:
    context.close()
    allowed = getattr(violations, "allowed", ())
    unexpected = [text for text in violations if not any(source in text for source in allowed)]
    if unexpected:
        pytest.fail("Content-Security-Policy violations:\n" + "\n".join(unexpected))


@pytest.fixture
def page(browser, csp_violations):
    context, page = _new_page(browser, csp_violations, viewport={"width": 1000, "height": 800})
    yield page
    _close(context, csp_violations)


@pytest.fixture
def phone(browser, csp_violations):
    context, page = _new_page(
        browser, csp_violations, viewport={"width": 375, "height": 740}, is_mobile=True
    )
    yield page
    _close(context, csp_violations)


@pytest.fixture
def demo(transactional_db, live_server):
    """The demo data on a live server: its address."""
    from django.core.management import call_command

    call_command("load_demo", verbosity=0)
    return live_server.url
