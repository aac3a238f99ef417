"""Awaab's Law by keyboard alone: a resident's portal complaint about black mould, with a child
with asthma, is screened; the caseworker records it as a significant hazard in one step,
records the investigation, the written summary and the safety work; the queue and the
hazards list show the right deadline at each step; axe-core finds nothing on any page."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone

from putright.cases.models import Complaint
from putright.hazards.models import Hazard
from tests.letters.readback import pdf_text
from tests.portal.browser import press, tab_to, type_into
from tests.residents import factories

pytestmark = pytest.mark.django_db(transaction=True)


def _due_text(hazard: Hazard) -> str:
    """The next deadline as the list shows a significant hazard's: its date."""
    hazard.refresh_from_db()
    assert hazard.next_due_at is not None
    last_day = timezone.localtime(hazard.next_due_at) - timedelta(minutes=1)
    return f"{last_day.day} {last_day:%b %Y}"


def _hazards_list_shows(page, axe_check, hazard: Hazard, duty: str) -> None:
    press(page, "Hazards")
    page.wait_for_url("**/staff/hazards/")
    axe_check(page)
    row = page.locator("tr", has_text=hazard.reference).inner_text()
    assert duty in row and _due_text(hazard) in row, row


def _queue_row(page, axe_check, complaint: Complaint) -> str:
    press(page, "All complaints")
    page.wait_for_url("**/staff/complaints/")
    axe_check(page)
    return page.locator("tr", has_text=complaint.reference).inner_text()


def _step(page, axe_check, hazard: Hazard, link: str) -> None:
    if not page.url.endswith("/staff/hazards/"):
        press(page, "Hazards")
        page.wait_for_url("**/staff/hazards/")
    press(page, hazard.reference)
    page.wait_for_url(f"**/staff/hazards/{hazard.pk}/")
    axe_check(page)
    press(page, link)
    page.wait_for_url(f"**/staff/hazards/{hazard.pk}/*/")
    axe_check(page)


def test_black_mould_with_a_child_with_asthma_is_screened_recorded_and_made_safe_by_keyboard(
    page, axe_check, handler
):
    complaint = factories.submit(
        timezone.now() - timedelta(hours=2),
        what_happened="There is black mould all over my son's bedroom wall. My child has asthma.",
    )
    page.goto("/staff/login/")
    type_into(page, "#id_username", handler.username)
    type_into(page, "#id_password", "correct horse battery")
    press(page, "Sign in")
    page.wait_for_url("**/staff/")

    row = _queue_row(page, axe_check, complaint)
    assert "Hazard duty" not in row  # nothing recorded yet: the complaint's own deadline
    press(page, complaint.reference)
    page.wait_for_url(f"**/staff/complaints/{complaint.pk}/")
    axe_check(page)
    warning = page.inner_text("main")
    assert "Likely significant hazard" in warning and "may be vulnerable" in warning
    press(page, "Record as significant hazard")
    page.wait_for_url("**/staff/hazards/*/")
    axe_check(page)
    hazard = Hazard.objects.get(complaint=complaint)
    assert hazard.aware_at == Complaint.objects.get(pk=complaint.pk).received_at
    assert hazard.vulnerable
    _hazards_list_shows(page, axe_check, hazard, "Investigate")

    _step(page, axe_check, hazard, "Record the investigation")
    tab_to(page, "input[name=hazard_found][value=yes]")
    page.keyboard.press("Space")
    type_into(
        page, "textarea[name=findings]", "Black mould on the external wall; the extractor fan has failed."
    )
    press(page, "Save")
    page.wait_for_url(f"**/staff/hazards/{hazard.pk}/")
    axe_check(page)
    _hazards_list_shows(page, axe_check, hazard, "Written summary")
    # The summary is due in 3 working days, sooner than the complaint's acknowledgement.
    assert "Hazard duty" in _queue_row(page, axe_check, complaint)

    _step(page, axe_check, hazard, "Record the written summary sent")
    type_into(page, "textarea[name=safety_work]", "Treat the mould and replace the extractor fan.")
    type_into(page, "textarea[name=further_works]", "Insulate the external wall of the bedroom.")
    type_into(page, "textarea[name=updates]", "A call from your caseworker every Friday.")
    tab_to(page, "input[name=send][value=email]")
    page.keyboard.press("Space")
    press(page, "Save")
    page.wait_for_url(f"**/staff/hazards/{hazard.pk}/")
    axe_check(page)
    assert "How we will keep you updated" in page.inner_text("main")
    assert "Emailed to" in page.inner_text("main")
    # The letter the tenant was sent, as a file to keep or post: opened and read back.
    tab_to(page, "a[href$='summary.pdf']")
    with page.expect_download() as download:
        page.keyboard.press("Enter")
    text = pdf_text(Path(download.value.path()).read_bytes())
    assert "What we found" in text and "extractor fan has failed" in text and "Housing Ombudsman" in text
    _hazards_list_shows(page, axe_check, hazard, "Make safe")

    _step(page, axe_check, hazard, "Record the safety work")
    type_into(page, "textarea[name=note]", "Mould treated and the extractor fan replaced.")
    press(page, "Save")
    page.wait_for_url(f"**/staff/hazards/{hazard.pk}/")
    axe_check(page)
    hazard.refresh_from_db()
    assert (hazard.summary_sent_on, hazard.made_safe_at is not None) == (timezone.localdate(), True)
    _hazards_list_shows(page, axe_check, hazard, "Begin further works")
