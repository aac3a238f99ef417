"""A letter by email reaches a real SMTP server with its PDF attached (Code 5.12: what was sent is kept)."""

from __future__ import annotations

import email
import socket
from collections.abc import Iterator
from datetime import datetime
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
from tests.letters.readback import pdf_text


class Inbox:
    def __init__(self) -> None:
        self.messages: list[bytes] = []

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
    assert letter.sent_at == now and letter.send_error == ""
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
