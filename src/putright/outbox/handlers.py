"""What each kind of delivery does when its task runs.

The letter and webhook handlers call those apps' services, imported when they run because
those apps queue deliveries through this one.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from django.core.mail import get_connection, send_mail

from putright.outbox.models import DeliveryKind
from putright.outbox.notify import NotifyRefused, notify_in_use, notify_send_email

SMTP_TIMEOUT = 20
# A handler answers the provider's id for the message when a provider (Notify) took it.
Handler = Callable[[dict[str, Any], datetime], str | None]


class DeliveryFailed(Exception):
    """A send that did not go, with a reason a person can act on."""


def _email(payload: dict[str, Any], now: datetime) -> str | None:
    if notify_in_use():
        try:
            return notify_send_email(
                to=payload["to"],
                message=payload.get("message", "confirmation"),
                subject=payload["subject"],
                body=payload["body"],
            )
        except NotifyRefused as exc:
            raise DeliveryFailed(str(exc)) from exc
    send_mail(
        payload["subject"],
        payload["body"],
        None,
        [payload["to"]],
        connection=get_connection(timeout=SMTP_TIMEOUT),
    )
    return None


def _discard(payload: dict[str, Any], now: datetime) -> None:
    """Send nothing: the twin of a sign-in email for an address on no complaint."""
    return None


def _letter_issue(payload: dict[str, Any], now: datetime) -> None:
    from putright.accounts.models import User
    from putright.letters.services.issuing import letter_issue

    actor_id = payload.get("actor_id")
    # A resident acting online has no user row: the letter is then signed by the team.
    actor = User.objects.filter(pk=int(actor_id)).first() if actor_id else None
    # The letter is dated by the action that drafted it, not by when the worker got to it.
    letter_issue(actor=actor, now=datetime.fromisoformat(payload["at"]), letter_id=payload["letter_id"])


def _letter_send(payload: dict[str, Any], now: datetime) -> None:
    from putright.letters.services.issuing import letter_send

    letter = letter_send(letter_id=payload["letter_id"], now=now)
    if letter.email_waiting:
        raise DeliveryFailed(letter.send_error or "The letter's email has not gone")


def _webhook(payload: dict[str, Any], now: datetime) -> None:
    from putright.webhooks.sending import WebhookRefused, webhook_post

    try:
        webhook_post(endpoint_id=payload["endpoint_id"], event_id=payload["event_id"], now=now)
    except WebhookRefused as exc:
        raise DeliveryFailed(str(exc)) from exc


HANDLERS: dict[DeliveryKind, Handler] = {
    DeliveryKind.EMAIL: _email,
    DeliveryKind.DISCARD: _discard,
    DeliveryKind.LETTER_ISSUE: _letter_issue,
    DeliveryKind.LETTER_SEND: _letter_send,
    DeliveryKind.WEBHOOK: _webhook,
}


def handler_for(kind: DeliveryKind) -> Handler:
    return HANDLERS[kind]
