"""Registering endpoints and queueing case events for them. The only writers of webhooks data."""

from __future__ import annotations

import json
import secrets
from datetime import datetime
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction

from putright.cases.models import CaseEvent
from putright.core.actor import Actor, user_or_none
from putright.core.errors import InvalidInput
from putright.outbox.models import DeliveryKind
from putright.outbox.services import delivery_enqueue
from putright.webhooks.models import WebhookDelivery, WebhookEndpoint, WebhookEvent
from putright.webhooks.selectors import webhook_endpoints_active

# Case event actions -> the webhook event housing systems subscribe to.
EVENTS_BY_ACTION = {
    "logged": WebhookEvent.CREATED,
    "acknowledged": WebhookEvent.ACKNOWLEDGED,
    "responded": WebhookEvent.RESPONDED,
    "escalated": WebhookEvent.ESCALATED,
    "closed": WebhookEvent.CLOSED,
    "withdrawn": WebhookEvent.CLOSED,
    "refused": WebhookEvent.CLOSED,
    "hazard_flagged": WebhookEvent.HAZARD_RECORDED,
}
LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})


def _url_error(url: str) -> str:
    """What is wrong with the address, or ''."""
    try:
        URLValidator(schemes=["https", "http"])(url)
    except ValidationError:
        return "Enter the endpoint's full address, like https://housing.example.org/hooks"
    if urlsplit(url).scheme != "https" and urlsplit(url).hostname not in LOCAL_HOSTS:
        # Case events name complaints: they travel encrypted, except to this machine itself.
        return "Use an https:// address"
    return ""


def webhook_endpoint_create(
    *, actor: Actor, now: datetime, url: str, events: list[str]
) -> tuple[WebhookEndpoint, str]:
    """Register an endpoint; answer it with its secret, in clear, to show the officer once."""
    errors: dict[str, str] = {}
    url = (url or "").strip()
    if error := _url_error(url):
        errors["url"] = error
    chosen = [e for e in WebhookEvent.values if e in set(events or [])]
    if not chosen or len(chosen) != len(set(events)):
        errors["events"] = "Choose at least one event to send"
    if errors:
        raise InvalidInput(errors)
    secret = "whsec_" + secrets.token_urlsafe(32)
    endpoint = WebhookEndpoint.objects.create(
        url=url, events=chosen, secret=secret, created_at=now, created_by=user_or_none(actor)
    )
    return endpoint, secret


def webhook_endpoint_deactivate(*, endpoint_id: int) -> WebhookEndpoint:
    """Stop sending to an endpoint. It and its delivery log are kept."""
    with transaction.atomic():
        endpoint = WebhookEndpoint.objects.select_for_update().filter(pk=endpoint_id).first()
        if endpoint is None:
            raise InvalidInput({"endpoint": "No such endpoint"})
        endpoint.active = False
        endpoint.save(update_fields=["active"])
    return endpoint


def _body(event: CaseEvent, name: WebhookEvent) -> str:
    """What is sent: the event and the complaint's reference, no personal details.

    A housing system that needs more reads the complaint through the API with its token,
    where the access rules apply.
    """
    complaint = event.complaint
    return json.dumps(
        {
            "event": name.value,
            "event_id": event.pk,
            "occurred_at": event.at.isoformat(),
            "complaint": {
                "id": complaint.pk,
                "reference": complaint.reference,
                "stage": complaint.stage,
                "status": complaint.status,
            },
        },
        separators=(",", ":"),
    )


def webhooks_queue_for_event(event: CaseEvent) -> None:
    """The case event hook: queue the event for each active endpoint that asked for it.

    Runs inside the action's transaction (so an action that rolls back sends nothing);
    the requests go out from the worker after commit, with retries.
    """
    name = EVENTS_BY_ACTION.get(event.action)
    if name is None:
        return
    for endpoint in webhook_endpoints_active(event_name=name.value):
        delivery = delivery_enqueue(
            kind=DeliveryKind.WEBHOOK,
            summary=f"Webhook {name.value} for {event.complaint.reference} to {endpoint.url}",
            payload={"endpoint_id": endpoint.id, "event_id": event.pk},
            now=event.at,
        )
        WebhookDelivery.objects.create(
            endpoint_id=endpoint.id,
            event=event,
            event_name=name.value,
            body=_body(event, name),
            delivery=delivery,
            created_at=event.at,
        )
