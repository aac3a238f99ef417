"""What each kind of delivery does when its task runs.

Outbox sends emails itself. Other kinds belong to the apps that queue them (letters,
webhooks): each registers its handler in its `AppConfig.ready`, so those apps import the
outbox to enqueue and the outbox never imports them back.
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


class NoHandler(LookupError):
    """A delivery kind whose app did not register a handler (the app is not installed)."""


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


_HANDLERS: dict[DeliveryKind, Handler] = {
    DeliveryKind.EMAIL: _email,
    DeliveryKind.DISCARD: _discard,
}


def register_delivery_handler(kind: DeliveryKind, handler: Handler) -> None:
    """Called from an app's `ready`; registering the same function again is harmless."""
    existing = _HANDLERS.get(kind)
    if existing is not None and existing is not handler:
        raise ValueError(f"A handler for {kind} is already registered")
    _HANDLERS[kind] = handler


def handler_for(kind: DeliveryKind) -> Handler:
    try:
        return _HANDLERS[kind]
    except KeyError:
        raise NoHandler(f"No handler is registered for {kind} deliveries") from None
