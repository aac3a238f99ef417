"""Caseworker journeys in Chromium, with axe-core on every page visited.

A complaint from first contact to stage 2 closure (Code 1.2-1.3, 5.6, 6.2-6.5, 6.9, 6.12,
6.13, 6.19), the service request path (1.4, 1.5), and one journey by keyboard alone.
"""

from __future__ import annotations

import os
import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone

from putright.accounts.models import Role
from putright.cases import services
from putright.core.dates import code_calendar
from putright.staff.presenters.deadlines import long_date

SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
pytestmark = pytest.mark.django_db(transaction=True)


def fill_date(page, name, day):
    for part, value in (("day", day.day), ("month", day.month), ("year", day.year)):
        page.fill(f"#id_{name}-{part}", str(value))


def shot(page, name):
    """Screenshots for the docs, taken only when PUTRIGHT_SCREENSHOTS=1."""
    if os.environ.get("PUTRIGHT_SCREENSHOTS"):
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / f"staff-{name}.png"), full_page=True)


@pytest.fixture
def staff(make_user):
    return {
        "hana": make_user(Role.HANDLER, "hana"),
        "rory": make_user(Role.REVIEWER, "rory"),
        "olive": make_user(Role.COMPLAINTS_OFFICER, "olive"),
    }


def sign_out(page):
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_url("**/staff/login/")


def record_contact(page, axe_check, summary):
    page.get_by_role("link", name="Record a contact").click()
    axe_check(page)
    page.select_option("#id_channel", "phone")
    page.fill("#id_summary", summary)
    page.get_by_role("button", name="Continue").click()
    page.wait_for_url("**/triage/")
    axe_check(page)


def test_complaint_from_contact_to_stage_two_closure(page, axe_check, staff_login, staff):
    today = timezone.localdate()
    staff_login("hana")
    page.wait_for_url("**/staff/")
    axe_check(page)

    record_contact(page, axe_check, "My kitchen tap has leaked for six weeks and nobody came.")
    assert "an expression of dissatisfaction, however made" in page.content()
    page.check("#id_triage")  # Complaint
    page.check("#id_choice_to_complain_offered")
    page.fill("#id_name", "Mary Seacole")
    page.get_by_role("button", name="Save and continue").click()
    page.wait_for_url("**/staff/complaints/*/")
    axe_check(page)
    case_url = page.url

    page.get_by_role("button", name="Acknowledge and define").click()
    axe_check(page)
    page.fill("#id_definition", "The kitchen tap leaks and the repair was not done.")
    page.fill("#id_outcomes_sought", "The tap fixed and an apology.")
    page.fill("#id_responsibility", "The tap and the repair are ours.")
    page.get_by_role("button", name="Acknowledge").click()
    page.wait_for_url(case_url)
    assert "Stage 1 acknowledged" in page.content()
    axe_check(page)

    page.goto(case_url + "extend/")
    axe_check(page)
    page.fill("#id_working_days", "5")
    page.fill("#id_reason", "We are waiting for the plumber's report.")
    page.check("#id_ombudsman_details_given")
    page.get_by_role("button", name="Continue").click()
    new_date = code_calendar().add_working_days(today, 15)
    assert page.locator("#new-date").inner_text().endswith(long_date(new_date))
    axe_check(page)
    page.get_by_role("button", name="Send the extension").click()
    page.wait_for_url(case_url)
    assert f"extended to {new_date.day} {new_date:%B %Y}" in page.content()

    page.get_by_role("button", name="Send the response").click()
    axe_check(page)
    page.check("#id_decision")  # Upheld
    page.fill("#id_reasons", "The repair was late and we did not tell you why.")
    page.select_option("#id_remedies-0-kind", "financial")
    page.fill("#id_remedies-0-description", "Compensation for the delay")
    page.fill("#id_remedies-0-amount", "150")
    promise = today + timedelta(days=14)
    fill_date(page, "remedies-0-due_on", promise)  # by when (Code 7.3)
    page.fill("#id_actions-0-description", "Replace the kitchen tap")
    page.fill("#id_actions-0-promise_on-day", str(promise.day))
    page.fill("#id_actions-0-promise_on-month", str(promise.month))
    page.fill("#id_actions-0-promise_on-year", str(promise.year))
    page.get_by_role("button", name="Check the letter").click()
    assert "Check the response before sending" in page.content()
    axe_check(page)
    page.get_by_role("button", name="Send the response").click()
    page.wait_for_url(case_url)
    assert "Replace the kitchen tap" in page.content()
    axe_check(page)
    shot(page, "case")

    page.get_by_role("button", name="Record an escalation request").click()
    axe_check(page)
    page.get_by_role("button", name="Record the escalation").click()
    page.wait_for_url(case_url)
    assert "Stage 2 requested" in page.content()
    sign_out(page)

    staff_login("olive")
    page.goto(case_url)
    page.get_by_role("button", name="Assign a handler").click()
    page.select_option("#id_handler", str(staff["hana"].pk))
    page.get_by_role("button", name="Assign").click()
    assert "Code 6.13:" in page.locator("#id_handler-error").inner_text()
    axe_check(page)
    shot(page, "action-error")
    page.select_option("#id_handler", str(staff["rory"].pk))
    page.get_by_role("button", name="Assign").click()
    page.wait_for_url(case_url)
    sign_out(page)

    staff_login("rory")
    page.wait_for_url("**/staff/")
    axe_check(page)
    shot(page, "my-work")
    page.get_by_role("link", name=re.compile(r"^CMP-")).first.click()
    page.wait_for_url(case_url)
    page.get_by_role("button", name="Acknowledge and define").click()
    page.fill("#id_definition", "Mary is unhappy that the tap is still not fixed.")
    page.fill("#id_outcomes_sought", "The tap fixed this month.")
    page.fill("#id_responsibility", "All of it is ours.")
    page.get_by_role("button", name="Acknowledge").click()
    assert "Stage 2 acknowledged" in page.content()
    page.get_by_role("button", name="Send the response").click()
    page.check("#id_decision")
    page.fill("#id_reasons", "We agree the delay was too long.")
    page.select_option("#id_remedies-0-kind", "apology")
    page.fill("#id_remedies-0-description", "A written apology")
    fill_date(page, "remedies-0-due_on", today)
    page.get_by_role("button", name="Check the letter").click()
    page.get_by_role("button", name="Send the response").click()
    page.wait_for_url(case_url)
    assert "Stage 2 response recorded" in page.content()
    page.get_by_role("button", name="Close the complaint").click()
    axe_check(page)
    assert "A written apology" in page.locator("main").inner_text()  # the open remedy, listed (6.6)
    page.check("#id_confirm_open_work")
    page.get_by_role("button", name="Close the complaint").click()
    page.wait_for_url(case_url)
    assert "Complaint closed" in page.content()
    axe_check(page)


