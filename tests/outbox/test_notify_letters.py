"""Letters for post through GOV.UK Notify's precompiled letter API, their delivery receipts,
and letter sending kept out of the web request (issue 19). Only Notify's HTTP API is stood
in for (`FakeNotify`, with the shapes of Notify's documentation); the worker is the real one."""

from __future__ import annotations

import base64
from datetime import UTC, datetime
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from putright.accounts.models import User
from putright.cases import services
from putright.cases.models import Complaint, Correspondence
from putright.core.dates import england_date
from putright.letters.models import Letter
from putright.letters.selectors import print_queue
from putright.outbox.models import Delivery, DeliveryKind, DeliveryStatus
from putright.outbox.selectors import deliveries_not_sent
from tests.outbox.conftest import Inbox
from tests.outbox.test_notify import CALLBACK_TOKEN, FakeNotify, notify  # noqa: F401 (a fixture)

ADDRESS = "1 Canal Street\nManchester\nM1 3HE"


@pytest.fixture
def by_notify(notify: FakeNotify, settings: Any) -> FakeNotify:  # noqa: F811
    settings.PUTRIGHT_POST_PROVIDER = "notify"
    return notify


@pytest.fixture
def notify_for_email(notify: FakeNotify) -> FakeNotify:  # noqa: F811
    """Notify carries emails only: letters for post are printed by the landlord."""
    return notify


def _complaint(officer: User, *, channel: str = "post", email: str = "") -> Complaint:
    now = timezone.now()
    return services.complaint_log(
        actor=officer,
        now=now,
        data=services.NewComplaint(
            channel="phone",
            received_at=now,
            description="The bathroom window does not close.",
            resident=services.ResidentDetails(
                name="Ada Lovelace", address=ADDRESS, email=email, preferred_channel=channel
            ),
        ),
    )


def _acknowledge_by_api(api: Any, complaint: Complaint) -> Any:
    return api.post(
        f"/complaints/{complaint.pk}/acknowledge",
        {
            "acknowledged_on": england_date(timezone.now()).isoformat(),
            "definition": "The bathroom window does not close.",
            "outcomes_sought": "A window that closes.",
            "responsibility": "We are responsible for the window.",
        },
    )


def _receipt(notification_id: str, status: str) -> Any:
    """A precompiled letter's delivery receipt as Notify posts it to the callback URL."""
    return Client().post(
        "/integrations/notify/receipts/",
        {
            "id": notification_id,
            "reference": "CMP-TEST-0001-1",
            "to": "Ada Lovelace",
            "status": status,
            "created_at": "2026-12-07T10:00:01.000000Z",
            "completed_at": None,
            "sent_at": "2026-12-07T10:00:02.000000Z",
            "notification_type": "letter",
            "template_id": None,
            "template_version": None,
        },
        content_type="application/json",
        headers={"Authorization": f"Bearer {CALLBACK_TOKEN}"},
    )


def test_a_letter_for_post_goes_to_notify_as_its_pdf_after_the_request_and_is_sent_once_notify_posts_it(
    queue: None, by_notify: FakeNotify, officer: User, handler: User, api_for: Any, run_worker: Any
) -> None:
    complaint = _complaint(officer)
    assert _acknowledge_by_api(api_for(handler), complaint).status_code == 200
    assert by_notify.letters == []  # the request has answered; nothing has gone yet
    run_worker()

    letter = Letter.objects.get(complaint=complaint, kind="acknowledgement")
    (sent,) = by_notify.letters
    pdf = base64.b64decode(sent["content"])
    assert pdf.startswith(b"%PDF") and pdf == letter.pdf.open("rb").read()
    assert sent["reference"] == f"{complaint.reference}-{letter.pk}" and sent["postage"] == "second"
    letter.refresh_from_db()
    assert letter.post_status == "pending-virus-check" and letter.with_notify
    assert letter.sent_at is None and letter not in print_queue()  # Notify prints it, not staff
    delivery = Delivery.objects.get(kind=DeliveryKind.LETTER_POST)
    assert delivery.status == DeliveryStatus.SENT and delivery.provider_reference == letter.post_reference

    assert _receipt(letter.post_reference, "accepted").status_code == 204
    letter.refresh_from_db()
    assert letter.post_status == "accepted" and letter.sent_at is None
    assert _receipt(letter.post_reference, "received").status_code == 204
    letter.refresh_from_db()
    assert letter.post_status == "received" and letter.sent_at is not None
    posted = Correspondence.objects.get(pk=letter.correspondence_id)
    assert posted.channel == "post" and posted.direction == "out"


