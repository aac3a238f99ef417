"""Sending issued letters, and recording what went.

An issued letter goes by email with its stored PDF attached, or into the print queue for
post (handed to GOV.UK Notify when it posts letters, see :mod:`.posting`); a copy goes the
same way to a representative whose consent is recorded (Code 3.6). What went, when and how
is added to the complaint's correspondence (Code 5.12) through
`putright.cases.services.correspondence_add`. Issuing, which fixes the letter first, is
:mod:`.issuing`.
"""

from __future__ import annotations

import logging
import smtplib
from datetime import datetime
from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import transaction

from putright.cases import services as case_services
from putright.core.actor import Actor
from putright.core.dates import england_date
from putright.core.errors import InvalidInput
from putright.core.inputs import email_problem
from putright.landlord.models import LandlordSettings
from putright.letters.formats.email import letter_email_html, letter_text
from putright.letters.models import Letter, LetterChannel, LetterStatus
from putright.letters.selectors import LetterFile, letter_file
from putright.letters.services.compose import page_for
from putright.letters.services.issuing import _locked, _reason, letter_send_queue
from putright.outbox.models import DeliveryKind
from putright.outbox.notify import notify_posts_letters
from putright.outbox.services import delivery_enqueue

log = logging.getLogger("putright.letters")
SMTP_TIMEOUT = 20
PARTY_MAX = 200  # Correspondence.party
SUBJECT_MAX = 300  # Correspondence.subject
COPY_NOTE = (
    "This is a copy of our letter to {resident}. We have sent it to you because you are dealing "
    "with their complaint for them."
)
RESIDENT_FAILED = "The email could not be sent ({error}). Try again, or post it."
COPY_FAILED = "The copy to {who} could not be sent by email ({error}). Send it again, or post it to them."


def letter_send_later(*, letter_id: int, now: datetime) -> Letter:
    """Queue another sending of an issued letter's waiting emails (the staff "send again")."""
    with transaction.atomic():
        letter = _locked(letter_id)
        if letter.email_waiting:
            letter_send_queue(letter=letter, now=now)
    return letter


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


def _email(letter: Letter, page: Any, stored: LetterFile, *, copy: bool = False) -> EmailMultiAlternatives:
    """The email to the resident, or (``copy``) a separate one to their representative (Code 3.6).

    Separate, not a cc, so neither sees the other's email address, and a refusal at one
    address cannot stop the other's letter.
    """
    landlord = LandlordSettings.current()
    note = COPY_NOTE.format(resident=letter.recipient) if copy else ""
    message = EmailMultiAlternatives(
        subject=f"Copy: {letter.subject}" if copy else letter.subject,
        body=letter_text(page, note=note),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[letter.copy_address if copy else letter.recipient_address],
        reply_to=[landlord.complaints_email] if landlord.complaints_email else None,
        connection=get_connection(timeout=SMTP_TIMEOUT),
    )
    message.attach_alternative(letter_email_html(page, note=note), "text/html")
    message.attach(stored.filename, stored.content, stored.content_type)
    return message


def _send(message: EmailMultiAlternatives, letter: Letter) -> str:
    """Send one email: '' once it has gone, else what went wrong, with the reason."""
    if problem := email_problem(message.to[0]):
        # Addresses are checked where they are typed; one kept from before that is refused
        # here rather than handed to the mail server (a CR/LF would add a header).
        return f"the address {message.to[0]!r} is not valid: {problem}"
    try:
        message.send()
    except (OSError, ValueError, smtplib.SMTPException) as exc:
        # ValueError: Django's BadHeaderError for a header holding a line break.
        log.warning("letter %s: email to %s not sent: %s", letter.pk, message.to[0], exc)
        return _reason(exc)
    return ""


def _party(letter: Letter, *, resident: bool, copy: bool) -> str:
    """Who this sending reached, for the correspondence record: the resident, the copy, or both."""
    if resident and copy:
        text = f"{letter.recipient}, and a copy to {letter.copy_to}"
    elif copy:
        text = f"{letter.copy_to}: a copy of the letter to {letter.recipient}"
    else:
        text = letter.recipient
    return text if len(text) <= PARTY_MAX else text[: PARTY_MAX - 1] + "…"


def _record_sent(
    letter: Letter, *, actor: Actor | None, now: datetime, channel: str, body: str, resident: bool, copy: bool
) -> None:
    """One correspondence entry for what went in one sending (Code 5.12), naming everyone it reached."""
    subject = letter.subject if resident else f"Copy: {letter.subject}"
    item = case_services.correspondence_add(
        actor=actor,
        now=now,
        complaint_id=letter.complaint_id,
        direction="out",
        channel=channel,
        party=_party(letter, resident=resident, copy=copy),
        subject=subject[:SUBJECT_MAX],
        body=body,
        occurred_at=now,
    )
    fields = []
    if resident:
        letter.sent_at, letter.correspondence = now, item
        fields += ["sent_at", "correspondence"]
    if copy:
        letter.copy_sent_at, letter.copy_correspondence = now, item
        fields += ["copy_sent_at", "copy_correspondence"]
    letter.save(update_fields=fields)


