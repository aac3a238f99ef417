"""The annual report's journey through the governing body, by keyboard, with axe-core on every
page: built, sent, answered, edited (a new version needing a new response), answered again and
published; the published PDF is byte for byte the version the response attaches to (Code 8.1, 8.2)."""

from __future__ import annotations

import re

import pytest
from django.utils import timezone

from putright.accounts.models import Role
from putright.governance.models import AnnualReport, AnnualReportVersion

pytestmark = pytest.mark.django_db(transaction=True)
REPORT_PAGE = re.compile(r".*/staff/reports/annual/\d+/$")


def tab_to(page, script, limit=200):
    """Press Tab until `script` (run on document.activeElement as `el`) is true."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"() => {{ const el = document.activeElement; return !!el && ({script}); }}"):
            return
    raise AssertionError(f"never reached focus: {script}")


def press_link(page, text):
    tab_to(page, f"el.textContent.trim().startsWith({text!r})")
    page.keyboard.press("Enter")


def type_into(page, name, text):
    tab_to(page, f"el.name === {name!r}")
    page.keyboard.press("Control+A")
    page.keyboard.type(text)


def sign_in(page, staff_login, username):
    page.context.clear_cookies()
    staff_login(username)
    page.wait_for_url("**/staff/**")


def respond(page, axe_check, report_id, words):
    page.goto(f"/staff/reports/annual/{report_id}/")
    press_link(page, "Record the governing body's response")
    page.wait_for_url("**/response/")
    axe_check(page, context="response form")
    type_into(page, "governing_body_response", words)
    today = timezone.localdate()
    type_into(page, "response_recorded_on-day", str(today.day))
    type_into(page, "response_recorded_on-month", str(today.month))
    type_into(page, "response_recorded_on-year", str(today.year))
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/staff/reports/annual/{report_id}/")
    assert words in page.content()


def send(page, axe_check):
    press_link(page, "Send ")
    page.wait_for_url("**/send/")
    axe_check(page, context="send to the governing body")
    tab_to(page, "el.tagName === 'BUTTON' && el.textContent.trim() === 'Send'")
    page.keyboard.press("Enter")
    page.wait_for_url(REPORT_PAGE)


def test_the_published_annual_report_is_the_version_the_governing_body_answered_8_2(
    page, axe_check, staff_login, make_user
):
    make_user(Role.COMPLAINTS_OFFICER, "olive")
    make_user(Role.GOVERNANCE, "gwen")
    sign_in(page, staff_login, "olive")
    page.goto("/staff/reports/annual/new/")
    axe_check(page, context="new annual report")
    type_into(page, "commentary", "First commentary KB1")
    for name in ("no_other_ombudsman_reports", "no_ombudsman_annual_report"):
        tab_to(page, f"el.name === {name!r}")
        page.keyboard.press("Space")
    tab_to(page, "el.tagName === 'BUTTON' && el.textContent.trim() === 'Continue'")
    page.keyboard.press("Enter")
    page.wait_for_url(REPORT_PAGE)
    report = AnnualReport.objects.get()
    axe_check(page, context="annual report")
    send(page, axe_check)
    assert "Version 1 is with the governing body" in page.content()
    axe_check(page, context="version 1 sent")

    sign_in(page, staff_login, "gwen")
    respond(page, axe_check, report.pk, "The board accepts version one")

    sign_in(page, staff_login, "olive")
    page.goto(f"/staff/reports/annual/{report.pk}/")
    press_link(page, "b. What the figures tell us")
    page.wait_for_url("**/change/")
    type_into(page, "commentary", "Second commentary KB2")
    tab_to(page, "el.tagName === 'BUTTON' && el.textContent.trim() === 'Save'")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/staff/reports/annual/{report.pk}/")
    assert "out of date" in page.content()
    assert "Publish version" not in page.content()  # the response answers words the report no longer has
    axe_check(page, context="version 1 out of date")
    send(page, axe_check)
    assert "Version 2 is with the governing body" in page.content()

    sign_in(page, staff_login, "gwen")
    respond(page, axe_check, report.pk, "The board accepts version two")

    sign_in(page, staff_login, "olive")
    page.goto(f"/staff/reports/annual/{report.pk}/")
    tab_to(page, "el.tagName === 'BUTTON' && el.textContent.trim().startsWith('Publish version 2')")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.wait_for_load_state()
    assert "Version 2 was published" in page.content()
    axe_check(page, context="published")

    page.context.clear_cookies()
    page.goto("/publications/")
    assert "The board accepts version two" in page.content()
    axe_check(page, context="public page")
    href = page.locator("a", has_text="PDF").first.get_attribute("href")
    published = page.request.get(href).body()
    version = AnnualReportVersion.objects.get(report=report, number=2)
    with version.pdf.open("rb") as handle:
        assert published == handle.read()
