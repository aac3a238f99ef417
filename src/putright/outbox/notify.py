"""GOV.UK Notify: sending residents' emails and SMS through the landlord's Notify templates,
letters for post as precompiled PDFs, and reading Notify's delivery receipts.

Each message kind has its own Notify template, chosen by the landlord in Notify and named
here by id (`NOTIFY_TEMPLATE_SIGN_IN`, `NOTIFY_TEMPLATE_CONFIRMATION`). putright composes the
words, so a template needs only `((subject))` as its subject and `((body))` as its content.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from io import BytesIO
from typing import Any

from django.conf import settings
from django.db import transaction
from notifications_python_client.errors import HTTPError
from notifications_python_client.notifications import NotificationsAPIClient

from putright.outbox.models import Delivery, DeliveryStatus

# Notify's final receipts that mean the message did not arrive (Notify has stopped trying).
FAILED_RECEIPTS = {
    "permanent-failure": "the email address does not exist or refused the message",
    "temporary-failure": "the inbox was full or unavailable while Notify kept trying",
    "technical-failure": "GOV.UK Notify had a technical problem",
}
# A precompiled letter's receipts mean other things, and it has failures of its own.
FAILED_LETTER_RECEIPTS = {
    "permanent-failure": "the print provider could not print the letter",
    "technical-failure": "GOV.UK Notify had a technical problem",
    "validation-failed": "the PDF does not meet Notify's letter specification (page size, margins, address)",
    "virus-scan-failed": "Notify's virus scan refused the PDF",
    "cancelled": "the letter was cancelled in GOV.UK Notify",
}
FAILED_SMS_RECEIPTS = {
    "permanent-failure": "the phone number does not exist or cannot receive text messages",
    "temporary-failure": "the phone was off or out of signal while Notify kept trying",
    "technical-failure": "GOV.UK Notify had a technical problem",
}
# Called with each receipt placed on its delivery, inside the same transaction: the apps
# whose deliveries Notify carries (letters) keep their own records in step.
ReceiptListener = Callable[[Delivery, dict[str, Any], datetime], None]
_LISTENERS: list[ReceiptListener] = []


class NotifyRefused(Exception):
    """Notify did not take the message; the message is for staff."""


def notify_in_use() -> bool:
    return settings.PUTRIGHT_EMAIL_PROVIDER == "notify"


def notify_posts_letters() -> bool:
    """Letters for post go to Notify to be printed and posted, not to the print queue."""
    return settings.PUTRIGHT_POST_PROVIDER == "notify"


def notify_receipt_listen(listener: ReceiptListener) -> None:
    """Called from an app's `ready`; adding the same function again is harmless."""
    if listener not in _LISTENERS:
        _LISTENERS.append(listener)


def _client() -> NotificationsAPIClient:
    # Built when a message is sent, never at import: no network or key needed to start.
    return NotificationsAPIClient(  # type: ignore[no-untyped-call]
        settings.NOTIFY_API_KEY, base_url=settings.NOTIFY_BASE_URL
    )


def notify_send_email(*, to: str, message: str, subject: str, body: str) -> str:
    """Send through the template for `message`; answer Notify's notification id."""
    template_id = settings.NOTIFY_TEMPLATES.get(message, "")
    if not template_id:
        raise NotifyRefused(f"No GOV.UK Notify template is set for {message} emails")
    try:
        answer: dict[str, Any] = _client().send_email_notification(  # type: ignore[no-untyped-call]
            email_address=to,
            template_id=template_id,
            personalisation={"subject": subject, "body": body},
        )
    except HTTPError as exc:
        raise NotifyRefused(f"GOV.UK Notify refused the email ({exc.status_code}: {exc.message})") from exc
    return str(answer["id"])


def notify_send_letter(*, reference: str, pdf: bytes) -> str:
    """Send a precompiled letter (our PDF, address and all) to be printed and posted; answer its id.

    Notify reads the address from the PDF's address block, so only the resident's own letter
    can go this way: a copy for a representative is printed with the resident's address.
    """
    try:
        answer: dict[str, Any] = _client().send_precompiled_letter_notification(  # type: ignore[no-untyped-call]
            reference=reference, pdf_file=BytesIO(pdf), postage=settings.NOTIFY_LETTER_POSTAGE
        )
    except HTTPError as exc:
        raise NotifyRefused(f"GOV.UK Notify refused the letter ({exc.status_code}: {exc.message})") from exc
    return str(answer["id"])


def notify_send_sms(*, to: str, body: str, reference: str) -> str:
    """Send a text message through the landlord's SMS template (`((body))`); answer its id."""
    template_id = settings.NOTIFY_TEMPLATES.get("sms_update", "")
    if not template_id:
        raise NotifyRefused("No GOV.UK Notify template is set for text message updates")
    try:
        answer: dict[str, Any] = _client().send_sms_notification(  # type: ignore[no-untyped-call]
            phone_number=to, template_id=template_id, personalisation={"body": body}, reference=reference
        )
    except HTTPError as exc:
        raise NotifyRefused(
            f"GOV.UK Notify refused the text message ({exc.status_code}: {exc.message})"
        ) from exc
    return str(answer["id"])


def _failures(receipt: dict[str, Any]) -> dict[str, str]:
    kind = str(receipt.get("notification_type", ""))
    return {"letter": FAILED_LETTER_RECEIPTS, "sms": FAILED_SMS_RECEIPTS}.get(kind, FAILED_RECEIPTS)


def notify_receipt_record(*, receipt: dict[str, Any], now: datetime) -> bool:
    """Record a delivery receipt on its delivery; False when no delivery has that id.

    A receipt that says the message did not arrive fails the delivery, so staff see it on the
    case page and in the officer's digest, as any other failed sending.
    """
    failures = _failures(receipt)
    notification_id, status = str(receipt.get("id", "")), str(receipt.get("status", ""))
    with transaction.atomic():
        delivery = Delivery.objects.select_for_update().filter(provider_reference=notification_id).first()
        if not notification_id or delivery is None:
            return False
        delivery.provider_status = status[:40]
        fields = ["provider_status"]
        if status in failures:
            delivery.status = DeliveryStatus.FAILED
            delivery.last_error = f"GOV.UK Notify: {status}: {failures[status]}"
            delivery.finished_at = now
            fields += ["status", "last_error", "finished_at"]
        delivery.save(update_fields=fields)
        for listener in _LISTENERS:
            listener(delivery, receipt, now)
    return True
