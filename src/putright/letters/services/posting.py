"""Letters for post through GOV.UK Notify's precompiled letter API.

The worker hands the issued PDF (the one the resident's letter is fixed as, address block and
all) to Notify, which prints and posts it. Notify's delivery receipts then move the letter on:
"received" (printed and dispatched) records it as sent in the complaint's correspondence (Code
5.12); a failure gives it back to the print queue with the reason, for staff to post it.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db import transaction

from putright.letters.formats.email import letter_text
from putright.letters.models import Letter, LetterChannel, LetterStatus
from putright.letters.selectors import letter_file
from putright.letters.services.issuing import _locked
from putright.letters.services.sending import _page, _record_sent
from putright.outbox.handlers import DeliveryFailed
from putright.outbox.models import Delivery, DeliveryKind
from putright.outbox.notify import FAILED_LETTER_RECEIPTS, NotifyRefused, notify_send_letter

POSTED = "received"  # Notify: the print provider has printed and dispatched the letter
REFUSED_HELP = "It is in the print queue: print and post it there, or wait for the next try."
GIVEN_BACK = "GOV.UK Notify did not post the letter ({status}: {meaning}). It is back in the print queue: print and post it."


def _still_for_notify(letter: Letter) -> bool:
    # Posted by hand meanwhile (after a refusal put it in the print queue): nothing to send.
    return (
        letter.status == LetterStatus.ISSUED
        and letter.channel == LetterChannel.POST
        and letter.sent_at is None
    )


def letter_post_delivery(payload: dict[str, Any], now: datetime) -> str | None:
    """The worker's task: send the letter's PDF to Notify; answer Notify's id for it."""
    letter = Letter.objects.filter(pk=payload["letter_id"]).first()
    if letter is None or not _still_for_notify(letter) or letter.post_reference:
        return None
    stored = letter_file(letter_id=letter.pk, fmt="pdf")
    if stored is None:
        raise DeliveryFailed("The letter's PDF is missing")
    try:
        # Outside any lock: Notify may take seconds, and a caseworker may be looking at the letter.
        notification_id = notify_send_letter(
            reference=f"{letter.complaint.reference}-{letter.pk}", pdf=stored.content
        )
    except NotifyRefused as exc:
        with transaction.atomic():
            locked = _locked(letter.pk)
            if _still_for_notify(locked):
                locked.post_status = "refused"
                locked.send_error = f"{exc} {REFUSED_HELP}"
                locked.save(update_fields=["post_status", "send_error"])
        raise DeliveryFailed(str(exc)) from exc
    with transaction.atomic():
        locked = _locked(letter.pk)
        locked.post_reference, locked.post_status = notification_id, "pending-virus-check"
        fields = ["post_reference", "post_status"]
        if not locked.email_waiting:
            locked.send_error = ""
            fields.append("send_error")
        locked.save(update_fields=fields)
    return notification_id


def letter_post_receipt(delivery: Delivery, receipt: dict[str, Any], now: datetime) -> None:
    """Keep a letter in step with Notify's receipt for it (called inside the receipt's transaction)."""
    if delivery.kind != DeliveryKind.LETTER_POST:
        return
    letter = (
        Letter.objects.select_for_update(of=("self",))
        .select_related("complaint", "template", "issued_by")
        .filter(post_reference=delivery.provider_reference)
        .first()
    )
    if letter is None or letter.sent_at is not None:
        return
    status = str(receipt["status"])[:40]
    letter.post_status = status
    letter.save(update_fields=["post_status"])
    if status == POSTED:
        _record_sent(
            letter,
            actor=letter.issued_by,
            now=now,
            channel=LetterChannel.POST,
            body=letter_text(_page(letter)),
            resident=True,
            copy=False,
        )
    elif status in FAILED_LETTER_RECEIPTS:
        # Given back to staff: the print queue shows it again, with why.
        letter.post_reference = ""
        letter.send_error = GIVEN_BACK.format(status=status, meaning=FAILED_LETTER_RECEIPTS[status])
        letter.save(update_fields=["post_reference", "send_error"])
