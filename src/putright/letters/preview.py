"""The letter an action would send, seen before anything is sent or recorded (Code 5.6, 6.3-6.5, 6.9).

A caseworker checks a response, refusal or extension letter as the resident will get it.
Rather than a second builder that could drift from the real one, the action's own service
runs in a transaction that is always rolled back: the letter drafted inside it by the case
event hook (the same wording, content and delivery the send uses) is read, laid out as the
PDF lays it out, and kept as plain data; the action, its event, the letter and its queued
sending are all undone. Sending then runs the same service again, for real.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import transaction

from putright.cases.models import CaseEvent, Complaint
from putright.core.dates import england_date
from putright.landlord.models import LandlordSettings
from putright.letters.formats import LetterPage
from putright.letters.models import Letter, LetterChannel
from putright.letters.readability import Readability
from putright.letters.selectors import letter_review
from putright.letters.services.compose import page_for


@dataclass(frozen=True)
class LetterPreview:
    label: str
    subject: str
    recipient: str
    how: str  # "by email (jane@example.com)" or "by post (1 High Street, Leeds)"
    copy_to: str  # "Bob Smith (son), by email (bob@example.com)", or ""
    no_copy_reason: str
    page: LetterPage
    body_html: str  # the body with GOV.UK classes, headings one level down
    readability: Readability
    large_print: bool


def _delivery(channel: str, address: str) -> str:
    where = ", ".join(line.strip() for line in address.replace(",", "\n").splitlines() if line.strip())
    how = LetterChannel(channel).label.lower()
    return f"by {how} ({where})" if where else f"by {how}"


def _preview(letter: Letter) -> LetterPreview:
    review = letter_review(letter_id=letter.pk)
    assert review is not None
    page = page_for(
        letter,
        landlord=LandlordSettings.current(),
        template=letter.template,
        actor=letter.created_by,
        dated=england_date(letter.created_at),
        with_logo=False,
    )
    return LetterPreview(
        label=review.label,
        subject=letter.subject,
        recipient=letter.recipient,
        how=_delivery(letter.channel, letter.recipient_address),
        copy_to=f"{review.copy_to}, {review.copy_by}" if review.copy_to else "",
        no_copy_reason=review.no_copy_reason,
        page=page,
        body_html=review.preview_html,
        readability=review.readability,
        large_print=letter.large_print,
    )


def letter_for_latest_event(*, complaint_id: int, action: str = "") -> Letter | None:
    """The letter drafted for the complaint's latest event (of ``action``, if given), if it called for one.

    Name the action when reading after commit: sending the letter records its own event.
    """
    events = CaseEvent.objects.filter(complaint_id=complaint_id)
    if action:
        events = events.filter(action=action)
    event = events.order_by("-pk").values("pk").first()
    if event is None:
        return None
    return Letter.objects.filter(event_id=event["pk"]).order_by("-pk").first()


def letter_rehearse(run: Callable[[], Any]) -> tuple[Any, LetterPreview | None]:
    """Run ``run`` (one case service call), read the letter it drafted, and undo everything.

    Returns what ``run`` returned and the letter's preview; the preview is None when the
    action drafts no letter (told outside putright) or ``run`` returned no complaint. A
    refusal raised by the service reaches the caller as it would on sending.
    """
    with transaction.atomic():
        result = run()
        letter = letter_for_latest_event(complaint_id=result.pk) if isinstance(result, Complaint) else None
        preview = _preview(letter) if letter is not None else None
        # Read, then undone: the action, its event, the draft letter and the queued send are
        # rolled back (on-commit work too), so nothing is kept until the caseworker sends.
        transaction.set_rollback(True)
    return result, preview


def letter_sent_summary(*, complaint_id: int, action: str) -> str:
    """What the action just recorded (its `EventAction`) sends, to whom and how, for the success banner."""
    letter = letter_for_latest_event(complaint_id=complaint_id, action=action)
    if letter is None:
        return ""
    review = letter_review(letter_id=letter.pk)
    assert review is not None
    if review.missing:
        # Only letters whose action may stand before the resident is told can wait (drafting.py).
        return f"The {review.label} waits as a draft: add what it still needs, then issue it."
    text = f"The {review.label} is on its way to {letter.recipient} {_delivery(letter.channel, letter.recipient_address)}"
    if letter.copy_recipient:
        text += (
            f", with a copy to {letter.copy_recipient} {_delivery(letter.copy_channel, letter.copy_address)}"
        )
    return text + "."
