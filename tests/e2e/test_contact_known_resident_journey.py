"""A resident rings again: the caseworker finds them by the phone number they give and records
the contact against them, by keyboard alone, with axe-core on every page (Code 1.2, 1.3, 5.10)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from putright.accounts.models import Role
from putright.cases import services
from putright.cases.models import Contact

pytestmark = pytest.mark.django_db(transaction=True)


def tab_to(page, script, limit=150):
    """Press Tab until `script` (run on document.activeElement as `el`) is true."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"() => {{ const el = document.activeElement; return !!el && ({script}); }}"):
            return
    raise AssertionError(f"never reached focus: {script}")


@pytest.fixture
def mary(make_user):
    officer = make_user(Role.COMPLAINTS_OFFICER, "olive")
    now = timezone.now()
    complaint = services.complaint_log(
        actor=officer,
        now=now,
        data=services.NewComplaint(
            channel="phone",
            received_at=now - timedelta(days=30),
            description="The kitchen tap leaks.",
            resident=services.ResidentDetails(
                name="Mary Seacole",
                phone="07700900123",
                tenancy_reference="T0001234",
                address="1 Mill Road\nAnytown",
            ),
        ),
    )
    services.adjustment_record(
        actor=officer,
        now=now,
        resident_id=complaint.resident_id,
        kind="adjustment",
        description="Large print letters",
        recorded_on=timezone.localdate(),
        review_on=timezone.localdate() + timedelta(days=90),
    )
    return complaint.resident


def test_a_caller_found_by_phone_number_keeps_one_record_by_keyboard_alone(
    page, axe_check, staff_login, make_user, mary
):
    make_user(Role.HANDLER, "hana")
    staff_login("hana")
    page.wait_for_url("**/staff/")
    tab_to(page, "el.textContent.trim() === 'Record a contact'")
    page.keyboard.press("Enter")
    page.wait_for_url("**/staff/contacts/new/")
    assert "Is this someone we know?" in page.content()
    axe_check(page)

    tab_to(page, "el.id === 'id_q'")
    page.keyboard.type("07700 900 123")
    page.keyboard.press("Enter")
    page.wait_for_url("**/staff/contacts/new/?q=*")
    results = page.locator("table").inner_text()
    assert "Mary Seacole" in results and "T0001234" in results and "1 Mill Road" in results
    axe_check(page, context="search results")

    tab_to(page, "el.textContent.trim() === 'This is the resident: Mary Seacole, T0001234'")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/staff/contacts/new/?*resident={mary.pk}*")
    card = page.locator("#chosen-resident").inner_text()
    assert "Large print letters" in card  # a handler may see special category data (5.10)
    axe_check(page, context="resident chosen")

    tab_to(page, "el.id === 'id_summary'")
    page.keyboard.type("The tap is leaking again.")
    tab_to(page, "el.tagName === 'BUTTON' && el.textContent.trim() === 'Continue'")
    page.keyboard.press("Enter")
    page.wait_for_url("**/triage/")
    assert "From Mary Seacole" in page.locator("main").inner_text()
    assert page.locator("#id_name").count() == 0
    axe_check(page, context="triage")

    tab_to(page, "el.id === 'id_triage'")  # Complaint, the first choice
    page.keyboard.press("Space")
    tab_to(page, "el.id === 'id_choice_to_complain_offered'")
    page.keyboard.press("Space")
    tab_to(page, "el.tagName === 'BUTTON' && el.textContent.trim() === 'Save and continue'")
    page.keyboard.press("Enter")
    page.wait_for_url("**/staff/complaints/*/")
    axe_check(page, context="case")

    contact = Contact.objects.select_related("complaint").get(summary="The tap is leaking again.")
    assert contact.resident_id == mary.pk and contact.complaint.resident_id == mary.pk
