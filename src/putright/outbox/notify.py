"""GOV.UK Notify: sending residents' emails through the landlord's Notify templates, and
reading Notify's delivery receipts.

Each message kind has its own Notify template, chosen by the landlord in Notify and named
here by id (`NOTIFY_TEMPLATE_SIGN_IN`, `NOTIFY_TEMPLATE_CONFIRMATION`). putright composes the
words, so a template needs only `((subject))` as its subject and `((body))` as its content.
"""

from __future__ import annotations

from datetime import datetime
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


class NotifyRefused(Exception):
    """Notify did not take the message; the message is for staff."""


def notify_in_use() -> bool:
    return settings.PUTRIGHT_EMAIL_PROVIDER == "notify"


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


def notify_receipt_record(*, receipt: dict[str, Any], now: datetime) -> bool:
    """Record a delivery receipt on its delivery; False when no delivery has that id.

    A receipt that says the email did not arrive fails the delivery, so staff see it on the
    case page and in the officer's digest, as any other failed sending.
    """
    notification_id, status = str(receipt.get("id", "")), str(receipt.get("status", ""))
    with transaction.atomic():
        delivery = Delivery.objects.select_for_update().filter(provider_reference=notification_id).first()
        if not notification_id or delivery is None:
            return False
        delivery.provider_status = status[:40]
        fields = ["provider_status"]
        if status in FAILED_RECEIPTS:
            delivery.status = DeliveryStatus.FAILED
            delivery.last_error = f"GOV.UK Notify: {status}: {FAILED_RECEIPTS[status]}"
            delivery.finished_at = now
            fields += ["status", "last_error", "finished_at"]
        delivery.save(update_fields=fields)
    return True
