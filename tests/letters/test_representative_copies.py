"""A resident may have a representative deal with their complaint (Code 3.6): once the
resident's consent is recorded, every letter also goes to the representative, as a separate
email with the same PDF or as a printed copy, the letter says "Copy to", and the record names
both. Without consent the representative gets nothing, and the caseworker is told why."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from datetime import date, datetime
from typing import Any

import pytest
from django.core import mail
from django.test import Client

from putright.accounts.models import User
from putright.cases import services
from putright.cases.models import Complaint, Correspondence
from putright.letters.models import Letter, LetterIsIssued
from putright.letters.selectors import letter_file
from putright.letters.services import letters_held_as_drafts
from tests.letters.readback import docx_text, pdf_text

RESIDENT_EMAIL = "ada@example.com"
REP_EMAIL = "bob.smith@example.org"
REP_ADDRESS = "3 Canal Street\nAnytown\nAT9 9ZZ"
COPY_TO = "Copy to: Bob Smith (son)"


def _representative(*, email: str = REP_EMAIL, address: str = "", consent: bool = True) -> Any:
    return services.RepresentativeDetails(
        name="Bob Smith",
        relationship="son",
        email=email,
        address=address,
        consent_recorded_on=date(2026, 11, 23) if consent else None,
        consent_method="Signed consent form" if consent else "",
    )


@pytest.fixture
def commit(django_capture_on_commit_callbacks: Any) -> Callable[[], AbstractContextManager[Any]]:
    """Run what the action leaves for after commit (issuing and sending), as a real request would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def _clarify(complaint: Complaint, handler: User, now: datetime, commit: Any) -> Letter:
    mail.outbox.clear()
    with commit():
        services.complaint_request_clarification(
            actor=handler, now=now, complaint_id=complaint.pk, questions="Which window is it?"
        )
    return Letter.objects.get(complaint=complaint, kind="clarification_request")


def _texts(letter: Letter) -> Iterator[str]:
    for fmt, read in (("pdf", pdf_text), ("docx", docx_text)):
        stored = letter_file(letter_id=letter.pk, fmt=fmt)
        assert stored is not None, f"{letter.kind} has no {fmt}"
        yield read(stored.content)


def _everything_in(message: Any) -> str:
    """Every header, body and alternative of an email, as the representative would receive it."""
    parts = [str(message.message()), message.body, *message.to, *message.cc, *message.bcc, *message.reply_to]
    parts += [content for content, _ in getattr(message, "alternatives", [])]
    return "\n".join(parts)


def test_representative_with_consent_gets_a_separate_email_with_the_same_pdf_code_3_6(
    log_complaint: Callable[..., Complaint], handler: User, now: datetime, commit: Any
) -> None:
    complaint = log_complaint(representative=_representative())
    letter = _clarify(complaint, handler, now, commit)

    to_resident, to_representative = mail.outbox
    assert to_resident.to == [RESIDENT_EMAIL] and to_resident.cc == [] and to_resident.bcc == []
    assert to_representative.to == [REP_EMAIL] and to_representative.cc == [] and to_representative.bcc == []
    assert complaint.reference in to_representative.subject
    # The representative never sees the resident's email address (UK GDPR).
    assert RESIDENT_EMAIL not in _everything_in(to_representative)
    assert REP_EMAIL not in _everything_in(to_resident)
    assert "This is a copy of our letter to Ada Lovelace" in to_representative.body

    stored = letter_file(letter_id=letter.pk, fmt="pdf")
    assert stored is not None
    for message in (to_resident, to_representative):
        ((name, content, content_type),) = message.attachments
        assert (name, content, content_type) == (stored.filename, stored.content, "application/pdf")
        text = pdf_text(content)
        assert complaint.reference in text and "Which window is it?" in text and COPY_TO in text

    assert letter.sent_at is not None and letter.copy_sent_at == letter.sent_at
    record = letter.correspondence
    assert record is not None and letter.copy_correspondence == record
    assert (record.direction, record.channel) == ("out", "email")
    assert record.party == "Ada Lovelace, and a copy to Bob Smith (son)"
    assert COPY_TO in record.body


