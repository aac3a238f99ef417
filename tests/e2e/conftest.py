"""Browser journeys: Playwright driving Debian's Chromium against the live test server.

No `playwright install`: the browser is the system's /usr/bin/chromium. Every page a
journey visits should be checked with `axe_check(page)` (axe-core, no violations).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from typing import Any

import pytest

CHROMIUM = os.environ.get("PUTRIGHT_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """One Chromium per test module.

    Playwright's sync API runs an event loop in this thread while it is started; Django
    then believes it is in async code and refuses database calls from the test body. The
    test body is not async, so allowing it is safe here, and only here: the variable is
    set while the browser runs and removed after, so no other test runs with it.
    """
    from playwright.sync_api import sync_playwright

    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as p:
            chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
            yield chromium
            chromium.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def page(browser: Any, live_server: Any) -> Iterator[Any]:
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    # A wait is for the page, not a timing goal (those live in `make bench`): generous, so that
    # a busy CI machine rendering a PDF does not fail a journey that works (PUTRIGHT_E2E_TIMEOUT_MS).
    context.set_default_timeout(int(os.environ.get("PUTRIGHT_E2E_TIMEOUT_MS", "30000")))
    pg = context.new_page()
    yield pg
    context.close()


def _axe(page: Any, *, context: str = "") -> None:
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(url="/static/vendor/axe.min.js")
    result = page.evaluate(
        """async () => {
            const r = await axe.run(document, {runOnly: {type: 'tag', values:
              ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']}});
            return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
              nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}));
        }"""
    )
    assert result == [], f"axe-core violations on {page.url} {context}: {result}"


@pytest.fixture
def axe_check() -> Callable[..., None]:
    """Call `axe_check(page)` on every page a journey visits."""
    return _axe


@pytest.fixture
def staff_login(page: Any) -> Callable[[str, str], None]:
    def login(username: str, password: str = "correct horse battery") -> None:
        page.goto("/staff/login/")
        page.fill("#id_username", username)
        page.fill("#id_password", password)
        # The form's answer has loaded (the signed-in page after the redirect, or the login
        # page again with its error) before the test reads it: a later wait for "**/staff/**"
        # would otherwise match the login page itself and race the redirect.
        with page.expect_navigation():
            page.click("button[type=submit]")

    return login
