"""A caseworker's response, by keyboard alone: fill it in, read the letter as the resident will
get it with its plain-language check, then send it (Code 6.9). axe-core on every page.

With PUTRIGHT_SCREENSHOTS=1 the preview is saved as docs/screenshots/staff-response-preview.png.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from django.utils import timezone

from putright.accounts.models import Role
from putright.cases import services
from putright.cases.models import StageRecord
from tests.e2e.test_staff_journeys import tab_to

SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
pytestmark = pytest.mark.django_db(transaction=True)


def _acknowledged(officer, handler):
    now = timezone.now()
    complaint = services.complaint_log(
        actor=officer,
        now=now,
        data=services.NewComplaint(
            channel="email",
            received_at=now,
            description="The bathroom extractor fan has not worked since March.",
            resident=services.ResidentDetails(name="Grace Hopper", email="grace@example.org"),
        ),
    )
    services.complaint_assign(actor=officer, now=now, complaint_id=complaint.pk, handler=handler)
    return services.complaint_acknowledge(
        actor=handler,
        now=now,
        complaint_id=complaint.pk,
        acknowledged_on=timezone.localdate(),
        definition="The extractor fan in your bathroom has not worked since March and mould is growing.",
        outcomes_sought="A working fan and the mould treated.",
        responsibility="The fan and the mould are ours to put right.",
    )


def test_a_response_is_previewed_then_sent_by_keyboard_alone(page, axe_check, make_user):
    officer = make_user(Role.COMPLAINTS_OFFICER, "olive")
    handler = make_user(Role.HANDLER, "hana")
    complaint = _acknowledged(officer, handler)

    page.goto("/staff/login/")
    tab_to(page, "el.id === 'id_username'")
    page.keyboard.type("hana")
    page.keyboard.press("Tab")
    page.keyboard.type("correct horse battery")
    page.keyboard.press("Enter")
    page.wait_for_url("**/staff/")
    page.goto(f"/staff/complaints/{complaint.pk}/")
    tab_to(page, "el.getAttribute('role') === 'button' && el.textContent.trim() === 'Send the response'")
    page.keyboard.press("Enter")
    page.wait_for_url("**/respond/")
    axe_check(page, context="response form")

    tab_to(page, "el.id === 'id_decision'")  # Upheld, the first choice
    page.keyboard.press("Space")
    tab_to(page, "el.id === 'id_reasons'")
    page.keyboard.type("The fan broke in March and we did not book the repair. That was our fault.")
    tab_to(page, "el.id === 'id_no_remedy_reason'")
    page.keyboard.type("the fan was replaced on Monday and you asked for nothing more.")
    tab_to(page, "el.tagName === 'BUTTON' && el.textContent.trim() === 'Check the letter'")
    page.keyboard.press("Enter")
    # The preview runs the whole action and rolls it back: give a loaded machine time.
    page.wait_for_selector("text=Check the response before sending", timeout=30_000)
    assert "Check the response before sending" in page.locator("h1").inner_text(), page.locator(
        "main"
    ).inner_text()[:1500]
    content = page.content()
    assert "The letter as Grace Hopper will get it" in content
    assert "That was our fault." in content and "Reading ease score" in content
    assert StageRecord.objects.get(complaint=complaint, stage=1).responded_on is None
    axe_check(page, context="response preview")
    if os.environ.get("PUTRIGHT_SCREENSHOTS"):
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / "staff-response-preview.png"), full_page=True)

    tab_to(page, "el.tagName === 'BUTTON' && el.textContent.trim() === 'Send the response'")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/staff/complaints/{complaint.pk}/")
    banner = page.locator(".govuk-notification-banner").inner_text()
    assert "Stage 1 response recorded" in banner
    assert "Grace Hopper by email (grace@example.org)" in banner
    assert StageRecord.objects.get(complaint=complaint, stage=1).responded_on is not None
    axe_check(page, context="case after sending")
