"""Issuing and sending letters.

Issuing checks the letter carries everything the Code requires, renders the PDF and
DOCX once, and stores them with their SHA-256: from then on the letter is fixed.
Sending happens after commit: by email with the stored PDF attached, or into the print
queue for post; a copy goes the same way to a representative whose consent is recorded
(Code 3.6). What went, when and how is added to the complaint's correspondence
(Code 5.12) through `putright.cases.services.correspondence_add`.
"""

from __future__ import annotations

import hashlib
import logging
import smtplib
from datetime import datetime
from typing import Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import transaction

from putright.cases import services as case_services
from putright.core.actor import Actor, user_or_none
from putright.core.dates import england_date
from putright.core.errors import ActionRefused, InvalidInput
from putright.core.inputs import email_problem
from putright.landlord.models import LandlordSettings
from putright.letters.content import elements_filled
from putright.letters.formats.docx import letter_docx
from putright.letters.formats.email import letter_email_html, letter_text
from putright.letters.formats.pdf import letter_pdf
from putright.letters.models import Letter, LetterChannel, LetterStatus
from putright.letters.selectors import LetterFile, letter_file
from putright.letters.services.compose import delivery, page_for, render_body, wording_for
from putright.outbox.models import DeliveryKind
from putright.outbox.notify import notify_posts_letters
from putright.outbox.services import delivery_enqueue
from putright.rules.letters import LetterIncomplete, LetterKind, check_letter

log = logging.getLogger("putright.letters")
SMTP_TIMEOUT = 20
PARTY_MAX = 200  # Correspondence.party
SUBJECT_MAX = 300  # Correspondence.subject
COPY_NOTE = (
    "This is a copy of our letter to {resident}. We have sent it to you because you are dealing "
    "with their complaint for them."
)
RENDER_HELP = "Check the letter's text for anything unusual, then issue it again from the letters page."
RESIDENT_FAILED = "The email could not be sent ({error}). Try again, or post it."
COPY_FAILED = "The copy to {who} could not be sent by email ({error}). Send it again, or post it to them."


def _locked(letter_id: int) -> Letter:
    letter = (
        Letter.objects.select_for_update(of=("self",))
        .select_related(
            "complaint", "complaint__resident", "complaint__representative", "template", "issued_by"
        )
        .filter(pk=letter_id)
        .first()
    )
    if letter is None:
        raise InvalidInput({"letter": "No such letter"})
    return letter


def letter_issue(*, actor: Actor | None, now: datetime, letter_id: int) -> Letter:
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
        for name, value in delivery(letter.complaint).items():
            setattr(letter, name, value)
        letter.template, source = wording_for(kind)
        _, letter.body_html = render_body(source, letter.content)
        page = page_for(
            letter, landlord=landlord, template=letter.template, actor=actor, dated=england_date(now)
        )
        try:
            pdf, docx = letter_pdf(page), letter_docx(page)
        except Exception as exc:  # a renderer's fault must reach a person, not a 500
            log.exception("letter %s could not be rendered", letter.pk)
            raise InvalidInput(
                {"letter": f"The letter could not be made ({_reason(exc)}). {RENDER_HELP}"}
            ) from exc
        stem = f"{letter.complaint.reference}-{kind.value.replace('_', '-')}-{letter.pk}"
        letter.pdf.save(f"{stem}.pdf", ContentFile(pdf), save=False)
        letter.docx.save(f"{stem}.docx", ContentFile(docx), save=False)
        letter.pdf_sha256 = hashlib.sha256(pdf).hexdigest()
        letter.docx_sha256 = hashlib.sha256(docx).hexdigest()
        letter.status = LetterStatus.ISSUED
        letter.issue_error = ""
        letter.issued_at = now
        letter.issued_by = user_or_none(actor)
        letter.updated_at = now
        letter.save()
        letter_send_queue(letter=letter, now=now)
    return letter


def letter_send_queue(*, letter: Letter, now: datetime) -> None:
    """Queue the letter's sending, for the worker to run after commit with retries.

    A failure on the last retry is kept on the letter (`send_error`) and shown, with the
    delivery, on the case page and in the complaints officer's reminders.
    """
    delivery_enqueue(
        kind=DeliveryKind.LETTER_SEND,
        summary=f"Letter: {letter.subject}",
        payload={"letter_id": letter.pk},
        now=now,
        complaint_id=letter.complaint_id,
    )


def letter_issue_failed(*, letter_id: int, exc: Exception) -> None:
    """Keep why a drafted letter could not be issued on the draft itself (never silent)."""
    log.exception("letter %s drafted but not issued", letter_id)
    reason = exc.message if isinstance(exc, InvalidInput | ActionRefused) else _reason(exc)
    Letter.objects.filter(pk=letter_id, status=LetterStatus.DRAFT).update(issue_error=reason[:2000])


def letter_send_later(*, letter_id: int, now: datetime) -> Letter:
    """Queue another sending of an issued letter's waiting emails (the staff "send again")."""
    with transaction.atomic():
        letter = _locked(letter_id)
        if letter.email_waiting:
            letter_send_queue(letter=letter, now=now)
    return letter


def letter_issue_queue(*, letter: Letter, actor: Actor | None, now: datetime) -> None:
    """The automatic path for a letter drafted from an event: issue it, then send it, as tasks.

    Rendering the PDF and sending run in the worker, so a fault there (a font, the mail
    server) never undoes the action nor slows its request: the letter stays a draft, or
    issued and unsent, on the complaint's letters page, and the failed delivery is shown.
    """
    delivery_enqueue(
        kind=DeliveryKind.LETTER_ISSUE,
        summary=f"Letter: {letter.subject}",
        payload={
            "letter_id": letter.pk,
            "actor_id": getattr(actor, "pk", None),
            "at": now.isoformat(),
        },
        now=now,
        complaint_id=letter.complaint_id,
    )


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


def _reason(exc: BaseException) -> str:
    """What went wrong, in words a caseworker can pass on: the kind and the message."""
    text = str(exc).strip()
    return f"{type(exc).__name__}: {text}"[:500] if text else type(exc).__name__


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
