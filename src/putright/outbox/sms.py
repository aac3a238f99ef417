"""Updates to residents by text message, through GOV.UK Notify, only with their consent.

A case event the resident would want to hear about queues one text message, in the action's
own transaction (so an action that rolls back sends nothing), when all of these hold: the
resident's consent to text messages is recorded (`Resident.sms_consent_on`), they have a
phone number, and GOV.UK Notify is set up for text messages (`NOTIFY_API_KEY` and
`NOTIFY_TEMPLATE_SMS_UPDATE`). The worker sends it after commit, with retries. A text says
only that something happened and the complaint's reference: the letter says the rest.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from django.conf import settings

from putright.outbox.handlers import DeliveryFailed
from putright.outbox.models import DeliveryKind
from putright.outbox.notify import NotifyRefused, notify_send_sms
from putright.outbox.services import delivery_enqueue

if TYPE_CHECKING:
    from putright.cases.models import CaseEvent

TEXTS = {
    "acknowledged": "We have acknowledged your complaint {ref}. Our letter says what happens next.",
    "extended": "We need more time to answer your complaint {ref}. Our letter says why, and the new date.",
    "responded": "We have sent you our response to your complaint {ref}.",
    "escalated": "We have your request to take complaint {ref} to stage 2.",
    "closed": "Your complaint {ref} is now closed.",
    "refused": "We have written to you about your complaint {ref}.",
    "withdrawn": "We have recorded that you withdrew your complaint {ref}.",
}


def sms_in_use() -> bool:
    return bool(settings.NOTIFY_API_KEY and settings.NOTIFY_TEMPLATES.get("sms_update"))


def sms_queue_for_event(event: CaseEvent) -> None:
    """The case event hook: queue a text message for the events in TEXTS, with consent only."""
    text = TEXTS.get(str(event.action))
    if text is None or not sms_in_use():
        return
    resident = event.complaint.resident
    if resident.sms_consent_on is None or not resident.phone.strip() or resident.anonymised_at:
        return
    reference = event.complaint.reference
    delivery_enqueue(
        kind=DeliveryKind.SMS,
        summary=f"Text message to the resident: {event.action} ({reference})",
        payload={"to": resident.phone.strip(), "body": text.format(ref=reference), "reference": reference},
        now=event.at,
        complaint_id=event.complaint_id,
    )


def sms_delivery(payload: dict[str, Any], now: datetime) -> str:
    try:
        return notify_send_sms(to=payload["to"], body=payload["body"], reference=payload["reference"])
    except NotifyRefused as exc:
        raise DeliveryFailed(str(exc)) from exc
