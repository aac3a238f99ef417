"""Email intake by an email provider's inbound webhook (issue 19): the posted message goes
through the same intake as the IMAP mailbox, so the same message read both ways is one contact."""

from __future__ import annotations

import base64
import json
import time
from datetime import UTC, datetime
from email.message import EmailMessage
from typing import Any

import pytest
from django.test import Client
from imapclient import IMAPClient

from putright.cases import services
from putright.cases.models import Contact, Correspondence
from putright.mailbox.models import InboundAttachment, InboundEmail, Outcome
from putright.webhooks.signing import webhook_signature
from tests.mailbox.test_mailbox import PDF, deliver, imap, poll  # noqa: F401 (imap is a fixture)

pytestmark = pytest.mark.django_db
SECRET = "inbound-secret-for-tests"
URL = "/integrations/email/inbound/"


@pytest.fixture(autouse=True)
def secret(settings: Any) -> None:
    settings.PUTRIGHT_INBOUND_EMAIL_SECRET = SECRET


def _message(*, subject: str, body: str, message_id: str, headers: dict[str, str] | None = None,
             files: list[tuple[str, bytes]] | None = None) -> bytes:  # fmt: skip
    message = EmailMessage()
    message["From"] = "Ada Lovelace <ada@example.org>"
    message["To"] = "complaints@landlord.example"
    message["Subject"], message["Message-ID"] = subject, message_id
    message["Date"] = "Tue, 01 Dec 2026 09:00:00 +0000"
    for name, value in (headers or {}).items():
        message[name] = value
    message.set_content(body)
    for name, data in files or []:
        message.add_attachment(data, maintype="application", subtype="octet-stream", filename=name)
    return message.as_bytes()


def _signed(body: bytes, content_type: str, *, secret: str = SECRET, age: int = 0) -> Any:
    timestamp = int(time.time()) - age
    return Client().generic(
        "POST",
        URL,
        body,
        content_type=content_type,
        headers={
            "Putright-Timestamp": str(timestamp),
            "Putright-Signature": webhook_signature(secret=secret, timestamp=timestamp, body=body),
        },
    )


def _basic(password: str) -> dict[str, str]:
    return {"Authorization": "Basic " + base64.b64encode(f"inbound:{password}".encode()).decode()}


def test_a_posted_email_becomes_a_contact_for_triage_with_its_checked_files_and_is_read_once() -> None:
    raw = _message(
        subject="Damp in my bedroom",
        body="The damp has come back and the wall is black.",
        message_id="<posted@example.org>",
        files=[("photo.pdf", PDF), ("run-me.exe", b"MZ\x90\x00 not a document")],
    )
    answer = _signed(raw, "message/rfc822")
    assert answer.status_code == 200 and answer.json()["outcome"] == Outcome.CONTACT
    contact = Contact.objects.get()
    assert contact.triage == "" and contact.channel == "email"
    assert "wall is black" in contact.summary and "Attachment not kept: run-me.exe" in contact.summary
    assert InboundAttachment.objects.get().content_type == "application/pdf"

    # The provider posts it again (it did not see our answer): still one contact.
    again = _signed(raw, "message/rfc822")
    assert again.status_code == 200 and again.json() == {"outcome": "already_read"}
    assert Contact.objects.count() == 1


def test_a_reply_posted_as_sendgrid_does_goes_on_its_complaints_record(handler: Any) -> None:
    received = datetime(2026, 11, 2, 10, 0, tzinfo=UTC)
    complaint = services.complaint_log(
        actor=handler,
        now=received,
        data=services.NewComplaint(
            channel="phone", received_at=received, description="The gutter leaks.",
            resident=services.ResidentDetails(name="Ada Lovelace"),
        ),
    )  # fmt: skip
    raw = _message(
        subject=f"Re: Your complaint {complaint.reference}",
        body="Here is the photo you asked for.",
        message_id="<reply-posted@example.org>",
        files=[("gutter.pdf", PDF)],
    )
    # SendGrid's Inbound Parse, "post the raw, full MIME message": a form with the field `email`.
    answer = Client().post(
        URL, {"email": raw.decode(), "to": "complaints@landlord.example"}, headers=_basic(SECRET)
    )
    assert answer.status_code == 200 and answer.json()["outcome"] == Outcome.CORRESPONDENCE
    assert not Contact.objects.exists()
    item = Correspondence.objects.get(complaint=complaint)
    assert item.direction == "in" and "photo you asked for" in item.body
    assert complaint.attachments.get().original_name == "gutter.pdf"


def test_an_automatic_reply_posted_as_postmark_does_is_recognised_and_not_made_a_contact() -> None:
    raw = _message(subject="Out of office", body="I am away.", message_id="<ooo-posted@example.org>",
                   headers={"Auto-Submitted": "auto-replied"})  # fmt: skip
    body = json.dumps({"From": "ada@example.org", "Subject": "Out of office", "RawEmail": raw.decode()})
    answer = Client().post(URL, body, content_type="application/json", headers=_basic(SECRET))
    assert answer.status_code == 200 and answer.json()["outcome"] == Outcome.AUTO_REPLY
    assert not Contact.objects.exists()


def test_a_post_without_the_shared_secret_or_replayed_late_is_refused_and_writes_nothing(
    settings: Any,
) -> None:
    raw = _message(subject="Noise", body="Loud music.", message_id="<refused@example.org>")
    assert _signed(raw, "message/rfc822", secret="wrong").status_code == 401
    assert _signed(raw, "message/rfc822", age=301).status_code == 401  # a captured request, replayed
    assert Client().post(URL, raw, content_type="message/rfc822", headers=_basic("wrong")).status_code == 401
    assert Client().post(URL, raw, content_type="message/rfc822").status_code == 401
    settings.PUTRIGHT_INBOUND_EMAIL_SECRET = ""  # not configured: nothing is believed
    assert Client().post(URL, raw, content_type="message/rfc822", headers=_basic("")).status_code == 401
    assert not InboundEmail.objects.exists()


def test_a_post_that_carries_no_message_is_a_400_saying_what_to_send() -> None:
    for body, content_type in (
        (b"hello", "message/rfc822"),
        (b'{"Subject": "no raw email"}', "application/json"),
        (b"not json", "application/json"),
        (b"<p>hi</p>", "text/html"),
    ):
        answer = _signed(body, content_type)
        assert answer.status_code == 400 and answer.json()["detail"], body
    form = Client().post(URL, {"to": "complaints@landlord.example"}, headers=_basic(SECRET))
    assert form.status_code == 400 and "email" in form.json()["detail"]
    assert not InboundEmail.objects.exists()


def test_the_same_message_posted_by_the_provider_and_read_from_the_mailbox_is_one_contact(
    imap: IMAPClient,  # noqa: F811
) -> None:
    raw = _message(subject="Leak", body="Water through the ceiling.", message_id="<both@example.org>")
    assert _signed(raw, "message/rfc822").status_code == 200
    deliver(imap, subject="Leak", body="Water through the ceiling.", message_id="<both@example.org>")
    assert "0 new" in poll()
    assert Contact.objects.count() == 1
