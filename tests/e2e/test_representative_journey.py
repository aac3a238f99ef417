"""A caseworker adds the resident's representative by keyboard alone, and records consent
(Code 3.6), with axe-core on every page visited."""

from __future__ import annotations

import pytest
from django.utils import timezone

from putright.accounts.models import Role
from putright.cases import services
from putright.cases.models import Complaint

pytestmark = pytest.mark.django_db(transaction=True)


def tab_to(page, script, limit=150):
    """Press Tab until `script` (run on document.activeElement as `el`) is true."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"() => {{ const el = document.activeElement; return !!el && ({script}); }}"):
            return
    raise AssertionError(f"never reached focus: {script}")


def test_a_caseworker_adds_a_representative_with_consent_by_keyboard_code_3_6(
    page, axe_check, staff_login, make_user
):
    handler = make_user(Role.HANDLER, "hana")
    now = timezone.now()
    complaint = services.complaint_log(
        actor=handler,
        now=now,
        data=services.NewComplaint(
            channel="phone",
            received_at=now,
            description="The lift has been broken for a month.",
            resident=services.ResidentDetails(name="Alan Turing", email="alan@example.com"),
        ),
    )
    staff_login("hana")
    page.wait_for_url("**/staff/")
    page.goto(f"/staff/complaints/{complaint.pk}/")
    axe_check(page)

    tab_to(page, "el.textContent.trim() === 'Add a representative'")
    page.keyboard.press("Enter")
    page.wait_for_url("**/representative/")
    axe_check(page)

    # A first try with a bad email and no relationship: the errors are listed and linked.
    tab_to(page, "el.id === 'id_name'")
    page.keyboard.type("Joan Clarke")
    tab_to(page, "el.id === 'id_email'")
    page.keyboard.type("joan at example")
    tab_to(page, "el.tagName === 'BUTTON' && el.textContent.trim() === 'Save the representative'")
    page.keyboard.press("Enter")
    page.wait_for_load_state()
    summary = page.locator(".govuk-error-summary")
    assert "Enter an email address in the correct format" in summary.inner_text()
    assert "Say how the representative is related to the resident" in summary.inner_text()
    axe_check(page, context="with errors")

    # The summary's link takes the keyboard to the field.
    tab_to(page, "el.getAttribute('href') === '#id_relationship'")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "id_relationship"
    page.keyboard.type("friend and advocate")
    tab_to(page, "el.id === 'id_email'")
    page.keyboard.press("Control+A")
    page.keyboard.type("joan.clarke@example.org")
    today = timezone.localdate()
    for part, value in (("day", today.day), ("month", today.month), ("year", today.year)):
        tab_to(page, f"el.id === 'id_consent_recorded_on-{part}'")
        page.keyboard.type(str(value))
    tab_to(page, "el.id === 'id_consent_method'")
    page.keyboard.type("Signed consent form")
    tab_to(page, "el.tagName === 'BUTTON' && el.textContent.trim() === 'Save the representative'")
    page.keyboard.press("Enter")

    page.wait_for_url(f"**/staff/complaints/{complaint.pk}/")
    content = page.content()
    assert "Letters issued from now on are copied to them" in content
    assert "Joan Clarke (friend and advocate)" in content and "Signed consent form" in content
    axe_check(page, context="with a representative")
    rep = Complaint.objects.get(pk=complaint.pk).representative
    assert rep is not None and rep.email == "joan.clarke@example.org" and rep.consent_recorded_on == today