def test_a_letter_notify_gives_back_returns_to_the_print_queue_and_is_shown_as_not_sent(
    queue: None, by_notify: FakeNotify, officer: User, handler: User, api_for: Any, run_worker: Any
) -> None:
    complaint = _complaint(officer)
    _acknowledge_by_api(api_for(handler), complaint)
    run_worker()
    letter = Letter.objects.get(complaint=complaint, kind="acknowledgement")
    assert _receipt(letter.post_reference, "validation-failed").status_code == 204

    letter.refresh_from_db()
    assert letter.post_status == "validation-failed" and letter.sent_at is None
    assert "back in the print queue" in letter.send_error and "specification" in letter.send_error
    assert letter in print_queue()
    (shown,) = deliveries_not_sent(now=datetime.now(UTC))
    assert shown.complaint_id == complaint.pk and "validation-failed" in shown.error
    run_worker()
    assert len(by_notify.letters) == 1  # not sent to Notify again by itself: staff post it


def test_a_letter_notify_refuses_is_retried_and_meanwhile_waits_in_the_print_queue_with_the_reason(
    queue: None,
    by_notify: FakeNotify,
    officer: User,
    handler: User,
    api_for: Any,
    run_worker: Any,
    settings: Any,
) -> None:
    by_notify.error = (400, "postage invalid. It must be either first, second or economy.")
    complaint = _complaint(officer)
    _acknowledge_by_api(api_for(handler), complaint)
    run_worker()
    delivery = Delivery.objects.get(kind=DeliveryKind.LETTER_POST)
    assert delivery.status == DeliveryStatus.FAILED
    assert delivery.attempts == len(settings.PUTRIGHT_DELIVERY_RETRY_MINUTES) + 1
    letter = Letter.objects.get(complaint=complaint, kind="acknowledgement")
    assert letter.post_status == "refused" and "postage invalid" in letter.send_error
    assert letter in print_queue()


def test_without_notify_for_post_a_letter_for_post_waits_in_the_print_queue(
    queue: None,
    notify_for_email: FakeNotify,
    officer: User,
    handler: User,
    api_for: Any,
    run_worker: Any,
) -> None:
    complaint = _complaint(officer)
    _acknowledge_by_api(api_for(handler), complaint)
    run_worker()
    letter = Letter.objects.get(complaint=complaint, kind="acknowledgement")
    assert notify_for_email.letters == [] and letter.post_status == "" and letter in print_queue()


def test_the_acknowledgement_request_answers_before_its_letter_is_emailed_and_the_worker_sends_it(
    queue: None, smtp: Inbox, officer: User, handler: User, api_for: Any, run_worker: Any
) -> None:
    complaint = _complaint(officer, channel="email", email="ada@example.org")
    assert _acknowledge_by_api(api_for(handler), complaint).status_code == 200
    # The request has answered: the letter is not even issued yet, and no email has gone.
    letter = Letter.objects.get(complaint=complaint, kind="acknowledgement")
    assert letter.status == "draft" and smtp.messages == []
    assert Delivery.objects.filter(kind=DeliveryKind.LETTER_ISSUE, status=DeliveryStatus.QUEUED).exists()

    run_worker()

    letter.refresh_from_db()
    assert letter.sent_at is not None
    assert any(b"ada@example.org" in m and b"application/pdf" in m for m in smtp.messages)
