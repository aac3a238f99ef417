"""One webhook request: signed, POSTed without following redirects, its answer recorded."""

from __future__ import annotations

import urllib.error
import urllib.request
from datetime import datetime
from typing import Any

from putright.webhooks.models import WebhookDelivery
from putright.webhooks.signing import EVENT_HEADER, SIGNATURE_HEADER, TIMESTAMP_HEADER, webhook_signature

TIMEOUT_SECONDS = 10


class WebhookRefused(Exception):
    """The endpoint did not take the event; the message says why, for the delivery log."""


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    # A redirect could send the signed event somewhere the officer never registered.
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


_opener = urllib.request.build_opener(_NoRedirects)


def webhook_post(*, endpoint_id: int, event_id: int, now: datetime) -> int:
    """Send the event to the endpoint, signed at `now`; answer the HTTP status, or raise."""
    sent = WebhookDelivery.objects.select_related("endpoint").get(endpoint_id=endpoint_id, event_id=event_id)
    if not sent.endpoint.active:
        raise WebhookRefused("The endpoint was switched off before the event was sent")
    body = sent.body.encode()
    timestamp = int(now.timestamp())
    if not sent.endpoint.url.startswith(("https://", "http://")):
        raise WebhookRefused("The endpoint's address is not http(s)")
    request = urllib.request.Request(  # noqa: S310  (scheme checked above and at registration)
        sent.endpoint.url,
        data=body,
        method="POST",
        headers={
            "Content-Type": "application/json",
            "User-Agent": "putright-webhooks/1",
            EVENT_HEADER: sent.event_name,
            TIMESTAMP_HEADER: str(timestamp),
            SIGNATURE_HEADER: webhook_signature(secret=sent.endpoint.secret, timestamp=timestamp, body=body),
        },
    )
    try:
        with _opener.open(request, timeout=TIMEOUT_SECONDS) as response:
            status = int(response.status)
    except urllib.error.HTTPError as exc:
        status = int(exc.code)
    except (urllib.error.URLError, OSError) as exc:
        raise WebhookRefused(f"Could not reach the endpoint: {getattr(exc, 'reason', exc)}") from exc
    sent.response_status = status
    sent.save(update_fields=["response_status"])
    if not 200 <= status < 300:
        raise WebhookRefused(f"The endpoint answered HTTP {status}")
    return status
