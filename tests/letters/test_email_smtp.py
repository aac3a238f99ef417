"""A letter by email reaches a real SMTP server with its PDF attached (Code 5.12: what was sent is kept)."""

from __future__ import annotations

import email
import socket
from collections.abc import Callable, Iterator
from datetime import date, datetime
from email.message import EmailMessage
from email.policy import default
from typing import Any

import pytest
from aiosmtpd.controller import Controller

from putright.accounts.models import User
from putright.cases import services
from putright.cases.models import Complaint
from putright.letters.models import Letter
from putright.letters.selectors import letter_file
from putright.letters.services import letter_send
from tests.letters.readback import pdf_text

REP_EMAIL = "bob.smith@example.org"


class Inbox:
    def __init__(self) -> None:
        self.messages: list[bytes] = []
        self.refused: set[str] = set()

    async def handle_RCPT(
        self, server: Any, session: Any, envelope: Any, address: str, rcpt_options: list[str]
    ) -> str:
        if address in self.refused:
            return "550 5.1.1 Mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.messages.append(envelope.content)
        return "250 Message accepted"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def smtp(settings: Any) -> Iterator[Inbox]:
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=_free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", controller.port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    yield inbox
    controller.stop()


def test_extension_notice_is_delivered_by_smtp_with_the_stored_pdf_code_6_5(
    smtp: Inbox,
    acknowledged: Complaint,
    handler: User,
    now: datetime,
    django_capture_on_commit_callbacks: Any,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        services.complaint_extend(
            actor=handler, now=now, complaint_id=acknowledged.pk, working_days=3, reason="The glazier is ill."
        )
    letter = Letter.objects.get(complaint=acknowledged, kind="extension_notice")
    assert letter.sent_at is not None and letter.send_error == ""
    (raw,) = smtp.messages
    message = email.message_from_bytes(raw, policy=default)
    assert isinstance(message, EmailMessage)
    assert message["To"] == "ada@example.com" and acknowledged.reference in message["Subject"]
    assert "The glazier is ill." in message.get_body(preferencelist=("plain",)).get_content()
    (attachment,) = [
        part for part in message.iter_attachments() if part.get_content_type() == "application/pdf"
    ]
    content = attachment.get_content()
    stored = letter_file(letter_id=letter.pk, fmt="pdf")
    assert stored is not None and content == stored.content
    text = pdf_text(content)
    assert acknowledged.reference in text and "The glazier is ill." in text and "0300 111 3000" in text


def test_a_refused_connection_leaves_the_letter_issued_unsent_and_says_why(
    settings: Any,
    acknowledged: Complaint,
    handler: User,
    now: datetime,
    django_capture_on_commit_callbacks: Any,
) -> None:
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", _free_port()  # nothing listens there
    with django_capture_on_commit_callbacks(execute=True):
        services.complaint_extend(
            actor=handler, now=now, complaint_id=acknowledged.pk, working_days=3, reason="The glazier is ill."
        )
    letter = Letter.objects.get(complaint=acknowledged, kind="extension_notice")
    assert letter.status == "issued" and letter.sent_at is None and letter.correspondence is None
    assert "could not be sent" in letter.send_error


def _received(raw: bytes) -> EmailMessage:
    message = email.message_from_bytes(raw, policy=default)
    assert isinstance(message, EmailMessage)
    return message


def test_a_refused_copy_is_reported_and_the_residents_letter_still_goes_code_3_6(
    smtp: Inbox,
    log_complaint: Callable[..., Complaint],
    handler: User,
    now: datetime,
    django_capture_on_commit_callbacks: Any,
) -> None:
    smtp.refused.add(REP_EMAIL)
    complaint = log_complaint(
        representative=services.RepresentativeDetails(
            name="Bob Smith",
            relationship="son",
            email=REP_EMAIL,
            consent_recorded_on=date(2026, 11, 23),
            consent_method="Signed consent form",
        )
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.complaint_request_clarification(
            actor=handler, now=now, complaint_id=complaint.pk, questions="Which window is it?"
        )
    letter = Letter.objects.get(complaint=complaint, kind="clarification_request")
    (raw,) = smtp.messages
    assert _received(raw)["To"] == "ada@example.com"
    assert letter.sent_at is not None and letter.correspondence is not None
    assert letter.correspondence.party == "Ada Lovelace"
    assert letter.copy_sent_at is None and letter.copy_correspondence is None
    assert (
        "The copy to Bob Smith (son) could not be sent by email (SMTPRecipientsRefused: " in letter.send_error
    )

    # Once the representative's mailbox takes mail, sending again sends only the copy.
    smtp.refused.clear()
    later = now.replace(hour=11)
    letter = letter_send(letter_id=letter.pk, now=later)
    assert len(smtp.messages) == 2
    copy = _received(smtp.messages[1])
    assert copy["To"] == REP_EMAIL and copy["Cc"] is None
    texts = [str(part.get_content()) for part in copy.walk() if part.get_content_maintype() == "text"]
    assert len(texts) == 2 and all("a copy of our letter to Ada Lovelace" in text for text in texts)
    assert "ada@example.com" not in str(copy.items()) + "".join(texts)
    (attachment,) = [p for p in copy.iter_attachments() if p.get_content_type() == "application/pdf"]
    stored = letter_file(letter_id=letter.pk, fmt="pdf")
    assert stored is not None and attachment.get_content() == stored.content
    assert "Copy to: Bob Smith (son)" in pdf_text(attachment.get_content())
    assert letter.sent_at is not None and letter.copy_sent_at == later and letter.send_error == ""
    assert letter.copy_correspondence is not None and letter.copy_correspondence != letter.correspondence
    assert letter.copy_correspondence.party == "Bob Smith (son): a copy of the letter to Ada Lovelace"
