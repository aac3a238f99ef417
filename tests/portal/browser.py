"""Helpers for the portal's browser journeys (tests/e2e/test_portal_*.py).

`look(page)` is called on every portal page a journey visits: axe-core, the Ombudsman's
details, no sideways scrolling at 320 CSS pixels and at 200% zoom, and a screenshot
when PUTRIGHT_SCREENSHOTS is set.

How zoom is emulated. Chrome's page zoom (Ctrl +) in a 1280-pixel-wide window changes
how many device pixels a CSS pixel takes: at 200% the page is laid out in 640 CSS pixels,
media queries see 640, and `devicePixelRatio` becomes 2. Playwright has no zoom call and
the DevTools protocol has only pinch-zoom (`Emulation.setPageScaleFactor`, which does not
reflow). So `look` sets exactly those metrics through the protocol on the page as it is:
a 1280-pixel screen, a 640-CSS-pixel layout viewport, device pixel ratio 2 (and the same
at 400%: 320 CSS pixels, ratio 4, the WCAG 1.4.10 reflow width), and checks the values
the page sees. `document.body.style.zoom = 2` is not used: it keeps the 1280-pixel media
queries while halving the room, a layout no browser ever shows (GOV.UK's desktop
`margin: 0 auto` then pushes each grid row's -15px gutters 30 pixels past the edge).
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

from django.core import mail

WIDE = {"width": 1280, "height": 900}
SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
OMBUDSMAN = "Housing Ombudsman Service, PO Box 1484"

NO_SIDEWAYS_SCROLL = "document.documentElement.scrollWidth <= window.innerWidth"


def look(page: Any, axe_check: Any, *, shot: str = "") -> None:
    """Check the page the journey is on; save a screenshot named `shot` if asked to."""
    page.wait_for_load_state("load")
    axe_check(page)
    assert OMBUDSMAN in page.inner_text("footer"), f"no Ombudsman details on {page.url}"
    if shot and os.environ.get("PUTRIGHT_SCREENSHOTS"):
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"portal-{shot}.png"), full_page=True)
    try:
        for zoom in (2, 4):
            _zoom(page, zoom)
            assert page.evaluate(NO_SIDEWAYS_SCROLL), f"{page.url} scrolls sideways at {zoom * 100}% zoom"
    finally:
        page.set_viewport_size(WIDE)  # Playwright puts its own metrics back


def _zoom(page: Any, factor: int) -> None:
    """What Chrome's page zoom does to a 1280 by 900 window: fewer, larger CSS pixels."""
    cdp = page.context.new_cdp_session(page)
    try:
        cdp.send(
            "Emulation.setDeviceMetricsOverride",
            {
                "width": WIDE["width"] // factor,
                "height": WIDE["height"] // factor,
                "deviceScaleFactor": factor,
                "mobile": False,
                "screenWidth": WIDE["width"],
                "screenHeight": WIDE["height"],
            },
        )
        seen = page.evaluate(
            "[window.innerWidth, window.devicePixelRatio, matchMedia('(min-width: 641px)').matches]"
        )
        assert seen == [WIDE["width"] // factor, factor, False], seen
    finally:
        cdp.detach()


def emails_to(address: str, subject_part: str = "") -> list[Any]:
    return [m for m in mail.outbox if address in m.to and subject_part in m.subject]


def code_in(message: Any) -> str:
    found = re.search(r"^(\d{6})$", message.body, re.MULTILINE)
    assert found, message.body
    return found.group(1)


def link_in(message: Any) -> str:
    found = re.search(r"https?://[^/\s]+(/sign-in/link/[^/\s]+/)", message.body)
    assert found, message.body
    return found.group(1)


def _tab_until(page: Any, test: str, arg: str, what: str, limit: int = 80) -> None:
    for _ in range(limit):
        if page.evaluate(f"arg => {{ const e = document.activeElement; return !!e && ({test}); }}", arg):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached {what} on {page.url}")


def tab_to(page: Any, selector: str) -> None:
    """Press Tab until the element matching the CSS `selector` has the focus: no clicks."""
    _tab_until(page, "e.matches(arg)", selector, selector)


def tab_to_text(page: Any, text: str) -> None:
    """Press Tab until a link or button reading `text` has the focus."""
    _tab_until(page, "['A', 'BUTTON'].includes(e.tagName) && e.textContent.trim() === arg", text, text)


def type_into(page: Any, selector: str, text: str) -> None:
    tab_to(page, selector)
    page.keyboard.type(text)


def press(page: Any, text: str) -> None:
    """Tab to the link or button reading `text` and press Enter."""
    tab_to_text(page, text)
    page.keyboard.press("Enter")
