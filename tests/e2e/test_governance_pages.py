"""Governance pages in Chromium: the dashboard, the board report, an Ombudsman case and the public page pass axe-core."""

from __future__ import annotations

from datetime import date

import pytest

from putright.accounts.models import Role, User
from putright.cases.models import Resident, Tenure
from putright.governance import services
from tests.governance.scenario import NOW, build


@pytest.mark.django_db(transaction=True)
def test_governance_pages_have_no_accessibility_violations_code_9_6_8_2(page, axe_check, staff_login):
    handler = User.objects.create_user(username="hana", password="correct horse battery", role=Role.HANDLER)
    reviewer = User.objects.create_user(username="rory", password="correct horse battery", role=Role.REVIEWER)
    officer = User.objects.create_user(
        username="olive", password="correct horse battery", role=Role.COMPLAINTS_OFFICER
    )
    scenario = build(handler, reviewer)
    case = services.ombudsman_case_open(
        actor=officer,
        now=NOW,
        complaint_reference=scenario.complaints["C"].reference,
        referred_on=date(2026, 6, 1),
    )
    services.evidence_request_add(
        actor=officer, now=NOW, case_id=case.pk, requested_on=date(2026, 6, 2), description="The file"
    )
    staff_login("olive")
    page.wait_for_url("**/staff/")
    query = "start-day=1&start-month=4&start-year=2026&end-day=30&end-month=6&end-year=2026"

    page.goto(f"/staff/reports/?{query}")
    assert "Complaint handling performance" in page.content()
    axe_check(page, context="dashboard")
    # The detail is a link away, by keyboard too, with the same period.
    page.get_by_role("link", name="All the figures for Q1 2026/27").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/staff/reports/detail/?*start-year=2026*")
    assert "Extensions notified in the period and their reasons" in page.content()
    axe_check(page, context="the dashboard's detail")
    page.goto("/staff/reports/detail/?start-day=40&start-month=2&start-year=2026")
    assert "There is a problem" in page.content()
    axe_check(page, context="the dashboard's detail with errors")

    page.goto(
        "/staff/reports/?start-day=40&start-month=2&start-year=2026&end-day=1&end-month=1&end-year=2026"
    )
    assert "There is a problem" in page.content()
    axe_check(page, context="dashboard with errors")

    unknown = scenario.complaints["D"]
    Resident.objects.filter(pk=unknown.resident_id).update(tenure=Tenure.UNKNOWN)
    page.goto(f"/staff/reports/tenure/?{query}")
    assert unknown.reference in page.content()
    axe_check(page, context="complaints of unknown tenure")
    page.goto(f"/staff/reports/tenure/{unknown.pk}/?{query}")
    page.click("main button[type=submit]")
    page.wait_for_selector(".govuk-error-summary")
    axe_check(page, context="record tenure with errors")

    page.goto(f"/staff/reports/board/?{query}")
    assert "9.7a" in page.content()
    axe_check(page, context="board report")

    page.goto(f"/staff/reports/themes/?{query}")
    axe_check(page, context="themes")

    page.goto("/staff/reports/annual/new/")
    page.click("main button[type=submit]")
    page.wait_for_url("**/staff/reports/annual/*/")
    axe_check(page, context="annual report")

    page.goto(f"/staff/reports/ombudsman/{case.pk}/")
    axe_check(page, context="Ombudsman case")

    page.goto("/staff/reports/learning/new/")
    page.click("main button[type=submit]")
    page.wait_for_selector(".govuk-error-summary")
    axe_check(page, context="learning form with errors")

    page.goto("/publications/")
    assert "Housing Ombudsman" in page.content()
    axe_check(page, context="publications")
