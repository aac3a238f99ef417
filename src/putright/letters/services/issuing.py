"""Issuing and sending letters.

Issuing checks the letter carries everything the Code requires, renders the PDF and
DOCX once, and stores them with their SHA-256: from then on the letter is fixed.
Sending happens after commit: by email with the stored PDF attached, or into the print
queue for post. What went, when and how is added to the complaint's correspondence
(Code 5.12) through `putright.cases.services.correspondence_add`.
"""

from __future__ import annotations

import hashlib
import logging
import smtplib
from datetime import datetime
from functools import partial
from typing import Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import transaction

from putright.cases import services as case_services
from putright.cases.errors import ActionRefused, InvalidInput
from putright.landlord.models import LandlordSettings
from putright.letters.content import elements_filled
from putright.letters.formats.docx import letter_docx
from putright.letters.formats.email import letter_email_html, letter_text
from putright.letters.formats.pdf import letter_pdf
from putright.letters.models import Letter, LetterChannel, LetterStatus
from putright.letters.selectors import letter_file
from putright.letters.services.compose import delivery, england_date, page_for, render_body, wording_for
from putright.rules.letters import LetterIncomplete, LetterKind, check_letter

log = logging.getLogger("putright.letters")
SMTP_TIMEOUT = 20


def _locked(letter_id: int) -> Letter:
    letter = (
        Letter.objects.select_for_update(of=("self",))
        .select_related("complaint", "complaint__resident", "template", "issued_by")
        .filter(pk=letter_id)
        .first()
    )
    if letter is None:
        raise InvalidInput({"letter": "No such letter"})
    return letter


def letter_issue(*, actor: Any, now: datetime, letter_id: int) -> Letter:
    """Issue a complete draft: render and store its PDF and DOCX, then send it after commit.

    Refused, naming the first missing element's Code paragraph, if the letter lacks
    anything its kind requires (Code 2.4, 5.6, 5.7, 5.9, 5.11, 6.2-6.6, 6.9, 6.11-6.19, 7.3).
    """
    with transaction.atomic():
        letter = _locked(letter_id)
        if letter.status != LetterStatus.DRAFT:
            raise InvalidInput({"letter": "This letter has already been issued"})
        kind = LetterKind(letter.kind)
        try:
            check_letter(kind, elements_filled(letter.content), letter.stage)
        except LetterIncomplete as exc:
            raise ActionRefused.from_rule(exc) from exc
        landlord = LandlordSettings.current()
        for name, value in delivery(letter.complaint.resident).items():
            setattr(letter, name, value)
        letter.template, source = wording_for(kind)
        _, letter.body_html = render_body(source, letter.content)
        page = page_for(
            letter, landlord=landlord, template=letter.template, actor=actor, dated=england_date(now)
        )
        pdf, docx = letter_pdf(page), letter_docx(page)
        stem = f"{letter.complaint.reference}-{kind.value.replace('_', '-')}-{letter.pk}"
        letter.pdf.save(f"{stem}.pdf", ContentFile(pdf), save=False)
        letter.docx.save(f"{stem}.docx", ContentFile(docx), save=False)
        letter.pdf_sha256 = hashlib.sha256(pdf).hexdigest()
        letter.docx_sha256 = hashlib.sha256(docx).hexdigest()
        letter.status = LetterStatus.ISSUED
        letter.issued_at = now
        letter.issued_by = actor if getattr(actor, "pk", None) else None
        letter.updated_at = now
        letter.save()
        transaction.on_commit(partial(_send_logged, letter.pk, now), robust=True)
    return letter


def issue_and_send_after_commit(letter_id: int, actor: Any, now: datetime) -> None:
    """The automatic path for a letter drafted from an event: issue it, then send it.

    Runs after the action has committed, so a fault here (a font, the mail server)
    never undoes the action: the letter stays a draft, or issued and unsent, on the
    complaint's letters page for a caseworker to finish.
    """
    try:
        letter_issue(actor=actor, now=now, letter_id=letter_id)
    except Exception:
        log.exception("letter %s drafted but not issued", letter_id)


def _send_logged(letter_id: int, now: datetime) -> None:
    try:
        letter_send(letter_id=letter_id, now=now)
    except Exception:
        log.exception("letter %s issued but not sent", letter_id)


def _page(letter: Letter) -> Any:
    assert letter.issued_at is not None
    return page_for(
        letter,
        landlord=LandlordSettings.current(),
        template=letter.template,
        actor=letter.issued_by,
        dated=england_date(letter.issued_at),
        with_logo=False,
    )


def _email(letter: Letter, page: Any) -> EmailMultiAlternatives:
    landlord = LandlordSettings.current()
    stored = letter_file(letter_id=letter.pk, fmt="pdf")
    assert stored is not None
    message = EmailMultiAlternatives(
        subject=letter.subject,
        body=letter_text(page),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[letter.recipient_address],
        reply_to=[landlord.complaints_email] if landlord.complaints_email else None,
        connection=get_connection(timeout=SMTP_TIMEOUT),
    )
    message.attach_alternative(letter_email_html(page), "text/html")
    message.attach(stored.filename, stored.content, stored.content_type)
    return message


def _record_sent(letter: Letter, *, actor: Any, now: datetime, channel: str, body: str) -> None:
    item = case_services.correspondence_add(
        actor=actor,
        now=now,
        complaint_id=letter.complaint_id,
        direction="out",
        channel=channel,
        party=letter.recipient,
        subject=letter.subject,
        body=body,
        occurred_at=now,
    )
    letter.sent_at = now
    letter.correspondence = item
    letter.send_error = ""
    letter.save(update_fields=["sent_at", "correspondence", "send_error"])


def letter_send(*, letter_id: int, now: datetime) -> Letter:
    """Send an issued letter by email, with the stored PDF attached. Post waits in the print queue.

    Safe to call again: a letter already sent is left alone. A failure is kept on the
    letter (`send_error`) for the caseworker, and the letter can be sent again.
    """
    with transaction.atomic():
        letter = _locked(letter_id)
        if letter.status != LetterStatus.ISSUED or letter.sent_at is not None:
            return letter
        if letter.channel == LetterChannel.POST:
            if not letter.recipient_address.strip():
                letter.send_error = "We have no postal address for the resident: add one before posting"
                letter.save(update_fields=["send_error"])
            return letter
        page = _page(letter)
        try:
            _email(letter, page).send()
        except (OSError, smtplib.SMTPException) as exc:
            log.warning("letter %s: email not sent: %s", letter.pk, exc)
            letter.send_error = f"The email could not be sent ({type(exc).__name__}). Try again, or post it."
            letter.save(update_fields=["send_error"])
            return letter
        _record_sent(
            letter, actor=letter.issued_by, now=now, channel=LetterChannel.EMAIL, body=letter_text(page)
        )
    return letter


def letter_mark_posted(*, actor: Any, now: datetime, letter_id: int) -> Letter:
    """Record that a printed letter was posted: it leaves the print queue and joins the correspondence."""
    with transaction.atomic():
        letter = _locked(letter_id)
        if letter.status != LetterStatus.ISSUED or letter.channel != LetterChannel.POST:
            raise InvalidInput({"letter": "Only issued letters going by post can be marked as posted"})
        if letter.sent_at is not None:
            raise InvalidInput({"letter": "This letter is already recorded as posted"})
        _record_sent(
            letter, actor=actor, now=now, channel=LetterChannel.POST, body=letter_text(_page(letter))
        )
    return letter
