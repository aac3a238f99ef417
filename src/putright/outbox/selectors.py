"""Reads on deliveries: what did not go out, for the case page and the officer's reminders."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import Q

from putright.outbox.models import Delivery, DeliveryStatus

# A queued delivery whose next try is this far behind has no worker running it (the worker
# is stopped, or its task was lost): shown with the failures so it is not silent either.
STUCK_AFTER = timedelta(hours=1)


@dataclass(frozen=True)
class DeliveryProblem:
    delivery_id: int
    complaint_id: int | None
    reference: str
    what: str
    attempts: int
    error: str
    since: datetime
    stuck: bool


def _problems_query(now: datetime) -> Q:
    return Q(status=DeliveryStatus.FAILED) | Q(
        status=DeliveryStatus.QUEUED, next_try_at__lt=now - STUCK_AFTER
    )


def deliveries_not_sent(
    *, now: datetime, complaint_id: int | None = None, limit: int = 50
) -> list[DeliveryProblem]:
    """Failed deliveries (after their last retry) and queued ones no worker has run, newest first."""
    # Only what a problem names: a delivery's payload and its complaint's whole row are wide.
    rows = (
        Delivery.objects.filter(_problems_query(now))
        .select_related("complaint")
        .only(
            "complaint_id",
            "summary",
            "attempts",
            "last_error",
            "status",
            "finished_at",
            "created_at",
            "complaint__reference",
        )
    )
    if complaint_id is not None:
        rows = rows.filter(complaint_id=complaint_id)
    return [
        DeliveryProblem(
            delivery_id=row.pk,
            complaint_id=row.complaint_id,
            reference=row.complaint.reference if row.complaint else "",
            what=row.summary,
            attempts=row.attempts,
            error=row.last_error
            if row.status == DeliveryStatus.FAILED
            else "Still waiting: is the worker (putright worker) running?",
            since=row.finished_at or row.created_at,
            stuck=row.status == DeliveryStatus.QUEUED,
        )
        for row in rows.order_by("-created_at", "-id")[:limit]
    ]
