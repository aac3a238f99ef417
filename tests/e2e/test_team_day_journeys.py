"""The complaints team's day by keyboard alone, axe-core on every page: search finds a closed
complaint by part of its reference and by postcode; closing with an open action asks for a
confirmation; the officer lands on the team view and reassigns a case (Code 6.6, 6.13), then
opens an overdue count on the dashboard and downloads the cases behind it."""

from __future__ import annotations

import os
from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from urllib.parse import quote_plus

import pytest
from django.utils import timezone

from putright.accounts.models import Role
from putright.cases import services
from putright.cases.models import Complaint
from putright.governance.selectors.periods import last_full_quarter
from tests.e2e.test_staff_journeys import SHOTS, shot

pytestmark = pytest.mark.django_db(transaction=True)


def tab_to(page, script, limit=200):
    """Press Tab until `script` (run on document.activeElement as `el`) is true."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"() => {{ const el = document.activeElement; return !!el && ({script}); }}"):
            return
    raise AssertionError(f"never reached focus: {script}")


def logged(officer, name, address=""):
    now = timezone.now()
    return services.complaint_log(
        actor=officer,
        now=now,
        data=services.NewComplaint(
            channel="phone",
            received_at=now - timedelta(days=2),
            description="The kitchen tap leaks.",
            resident=services.ResidentDetails(name=name, address=address, email="res@example.com"),
        ),
    )


def responded(complaint, handler, *, action=""):
    now = timezone.now()
    services.complaint_acknowledge(
        actor=handler,
        now=now,
        complaint_id=complaint.pk,
        acknowledged_on=timezone.localdate(),
        definition="The tap leaks.",
        outcomes_sought="The tap fixed.",
        responsibility="We are responsible for the tap.",
        handler=handler,
    )
    return services.complaint_respond(
        actor=handler,
        now=now,
        complaint_id=complaint.pk,
        responded_on=timezone.localdate(),
        decision="upheld",
        reasons="The repair was late.",
        no_remedy_reason="The tap is being fixed: that is the remedy the resident asked for.",
        outstanding_actions=(
            [services.ActionInput(description=action, promise_on=timezone.localdate(), owner=handler)]
            if action
            else []
        ),
    )


def search_from_the_header(page, term):
    tab_to(page, "el.id === 'header-search'")
    page.keyboard.type(term)
    # Wait for this search's page, not any search page: on a second search the old results
    # page already matches "?q=", and reading or auditing it races the navigation.
    with page.expect_navigation(url=f"**/staff/search/?q={quote_plus(term)}*"):
        page.keyboard.press("Enter")


def test_search_finds_a_closed_complaint_by_part_of_its_reference_and_by_postcode(
    page, axe_check, staff_login, make_user
):
    officer = make_user(Role.COMPLAINTS_OFFICER, "olive")
    handler = make_user(Role.HANDLER, "hana")
    complaint = responded(logged(officer, "Mary Seacole", "1 Mill Road\nAnytown\nAB1 2CD"), handler)
    services.complaint_close(actor=handler, now=timezone.now(), complaint_id=complaint.pk)
    staff_login("hana")
    page.wait_for_url("**/staff/")
    axe_check(page)

    search_from_the_header(page, complaint.reference[-5:])
    results = page.locator("main table").inner_text()
    assert complaint.reference in results and "Closed" in results
    axe_check(page, context="search by part of a reference")

    search_from_the_header(page, "ab12cd")
    assert complaint.reference in page.locator("main table").inner_text()
    axe_check(page, context="search by postcode")
    tab_to(page, f"el.textContent.trim() === '{complaint.reference}'")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/staff/complaints/{complaint.pk}/")
    axe_check(page, context="the closed case")


def test_closing_with_an_open_action_asks_for_confirmation_and_keeps_it_in_my_work(
    page, axe_check, staff_login, make_user
):
    officer = make_user(Role.COMPLAINTS_OFFICER, "olive")
    handler = make_user(Role.HANDLER, "hana")
    complaint = responded(logged(officer, "Ada Lovelace"), handler, action="Replace the kitchen tap")
    staff_login("hana")
    page.wait_for_url("**/staff/")
    page.goto(f"/staff/complaints/{complaint.pk}/close/")
    assert "Replace the kitchen tap" in page.locator("main").inner_text()
    axe_check(page, context="close with open work")

    tab_to(page, "el.tagName === 'BUTTON' && el.textContent.trim() === 'Close the complaint'")
    page.keyboard.press("Enter")
    page.wait_for_selector(".govuk-error-summary")
    assert "Code 6.6:" in page.locator(".govuk-error-summary").inner_text()
    assert Complaint.objects.get(pk=complaint.pk).status == "responded"
    axe_check(page, context="refused without confirmation")

    tab_to(page, "el.id === 'id_confirm_open_work'")
    page.keyboard.press("Space")
    tab_to(page, "el.tagName === 'BUTTON' && el.textContent.trim() === 'Close the complaint'")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/staff/complaints/{complaint.pk}/")
    assert Complaint.objects.get(pk=complaint.pk).status == "closed"

    page.goto("/staff/")
    assert "Replace the kitchen tap" in page.locator("#my-actions ~ table").inner_text()
    axe_check(page, context="my work keeps the action")

    page.goto("/staff/actions/")
    assert "Replace the kitchen tap" in page.locator("main table").inner_text()
    axe_check(page, context="every action I own")


def test_the_officer_lands_on_the_team_view_and_reassigns_a_case(page, axe_check, staff_login, make_user):
    officer = make_user(Role.COMPLAINTS_OFFICER, "olive")
    make_user(Role.HANDLER, "hana")
    harriet = make_user(Role.HANDLER, "harriet")
    complaint = logged(officer, "Grace Hopper")
    staff_login("olive")
    page.wait_for_url("**/staff/")
    assert "My work: the team" in page.locator("h1").inner_text()
    assert "Nobody (unassigned)" in page.locator("main").inner_text()
    axe_check(page, context="team landing")
    shot(page, "team")

    tab_to(page, f"el.id === 'choose-{complaint.pk}'")
    page.keyboard.press("Space")
    tab_to(page, "el.id === 'id_handler'")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")  # hana, then harriet
    assert page.evaluate("document.activeElement.selectedOptions[0].textContent").startswith("harriet")
    tab_to(page, "el.tagName === 'BUTTON' && el.textContent.trim() === 'Reassign the ticked cases'")
    page.keyboard.press("Enter")
    page.wait_for_url("**/staff/team/")
    assert "1 case reassigned to harriet" in page.locator("main").inner_text()
    assert Complaint.objects.get(pk=complaint.pk).handler_id == harriet.pk
    axe_check(page, context="after reassigning")


def test_the_officer_opens_an_overdue_count_and_downloads_the_cases_behind_it(
    page, axe_check, staff_login, make_user
):
    officer = make_user(Role.COMPLAINTS_OFFICER, "olive")
    quarter = last_full_quarter(timezone.localdate())
    received = datetime.combine(quarter.start + timedelta(days=1), time(10), tzinfo=UTC)
    complaint = services.complaint_log(
        actor=officer,
        now=timezone.now(),
        data=services.NewComplaint(
            channel="email",
            received_at=received,
            description="Nobody came to fix the boiler.",
            resident=services.ResidentDetails(name="Ada Lovelace", email="ada@example.com"),
        ),
    )
    staff_login("olive")
    page.wait_for_url("**/staff/")
    page.goto("/staff/reports/")
    axe_check(page, context="dashboard")
    if os.environ.get("PUTRIGHT_SCREENSHOTS"):
        # The first screen only: what the officer sees before scrolling to the detail.
        page.screenshot(path=str(SHOTS / "staff-dashboard.png"))
    # The overdue chart's figures fold away under it: open them, then the count.
    tab_to(
        page,
        "el.tagName === 'SUMMARY' && !!el.parentElement.querySelector(\"a[href*='figure=overdue.1.acknowledgements']\")",
    )
    page.keyboard.press("Enter")
    tab_to(page, "el.href && el.href.includes('figure=overdue.1.acknowledgements')")
    assert page.evaluate("document.activeElement.textContent.trim()") == "1"
    page.keyboard.press("Enter")
    page.wait_for_url("**/staff/reports/cases/?figure=overdue.1.acknowledgements*")
    assert complaint.reference in page.locator("main").inner_text()
    axe_check(page, context="the cases behind a figure")
    shot(page, "figure-cases")
    tab_to(page, "el.textContent.trim() === 'Download this list (CSV)'")
    with page.expect_download() as download:
        page.keyboard.press("Enter")
    text = Path(download.value.path()).read_text(encoding="utf-8")
    assert complaint.reference in text and len(text.strip().splitlines()) == 2
