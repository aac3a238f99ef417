"""The webhook delivery kind, run by the outbox worker (registered in `WebhooksConfig.ready`)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from putright.outbox.handlers import DeliveryFailed


def webhook_delivery(payload: dict[str, Any], now: datetime) -> None:
    from putright.webhooks.sending import WebhookRefused, webhook_post

    try:
        webhook_post(endpoint_id=payload["endpoint_id"], event_id=payload["event_id"], now=now)
    except WebhookRefused as exc:
        raise DeliveryFailed(str(exc)) from exc