def _set_error(letter: Letter, error: str) -> None:
    if letter.send_error != error:
        letter.send_error = error
        letter.save(update_fields=["send_error"])


def letter_send(*, letter_id: int, now: datetime) -> Letter:
    """Send an issued letter's emails, with the stored PDF attached. Post waits in the print queue.

    The resident's email and, when their representative gets a copy by email (Code 3.6),
    a separate email to the representative. Safe to call again: what has gone is left
    alone and only what has not is tried. A failure is kept on the letter (`send_error`),
    naming whose email did not go; the other one is still sent and recorded.
    """
    with transaction.atomic():
        letter = _locked(letter_id)
        if letter.status != LetterStatus.ISSUED:
            return letter
        errors: list[str] = []
        if (
            letter.channel == LetterChannel.POST
            and letter.sent_at is None
            and not letter.recipient_address.strip()
        ):
            errors.append("We have no postal address for the resident: add one before posting.")
        if _for_notify(letter):
            letter_post_queue(letter=letter, now=now)
        to_resident = letter.channel == LetterChannel.EMAIL and letter.sent_at is None
        to_copy = letter.copy_channel == LetterChannel.EMAIL and letter.copy_sent_at is None
        if not (to_resident or to_copy):
            _set_error(letter, " ".join(errors))
            return letter
        page = _page(letter)
        stored = letter_file(letter_id=letter.pk, fmt="pdf")
        assert stored is not None
        if to_resident and (error := _send(_email(letter, page, stored), letter)):
            errors.append(RESIDENT_FAILED.format(error=error))
            to_resident = False
        if to_copy and (error := _send(_email(letter, page, stored, copy=True), letter)):
            errors.append(COPY_FAILED.format(who=letter.copy_to, error=error))
            to_copy = False
        if to_resident or to_copy:
            _record_sent(
                letter,
                actor=letter.issued_by,
                now=now,
                channel=LetterChannel.EMAIL,
                body=letter_text(page),
                resident=to_resident,
                copy=to_copy,
            )
        _set_error(letter, " ".join(errors))
    return letter


def _for_notify(letter: Letter) -> bool:
    """The resident's letter for post, never yet handed to GOV.UK Notify (and Notify posts letters).

    Once Notify has refused it or given it back, it stays in the print queue for staff: it is
    not sent to Notify a second time by itself, so one letter is never posted twice.
    """
    return (
        notify_posts_letters()
        and letter.channel == LetterChannel.POST
        and letter.sent_at is None
        and bool(letter.recipient_address.strip())
        and not letter.post_status
    )


def letter_post_queue(*, letter: Letter, now: datetime) -> None:
    """Queue the handing of the letter's PDF to GOV.UK Notify, to print and post (worker, retried)."""
    letter.post_status = "queued"
    letter.save(update_fields=["post_status"])
    delivery_enqueue(
        kind=DeliveryKind.LETTER_POST,
        summary=f"Letter by post through GOV.UK Notify: {letter.subject}",
        payload={"letter_id": letter.pk},
        now=now,
        complaint_id=letter.complaint_id,
    )


def letter_mark_posted(*, actor: Actor | None, now: datetime, letter_id: int) -> Letter:
    """Record that a printed letter was posted: it leaves the print queue and joins the correspondence.

    One step covers everything on the letter waiting for post: the resident's letter, the
    copy to their representative (Code 3.6), or both, recorded as one entry.
    """
    with transaction.atomic():
        letter = _locked(letter_id)
        if letter.status != LetterStatus.ISSUED or LetterChannel.POST not in (
            letter.channel,
            letter.copy_channel,
        ):
            raise InvalidInput({"letter": "Only issued letters going by post can be marked as posted"})
        to_resident = letter.channel == LetterChannel.POST and letter.sent_at is None
        to_copy = letter.copy_channel == LetterChannel.POST and letter.copy_sent_at is None
        if not (to_resident or to_copy):
            raise InvalidInput({"letter": "This letter is already recorded as posted"})
        _record_sent(
            letter,
            actor=actor,
            now=now,
            channel=LetterChannel.POST,
            body=letter_text(_page(letter)),
            resident=to_resident,
            copy=to_copy,
        )
        if not letter.email_waiting:
            # What is left of the last error was about posting; an email's failure stays until it goes.
            _set_error(letter, "")
    return letter
