"""Reads for the webhook settings page: the endpoints and the latest deliveries, as plain data."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from putright.landlord.config import CONFIG
from putright.webhooks.models import WebhookDelivery, WebhookEndpoint, WebhookEvent


@dataclass(frozen=True)
class ActiveEndpoint:
    id: int
    url: str
    events: frozenset[str]


def _active_endpoints() -> tuple[ActiveEndpoint, ...]:
    return tuple(
        ActiveEndpoint(e.pk, e.url, frozenset(e.events))
        for e in WebhookEndpoint.objects.filter(active=True).order_by("id")
    )


def webhook_endpoints_active(*, event_name: str) -> tuple[ActiveEndpoint, ...]:
    """The active endpoints that asked for `event_name`, oldest first.

    Read on every case event, so from the process's configuration cache: one small query
    until an endpoint is added, changed or deactivated (ADR 8)."""
    endpoints = CONFIG.get("webhook_endpoints_active", _active_endpoints)
    return tuple(e for e in endpoints if event_name in e.events)


@dataclass(frozen=True)
class EndpointRow:
    id: int
    url: str
    events: list[str]
    active: bool
    created_at: datetime


@dataclass(frozen=True)
class LogRow:
    at: datetime
    url: str
    event: str
    reference: str
    status: str
    attempts: int
    response_status: int | None
    error: str


def webhook_endpoints() -> list[EndpointRow]:
    labels = dict(WebhookEvent.choices)
    return [
        EndpointRow(e.pk, e.url, [labels.get(n, n) for n in e.events], e.active, e.created_at)
        for e in WebhookEndpoint.objects.order_by("-active", "url", "id")
    ]


def webhook_log(*, limit: int) -> list[LogRow]:
    rows = WebhookDelivery.objects.select_related("endpoint", "delivery", "event__complaint").order_by(
        "-created_at", "-id"
    )[:limit]
    return [
        LogRow(
            at=row.delivery.last_tried_at or row.created_at,
            url=row.endpoint.url,
            event=row.event_name,
            reference=row.event.complaint.reference,
            status=row.delivery.get_status_display(),
            attempts=row.delivery.attempts,
            response_status=row.response_status,
            error=row.delivery.last_error,
        )
        for row in rows
    ]
