"""Emails and letters leave through the task queue: never inside a web request, retried with
backoff, and shown to staff when the last retry fails (issue 19; issue 17 item 3)."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from typing import Any

from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django_tasks_db.models import DBTaskResult

from putright.accounts.models import User
from putright.cases import services
from putright.cases.models import Complaint
from putright.letters.models import Letter
from putright.outbox.models import Delivery, DeliveryKind, DeliveryStatus
from tests.outbox.conftest import Inbox

RECEIVED = datetime(2026, 11, 2, 10, 0, tzinfo=UTC)


def _log(officer: User, email: str = "ada@example.org") -> Complaint:
    return services.complaint_log(
        actor=officer,
        now=RECEIVED,
        data=services.NewComplaint(
            channel="phone",
            received_at=RECEIVED,
            description="The bathroom window does not close.",
            resident=services.ResidentDetails(name="Ada Lovelace", email=email, preferred_channel="email"),
        ),
    )


def _ask_for_a_code(email: str, ip: str) -> Any:
    return Client(REMOTE_ADDR=ip).post("/sign-in/", {"email": email})


def test_the_sign_in_request_answers_before_its_email_is_sent_and_the_worker_sends_it(
    queue: None, smtp: Inbox, officer: User, run_worker: Any
) -> None:
    _log(officer)
    response = _ask_for_a_code("ada@example.org", "192.0.2.1")
    assert response.status_code == 302
    # The request is over and the mail server has seen nothing: the email waits in the queue.
    assert smtp.messages == []
    (delivery,) = Delivery.objects.filter(kind=DeliveryKind.EMAIL)
    assert delivery.status == DeliveryStatus.QUEUED and delivery.attempts == 0
    assert DBTaskResult.objects.ready().count() == 1

    run_worker()

    (raw,) = smtp.messages
    assert b"Your sign-in code is" in raw
    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.SENT and delivery.attempts == 1
    assert delivery.payload == {}  # the code does not outlive its email


def _shape(sql: str) -> str:
    """A query with its values taken out: what was asked of the database, not with what."""
    sql = re.sub(r'"s\d+_x\d+"', "?", sql)  # savepoint names count up
    return re.sub(r"\b\d+(\.\d+)?\b", "?", re.sub(r"'(?:[^']|'')*'", "?", sql))


def test_sign_in_for_a_known_and_an_unknown_email_does_the_same_work_and_no_smtp(
    queue: None, smtp: Inbox, officer: User, run_worker: Any
) -> None:
    _log(officer, email="known@example.org")
    _ask_for_a_code("warm@example.org", "192.0.2.9")  # first-request setup out of the way
    shapes = {}
    for email, ip in (("known@example.org", "192.0.2.10"), ("stranger@example.org", "192.0.2.11")):
        with CaptureQueriesContext(connection) as queries:
            response = _ask_for_a_code(email, ip)
        assert response.status_code == 302
        shapes[email] = [_shape(q["sql"]) for q in queries.captured_queries]
    assert shapes["known@example.org"] == shapes["stranger@example.org"]
    assert smtp.messages == []
    kinds = list(Delivery.objects.order_by("id").values_list("kind", flat=True))
    assert kinds == [DeliveryKind.DISCARD, DeliveryKind.EMAIL, DeliveryKind.DISCARD]
    assert DBTaskResult.objects.ready().count() == 3

    run_worker()

    assert len(smtp.messages) == 1 and b"known@example.org" in smtp.messages[0]
    assert set(Delivery.objects.values_list("status", flat=True)) == {DeliveryStatus.SENT}


def test_a_letter_the_mail_server_refuses_is_retried_then_shown_on_the_case_page_and_to_the_officer(
    queue: None, smtp: Inbox, officer: User, handler: User, run_worker: Any, settings: Any
) -> None:
    complaint = _log(officer)
    services.complaint_acknowledge(
        actor=handler,
        now=RECEIVED + timedelta(days=1),
        complaint_id=complaint.pk,
        acknowledged_on=RECEIVED.date() + timedelta(days=1),
        definition="The bathroom window does not close.",
        outcomes_sought="A window that closes.",
        responsibility="We are responsible for the window.",
    )
    smtp.refusing = True
    run_worker()  # issues the letter, then tries its email five times (no wait between, in tests)

    letter = Letter.objects.get(complaint=complaint, kind="acknowledgement")
    assert letter.sent_at is None and "could not be sent" in letter.send_error
    (sending,) = Delivery.objects.filter(kind=DeliveryKind.LETTER_SEND)
    assert sending.status == DeliveryStatus.FAILED
    assert sending.attempts == len(settings.PUTRIGHT_DELIVERY_RETRY_MINUTES) + 1
    assert "could not be sent" in sending.last_error

    staff = Client()
    staff.force_login(handler)
    page = staff.get(f"/staff/complaints/{complaint.pk}/").content.decode()
    assert "Not sent to the resident" in page and f"tried {sending.attempts} times" in page

    officer.email = "officer@example.org"
    officer.save()
    smtp.refusing = False
    call_command("remind", "--today", "2026-11-04")
    run_worker()
    digest = [m for m in smtp.messages if b"digest" in m]
    assert digest and b"NOT SENT" in digest[0] and complaint.reference.encode() in digest[0]


def test_a_failed_attempt_waits_for_its_backoff_before_the_next_try(
    queue: None, smtp: Inbox, officer: User, run_worker: Any, settings: Any
) -> None:
    settings.PUTRIGHT_DELIVERY_RETRY_MINUTES = [5.0]
    _log(officer)
    smtp.refusing = True
    _ask_for_a_code("ada@example.org", "192.0.2.20")

    run_worker()

    (delivery,) = Delivery.objects.filter(kind=DeliveryKind.EMAIL)
    assert delivery.status == DeliveryStatus.QUEUED and delivery.attempts == 1
    assert delivery.last_tried_at is not None and delivery.next_try_at is not None
    assert delivery.next_try_at - delivery.last_tried_at == timedelta(minutes=5)
    assert "SMTPRecipientsRefused" in delivery.last_error
    waiting = DBTaskResult.objects.filter(status="READY").get()
    assert waiting.run_after == delivery.next_try_at
    assert not DBTaskResult.objects.ready().exists()  # not due: the worker left it for later
