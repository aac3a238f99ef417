"""The complaints mailbox, read over IMAP from a real IMAP server (pymap) started for each
test on a loopback port: new messages become contacts, replies go on their complaint,
machines are ignored, and each message is read once."""

from __future__ import annotations

import io
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from email.message import EmailMessage
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from imapclient import IMAPClient

from putright.cases import services
from putright.cases.models import Complaint, Contact, Correspondence, Resident
from putright.mailbox.models import InboundAttachment, InboundEmail, Outcome

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
pytestmark = pytest.mark.django_db
SERVER = "import sys; from pymap.main import main; sys.argv = ['pymap'] + sys.argv[1:]; sys.exit(main())"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def imap(settings: Any) -> Iterator[IMAPClient]:
    port = _free_port()
    server = subprocess.Popen(  # noqa: S603 (our own fixed command line)
        [sys.executable, "-c", SERVER, "--host", "127.0.0.1", "--port", str(port), "--no-tls", "dict"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(100):
            try:
                client = IMAPClient("127.0.0.1", port=port, ssl=False, timeout=5)
                break
            except OSError:
                time.sleep(0.1)
        else:
            raise RuntimeError("the IMAP server did not start")
        client.login("demouser", "demopass")
        settings.PUTRIGHT_MAILBOX_HOST, settings.PUTRIGHT_MAILBOX_PORT = "127.0.0.1", port
        settings.PUTRIGHT_MAILBOX_SSL, settings.PUTRIGHT_MAILBOX_FOLDER = False, "INBOX"
        settings.PUTRIGHT_MAILBOX_USER, settings.PUTRIGHT_MAILBOX_PASSWORD = "demouser", "demopass"
        yield client
        client.logout()
    finally:
        server.terminate()
        server.wait(10)


def deliver(client: IMAPClient, *, subject: str, body: str, message_id: str, sender: str = "ada@example.org",
            headers: dict[str, str] | None = None, files: list[tuple[str, bytes]] | None = None) -> None:  # fmt: skip
    message = EmailMessage()
    message["From"] = f"Ada Lovelace <{sender}>"
    message["To"] = "complaints@landlord.example"
    message["Subject"] = subject
    message["Message-ID"] = message_id
    message["Date"] = "Tue, 01 Dec 2026 09:00:00 +0000"
    for name, value in (headers or {}).items():
        message[name] = value
    message.set_content(body)
    for name, data in files or []:
        message.add_attachment(data, maintype="application", subtype="octet-stream", filename=name)
    client.append("INBOX", message.as_bytes())


def poll() -> str:
    out = io.StringIO()
    call_command("mailbox", "poll", stdout=out)
    return out.getvalue()


def test_a_new_email_becomes_a_contact_waiting_for_triage_with_its_checked_files(imap: IMAPClient) -> None:
    deliver(
        imap,
        subject="Damp in my bedroom",
        body="The damp has come back and the wall is black.",
        message_id="<first@example.org>",
        files=[("photo.pdf", PDF), ("run-me.exe", b"MZ\x90\x00 not a document")],
    )
    assert "1 new" in poll()
    contact = Contact.objects.get()
    assert contact.triage == "" and contact.channel == "email"
    assert "Damp in my bedroom" in contact.summary and "wall is black" in contact.summary
    assert "Attachment not kept: run-me.exe" in contact.summary
    kept = InboundAttachment.objects.get()
    assert (kept.original_name, kept.content_type) == ("photo.pdf", "application/pdf")
    imap.select_folder("INBOX")
    assert imap.search(["UNSEEN"]) == []


def test_each_message_is_read_once_however_often_it_arrives_or_the_mailbox_is_polled(
    imap: IMAPClient,
) -> None:
    for _ in range(2):
        deliver(imap, subject="Noise", body="Loud music every night.", message_id="<same@example.org>")
    assert "Read 2 unread messages: 1 new" in poll()
    assert "Read 0 unread messages: 0 new" in poll()
    assert Contact.objects.count() == 1 and InboundEmail.objects.count() == 1


def test_a_reply_carrying_a_reference_goes_on_that_complaints_record(imap: IMAPClient, handler: Any) -> None:
    received = datetime(2026, 11, 2, 10, 0, tzinfo=UTC)
    complaint = services.complaint_log(
        actor=handler,
        now=received,
        data=services.NewComplaint(
            channel="phone", received_at=received, description="The gutter leaks.",
            resident=services.ResidentDetails(name="Ada Lovelace"),
        ),
    )  # fmt: skip
    deliver(
        imap,
        subject=f"Re: Your complaint {complaint.reference}",
        body="Here is the photo you asked for.",
        message_id="<reply@example.org>",
        files=[("gutter.pdf", PDF)],
    )
    poll()
    assert not Contact.objects.exists()
    item = Correspondence.objects.get(complaint=complaint)
    assert item.direction == "in" and "photo you asked for" in item.body
    assert complaint.attachments.get().original_name == "gutter.pdf"
    assert complaint.events.filter(action="correspondence_added").exists()
    assert InboundEmail.objects.get().outcome == Outcome.CORRESPONDENCE


def test_automatic_replies_and_bounces_are_recognised_and_not_made_contacts(imap: IMAPClient) -> None:
    deliver(imap, subject="Out of office", body="I am away.", message_id="<ooo@example.org>",
            headers={"Auto-Submitted": "auto-replied"})  # fmt: skip
    deliver(
        imap, subject="Holiday", body="Away.", message_id="<vac@example.org>", headers={"Precedence": "bulk"}
    )
    deliver(imap, subject="Undelivered Mail Returned to Sender", body="Delivery failed.",
            message_id="<bounce@example.org>", sender="MAILER-DAEMON@mail.example.org")  # fmt: skip
    assert "3 new" in poll()
    assert not Contact.objects.exists()
    assert sorted(InboundEmail.objects.values_list("outcome", flat=True)) == [
        "auto_reply",
        "auto_reply",
        "bounce",
    ]


def test_an_email_from_a_known_resident_is_recorded_as_theirs(imap: IMAPClient) -> None:
    resident = Resident.objects.create(name="Ada Lovelace", email="ada@example.org")
    deliver(imap, subject="Rent query", body="Why did my rent change?", message_id="<known@example.org>")
    poll()
    assert Contact.objects.get().resident_id == resident.pk
    assert not Complaint.objects.exists()


def test_without_a_mailbox_set_the_command_says_what_to_set(settings: Any) -> None:
    settings.PUTRIGHT_MAILBOX_HOST = ""
    with pytest.raises(CommandError, match="PUTRIGHT_MAILBOX_HOST"):
        poll()


def test_the_files_of_an_emailed_contact_are_on_its_triage_page_to_download(
    imap: IMAPClient, handler: Any, client: Any
) -> None:
    deliver(
        imap,
        subject="Leak",
        body="See the photo.",
        message_id="<files@example.org>",
        files=[("leak.pdf", PDF)],
    )
    poll()
    contact = Contact.objects.get()
    client.force_login(handler)
    page = client.get(f"/staff/contacts/{contact.pk}/triage/").content.decode()
    assert "Files sent with the email" in page and "leak.pdf" in page
    kept = InboundAttachment.objects.get()
    download = client.get(f"/staff/contacts/{contact.pk}/files/{kept.pk}/")
    assert download["Content-Disposition"].startswith("attachment")
    assert b"".join(download.streaming_content) == PDF
    assert client.get(f"/staff/contacts/{contact.pk + 1}/files/{kept.pk}/").status_code == 404


def test_an_emailed_contact_is_screened_for_hazards_by_the_same_service_awaabs_law(imap: IMAPClient) -> None:
    deliver(
        imap,
        subject="Mould again",
        body="Black mould is back on the bedroom wall and my son has asthma.",
        message_id="<mould@example.org>",
    )
    poll()
    (screen,) = Contact.objects.get().hazard_screens.all()
    assert (screen.source, screen.hazard, screen.vulnerable, screen.state) == (
        "contact",
        "damp_and_mould",
        True,
        "open",
    )
