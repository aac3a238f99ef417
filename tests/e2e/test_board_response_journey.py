"""The board report's response in Chromium: the governance role records the governing body's
response against the version it received, on pages that pass axe-core (Code 9.7)."""

from __future__ import annotations

from datetime import date

import pytest
from django.utils import timezone

from putright.accounts.models import Role, User
from putright.governance import services
from putright.governance.models import BoardReportVersion
from putright.governance.selectors.periods import Period

QUERY = "start-day=1&start-month=4&start-year=2026&end-day=30&end-month=6&end-year=2026"


@pytest.mark.django_db(transaction=True)
def test_the_governance_role_records_the_response_to_the_version_sent_9_7(page, axe_check, staff_login):
    officer = User.objects.create_user(
        username="olive", password="correct horse battery", role=Role.COMPLAINTS_OFFICER
    )
    User.objects.create_user(username="gwen", password="correct horse battery", role=Role.GOVERNANCE)
    version = services.board_report_send(
        actor=officer,
        now=timezone.now(),
        period=Period(date(2026, 4, 1), date(2026, 6, 30)),
        sent_on=timezone.localdate(),
    )
    staff_login("gwen")
    page.wait_for_url("**/staff/**")
    page.goto(f"/staff/reports/board/?{QUERY}")
    axe_check(page, context="board report with a version awaiting its response")
    page.click("text=Record the response")
    page.wait_for_url("**/response/")
    page.click("main button[type=submit]")
    page.wait_for_selector(".govuk-error-summary")
    axe_check(page, context="board response with errors")
    today = timezone.localdate()
    page.fill("[name=governing_body_response]", "Noted; the board asks for a repairs plan")
    page.fill("[name=response_recorded_on-day]", str(today.day))
    page.fill("[name=response_recorded_on-month]", str(today.month))
    page.fill("[name=response_recorded_on-year]", str(today.year))
    page.click("main button[type=submit]")
    page.wait_for_url("**/staff/reports/board/?*")
    assert "Noted; the board asks for a repairs plan" in page.content()
    axe_check(page, context="board report with the response recorded")
    assert (
        BoardReportVersion.objects.get(pk=version.pk).response == "Noted; the board asks for a repairs plan"
    )
