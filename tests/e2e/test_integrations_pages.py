"""The webhook settings page and a case page showing an email that could not be sent, in
Chromium with axe-core (issue 19)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from django.db import transaction
from django.utils import timezone

from putright.accounts.models import Role
from putright.cases import services
from putright.outbox.models import DeliveryKind
from putright.outbox.services import delivery_enqueue

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_officer_registers_a_webhook_endpoint_and_sees_its_secret_once(
    page, axe_check, staff_login, make_user
):
    make_user(Role.COMPLAINTS_OFFICER, "olive")
    staff_login("olive")
    page.wait_for_url("**/staff/**")
    page.goto("/staff/settings/webhooks/")
    axe_check(page)
    page.get_by_role("button", name="Add endpoint").click()
    assert "Choose at least one event to send" in page.content()
    axe_check(page, context="with errors")
    page.fill("#id_url", "http://housing.example.org/hooks")
    page.get_by_label("Complaint acknowledged").check()
    page.get_by_role("button", name="Add endpoint").click()
    assert "Use an https:// address" in page.content()
    page.fill("#id_url", "https://housing.example.org/hooks")
    page.get_by_role("button", name="Add endpoint").click()
    assert page.locator("#webhook-secret").inner_text().startswith("whsec_")
    axe_check(page, context="secret shown")
    page.goto("/staff/settings/webhooks/")
    assert page.locator("#webhook-secret").count() == 0
    assert "https://housing.example.org/hooks" in page.content()


def test_an_email_that_could_not_be_sent_is_shown_on_the_case_page(
    page, axe_check, staff_login, make_user, settings
):
    officer = make_user(Role.COMPLAINTS_OFFICER, "olive")
    received = datetime(2026, 11, 2, 10, 0, tzinfo=UTC)
    complaint = services.complaint_log(
        actor=officer,
        now=received,
        data=services.NewComplaint(
            channel="phone",
            received_at=received,
            description="The gutter leaks.",
            resident=services.ResidentDetails(name="Ada Lovelace"),
        ),
    )
    # A mail server that refuses every connection: each try fails, the last is reported.
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", 9
    with transaction.atomic():
        delivery_enqueue(
            kind=DeliveryKind.EMAIL,
            summary="Email to the resident: We have your complaint",
            payload={"to": "ada@example.org", "subject": "We have your complaint", "body": "Thank you."},
            now=timezone.now(),
            complaint_id=complaint.pk,
        )
    staff_login("olive")
    page.wait_for_url("**/staff/**")
    page.goto(f"/staff/complaints/{complaint.pk}/")
    assert "Not sent to the resident" in page.content()
    axe_check(page)
