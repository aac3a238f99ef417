"""Emails to residents: composed from templates, queued to send once the transaction commits."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.template.loader import render_to_string

from putright.outbox.models import DeliveryKind
from putright.outbox.services import delivery_enqueue


def email_render(template: str, context: dict[str, Any]) -> str:
    return render_to_string(f"residents/emails/{template}", context).strip() + "\n"


def email_send_after_commit(
    *,
    to: str,
    subject: str,
    body: str,
    now: datetime,
    complaint_id: int | None = None,
    discard: bool = False,
    message: str = "confirmation",
) -> None:
    """Queue the email; the worker sends it, with retries, after the change is committed.

    A mail failure never undoes the change; after its last retry it is shown to staff.
    `discard` queues the same work that sends nothing (the sign-in twin, see signin.py).
    `message` names the kind, which picks the GOV.UK Notify template when Notify sends.
    """
    delivery_enqueue(
        kind=DeliveryKind.DISCARD if discard else DeliveryKind.EMAIL,
        summary=f"Email to the resident: {subject}" if complaint_id else "Email: sign-in code",
        payload={"to": to, "subject": subject, "body": body, "message": message},
        now=now,
        complaint_id=complaint_id,
    )
