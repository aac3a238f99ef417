"""Queueing and running deliveries: the only writers of `Delivery`.

A delivery is created inside the transaction of the action that needs it, and its task is
queued when that transaction commits, so a rolled-back action sends nothing and a web
request never waits for a mail server. The task runs `delivery_attempt`; a failure is
retried with backoff by queueing the task again to run later (django-tasks does not retry
by itself), and the attempt count and last error are kept on the delivery.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from functools import partial
from typing import Any

from django.conf import settings
from django.db import transaction

from putright.outbox.handlers import DeliveryFailed, handler_for
from putright.outbox.models import Delivery, DeliveryKind, DeliveryStatus

log = logging.getLogger("putright.outbox")
SUMMARY_MAX, ERROR_MAX = 300, 500
# Minutes to wait before each retry: 1 minute, 5, 30, then 2 hours. Five tries in all spread
# over about two and a half hours ride out a mail server restart or a short provider outage.
DEFAULT_RETRY_MINUTES = (1, 5, 30, 120)


def retry_delays() -> list[timedelta]:
    minutes = getattr(settings, "PUTRIGHT_DELIVERY_RETRY_MINUTES", DEFAULT_RETRY_MINUTES)
    return [timedelta(minutes=float(m)) for m in minutes]


def delivery_enqueue(
    *,
    kind: DeliveryKind,
    summary: str,
    payload: dict[str, Any],
    now: datetime,
    complaint_id: int | None = None,
) -> Delivery:
    """Record a delivery and queue its task once the current transaction commits."""
    delivery = Delivery.objects.create(
        kind=kind,
        summary=summary[:SUMMARY_MAX],
        payload=payload,
        complaint_id=complaint_id,
        created_at=now,
        next_try_at=now,
    )
    transaction.on_commit(partial(_queue, delivery.pk, None), robust=True)
    return delivery


def _queue(delivery_id: int, run_after: datetime | None) -> None:
    # Imported here: the task module imports this one to run deliveries.
    from putright.outbox.tasks import deliver

    task = deliver
    if run_after is not None and task.get_backend().supports_defer:
        task = task.using(run_after=run_after)
    task.enqueue(delivery_id)


def delivery_attempt(*, delivery_id: int, now: datetime) -> str:
    """Try a queued delivery once; answer what happened: sent, retrying, failed or skipped."""
    with transaction.atomic():
        delivery = Delivery.objects.select_for_update().filter(pk=delivery_id).first()
        if delivery is None or delivery.status != DeliveryStatus.QUEUED:
            return "skipped"
        delivery.attempts += 1
        delivery.last_tried_at = now
        delivery.save(update_fields=["attempts", "last_tried_at"])
    try:
        # Outside the lock: a slow mail server must not hold a row lock for twenty seconds.
        provider_reference = handler_for(DeliveryKind(delivery.kind))(delivery.payload, now)
    except Exception as exc:  # any fault is retried, then shown to staff
        error = str(exc) if isinstance(exc, DeliveryFailed) else f"{type(exc).__name__}: {exc}"
        return _failed_attempt(delivery, error or type(exc).__name__, now)
    delivery.status = DeliveryStatus.SENT
    delivery.finished_at, delivery.next_try_at = now, None
    delivery.payload, delivery.last_error = {}, ""
    delivery.provider_reference = provider_reference or ""
    delivery.save(
        update_fields=["status", "finished_at", "next_try_at", "payload", "last_error", "provider_reference"]
    )
    return "sent"


def _failed_attempt(delivery: Delivery, error: str, now: datetime) -> str:
    delays = retry_delays()
    delivery.last_error = error[:ERROR_MAX]
    if delivery.attempts <= len(delays):
        delivery.next_try_at = now + delays[delivery.attempts - 1]
        delivery.save(update_fields=["last_error", "next_try_at"])
        log.warning("delivery %s attempt %s failed: %s", delivery.pk, delivery.attempts, error)
        _queue(delivery.pk, delivery.next_try_at)
        return "retrying"
    delivery.status = DeliveryStatus.FAILED
    delivery.finished_at, delivery.next_try_at = now, None
    if delivery.kind in (DeliveryKind.EMAIL, DeliveryKind.DISCARD, DeliveryKind.SMS):
        # An email's or a text's words and address are personal data (and may hold a sign-in code): once
        # it will not be sent they are not kept. Letters and webhooks hold only ids.
        delivery.payload = {}
    delivery.save(update_fields=["last_error", "status", "finished_at", "next_try_at", "payload"])
    log.error("delivery %s failed after %s attempts: %s", delivery.pk, delivery.attempts, error)
    return "failed"