def test_letter_page_says_copy_to_the_representative_in_pdf_and_docx_code_3_6(
    log_complaint: Callable[..., Complaint], handler: User, now: datetime, commit: Any
) -> None:
    complaint = log_complaint(representative=_representative())
    letter = _clarify(complaint, handler, now, commit)
    for text in _texts(letter):
        assert complaint.reference in text and COPY_TO in text
        # "Copy to" follows the signature, as UK letters put it.
        assert text.index("Which window is it?") < text.index(COPY_TO)


def test_no_copy_goes_to_a_representative_whose_consent_is_not_recorded_code_3_6(
    log_complaint: Callable[..., Complaint], handler: User, now: datetime, commit: Any
) -> None:
    complaint = log_complaint(representative=_representative(consent=False))
    letter = _clarify(complaint, handler, now, commit)

    (only,) = mail.outbox
    assert only.to == [RESIDENT_EMAIL]
    assert (letter.copy_recipient, letter.copy_channel, letter.copy_address) == ("", "", "")
    for text in _texts(letter):
        assert "Copy to" not in text
    assert letter.correspondence is not None and letter.correspondence.party == "Ada Lovelace"

    client = Client()
    client.force_login(handler)
    html = client.get(f"/staff/letters/{letter.pk}/").content.decode()
    assert "No copy went to Bob Smith (son)" in html and "(Code 3.6)" in html


def test_draft_page_says_why_the_representative_will_get_no_copy_until_consent_is_recorded_code_3_6(
    log_complaint: Callable[..., Complaint], handler: User, now: datetime, commit: Any
) -> None:
    complaint = log_complaint(representative=_representative(consent=False))
    with letters_held_as_drafts():  # the letter waits as a draft, as in a bulk load
        services.complaint_acknowledge(
            actor=handler,
            now=now,
            complaint_id=complaint.pk,
            acknowledged_on=date(2026, 11, 25),
            late_entry_reason="Acknowledged by phone; entered on return",
            definition="The kitchen window does not close.",
            outcomes_sought="The window repaired.",
            responsibility="We are responsible for the window.",
        )
    letter = Letter.objects.get(complaint=complaint, kind="acknowledgement")
    client = Client()
    client.force_login(handler)
    html = client.get(f"/staff/letters/{letter.pk}/").content.decode()
    assert "No copy goes to Bob Smith (son)" in html
    assert "consent to them dealing with the complaint is not recorded (Code 3.6)" in html

    # Consent recorded before the letter is issued: issuing reads the record again.
    assert complaint.representative is not None
    complaint.representative.consent_recorded_on = date(2026, 11, 26)
    complaint.representative.save(update_fields=["consent_recorded_on"])
    html = client.get(f"/staff/letters/{letter.pk}/").content.decode()
    assert "No copy goes" not in html and "Bob Smith (son), by email (bob.smith@example.org)" in html
    saved = client.post(f"/staff/letters/{letter.pk}/edit/", {"responsibility": "We are responsible."})
    assert saved.status_code == 302
    mail.outbox.clear()
    with commit():
        client.post(f"/staff/letters/{letter.pk}/issue/")
    letter.refresh_from_db()
    assert letter.status == "issued" and letter.copy_to == "Bob Smith (son)"
    assert [m.to for m in mail.outbox] == [[RESIDENT_EMAIL], [REP_EMAIL]]
    for text in _texts(letter):
        assert COPY_TO in text


