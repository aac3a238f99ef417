"""Issuing letters.

Issuing checks the letter carries everything the Code requires, renders the PDF and
DOCX once, and stores them with their SHA-256: from then on the letter is fixed. Its
sending is then queued for the worker, to run after commit (:mod:`.sending`).
"""

from __future__ import annotations

import hashlib
import logging
from datetime import datetime

from django.core.files.base import ContentFile
from django.db import transaction

from putright.core.actor import Actor, user_or_none
from putright.core.dates import england_date
from putright.core.errors import ActionRefused, InvalidInput
from putright.landlord.models import LandlordSettings
from putright.letters.content import elements_filled
from putright.letters.formats.docx import letter_docx
from putright.letters.formats.pdf import letter_pdf
from putright.letters.models import Letter, LetterStatus
from putright.letters.services.compose import delivery, page_for, render_body, wording_for
from putright.outbox.models import DeliveryKind
from putright.outbox.services import delivery_enqueue
from putright.rules.letters import LetterIncomplete, LetterKind, check_letter

log = logging.getLogger("putright.letters")
RENDER_HELP = "Check the letter's text for anything unusual, then issue it again from the letters page."


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


def _reason(exc: BaseException) -> str:
    """What went wrong, in words a caseworker can pass on: the kind and the message."""
    text = str(exc).strip()
    return f"{type(exc).__name__}: {text}"[:500] if text else type(exc).__name__