def test_service_request_then_a_complaint_from_it(page, axe_check, staff_login, staff):
    staff_login("hana")
    page.wait_for_url("**/staff/")
    record_contact(page, axe_check, "Please fix the broken fence.")
    page.check("#id_triage-2")  # Service request
    page.check("#id_choice_to_complain_offered")
    page.fill("#id_name", "Grace Hopper")
    page.get_by_role("button", name="Save and continue").click()
    page.wait_for_url("**/service-requests/*/")
    axe_check(page)
    page.get_by_role("link", name="Service requests", exact=True).click()
    axe_check(page)
    page.get_by_role("link", name=re.compile(r"^SR-")).first.click()
    page.get_by_role("button", name="Raise a complaint from this request").click()
    axe_check(page)
    page.fill("#id_description", "Three weeks on, nobody has come to fix the fence.")
    page.get_by_role("button", name="Log the complaint").click()
    page.wait_for_url("**/staff/complaints/*/")
    assert "stays open" in page.content()
    axe_check(page)


def tab_to(page, script, limit=120):
    """Press Tab until `script` (run on document.activeElement as `el`) is true."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"() => {{ const el = document.activeElement; return !!el && ({script}); }}"):
            return
    raise AssertionError(f"never reached focus: {script}")


def test_sign_in_and_acknowledge_by_keyboard_alone(page, axe_check, staff, live_server):
    now = timezone.now()
    complaint = services.complaint_log(
        actor=staff["olive"],
        now=now,
        data=services.NewComplaint(
            channel="phone",
            received_at=now,
            description="The lift has been broken for a month.",
            resident=services.ResidentDetails(name="Alan Turing"),
        ),
    )
    services.complaint_assign(actor=staff["olive"], now=now, complaint_id=complaint.pk, handler=staff["hana"])

    page.goto("/staff/login/")
    tab_to(page, "el.id === 'id_username'")
    page.keyboard.type("hana")
    page.keyboard.press("Tab")
    page.keyboard.type("correct horse battery")
    page.keyboard.press("Enter")
    page.wait_for_url("**/staff/")
    tab_to(page, f"el.textContent.trim() === '{complaint.reference}'")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/staff/complaints/{complaint.pk}/")
    tab_to(page, "el.textContent.trim() === 'Acknowledge and define'")
    page.keyboard.press("Enter")
    page.wait_for_url("**/acknowledge/")
    tab_to(page, "el.id === 'id_definition'")
    page.keyboard.type("The lift is broken and the repair is late.")
    tab_to(page, "el.id === 'id_outcomes_sought'")
    page.keyboard.type("A working lift.")
    tab_to(page, "el.id === 'id_responsibility'")
    page.keyboard.type("The lift is ours to repair.")
    tab_to(page, "el.tagName === 'BUTTON' && el.textContent.trim() === 'Acknowledge'")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/staff/complaints/{complaint.pk}/")
    assert "Stage 1 acknowledged" in page.content()
    axe_check(page)