def test_representative_with_only_a_postal_address_gets_a_copy_through_the_print_queue_code_3_6(
    log_complaint: Callable[..., Complaint], handler: User, now: datetime, commit: Any
) -> None:
    complaint = log_complaint(representative=_representative(email="", address=REP_ADDRESS))
    letter = _clarify(complaint, handler, now, commit)

    (only,) = mail.outbox
    assert only.to == [RESIDENT_EMAIL]
    assert (letter.copy_channel, letter.copy_address, letter.copy_sent_at) == ("post", REP_ADDRESS, None)
    assert letter.sent_at is not None and letter.correspondence is not None
    assert letter.correspondence.party == "Ada Lovelace"

    client = Client()
    client.force_login(handler)
    queue = client.get("/staff/letters/print-queue/").content.decode()
    assert complaint.reference in queue
    assert "Copy to Bob Smith (son):<br>3 Canal Street<br>Anytown<br>AT9 9ZZ" in queue
    for text in _texts(letter):
        assert COPY_TO in text

    response = client.post(f"/staff/letters/{letter.pk}/posted/", {"next": "queue"})
    assert response.status_code == 302
    letter.refresh_from_db()
    assert letter.copy_sent_at is not None and letter.copy_correspondence is not None
    copy_record = letter.copy_correspondence
    assert copy_record != letter.correspondence and copy_record.channel == "post"
    assert copy_record.party == "Bob Smith (son): a copy of the letter to Ada Lovelace"
    assert complaint.reference not in client.get("/staff/letters/print-queue/").content.decode()


def test_posting_a_letter_and_its_copy_is_recorded_once_naming_both_code_3_6_5_12(
    log_complaint: Callable[..., Complaint], handler: User, now: datetime, commit: Any
) -> None:
    complaint = log_complaint(
        email="", preferred_channel="post", representative=_representative(email="", address=REP_ADDRESS)
    )
    letter = _clarify(complaint, handler, now, commit)
    assert mail.outbox == []
    assert (letter.channel, letter.copy_channel) == ("post", "post")

    client = Client()
    client.force_login(handler)
    queue = client.get("/staff/letters/print-queue/").content.decode()
    assert queue.count("Posted<span") == 1 and "Ada Lovelace" in queue and "Copy to Bob Smith (son)" in queue
    client.post(f"/staff/letters/{letter.pk}/posted/")
    letter.refresh_from_db()
    assert letter.sent_at is not None and letter.copy_sent_at == letter.sent_at
    assert letter.correspondence is not None and letter.copy_correspondence == letter.correspondence
    assert letter.correspondence.party == "Ada Lovelace, and a copy to Bob Smith (son)"
    assert Correspondence.objects.filter(complaint=complaint, direction="out").count() == 1


def test_resident_by_post_and_representative_by_email_each_get_the_letter_code_3_6(
    log_complaint: Callable[..., Complaint], handler: User, now: datetime, commit: Any
) -> None:
    # As when a representative complains online for a resident with no email address.
    complaint = log_complaint(email="", preferred_channel="post", representative=_representative())
    letter = _clarify(complaint, handler, now, commit)
    (only,) = mail.outbox
    assert only.to == [REP_EMAIL] and only.subject.startswith("Copy: ")
    assert letter.copy_sent_at is not None and letter.sent_at is None
    assert letter.copy_correspondence is not None
    assert letter.copy_correspondence.party == "Bob Smith (son): a copy of the letter to Ada Lovelace"

    client = Client()
    client.force_login(handler)
    assert complaint.reference in client.get("/staff/letters/print-queue/").content.decode()
    client.post(f"/staff/letters/{letter.pk}/posted/")
    letter.refresh_from_db()
    assert letter.sent_at is not None and letter.correspondence is not None
    assert letter.correspondence.party == "Ada Lovelace"


def test_issued_letter_copy_fields_cannot_change_code_3_6_5_12(
    log_complaint: Callable[..., Complaint], handler: User, now: datetime, commit: Any
) -> None:
    complaint = log_complaint(representative=_representative())
    letter = _clarify(complaint, handler, now, commit)
    for name, value in (
        ("copy_recipient", "Someone Else"),
        ("copy_relationship", "friend"),
        ("copy_channel", "post"),
        ("copy_address", "else@example.org"),
    ):
        fresh = Letter.objects.get(pk=letter.pk)
        setattr(fresh, name, value)
        with pytest.raises(LetterIsIssued):
            fresh.save()
    fresh = Letter.objects.get(pk=letter.pk)
    fresh.copy_sent_at = now.replace(hour=11)
    with pytest.raises(LetterIsIssued):
        fresh.save()
    with pytest.raises(LetterIsIssued):
        Letter.objects.filter(pk=letter.pk).update(copy_recipient="")
