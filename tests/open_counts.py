"""The kept open-complaint counts (`cases.models.open_counts`) against the complaints they
count: the suite's check after every test that touches the database (`tests/conftest.py`)."""

from __future__ import annotations

from typing import Any

from django.db.models import Sum

from putright.cases.models import Complaint, OpenCount, Status
from putright.cases.selectors import OPEN_STATUSES


def open_counts_live() -> dict[tuple[Any, ...], int]:
    """The same key counted from the complaints themselves: what `OpenCount` must always sum
    to."""
    rows = (
        Complaint.objects.filter(status__in=(*OPEN_STATUSES, Status.RESPONDED))
        .order_by()
        .values_list("handler_id", "stage", "status", "next_due", "due_at")
    )
    live: dict[tuple[Any, ...], int] = {}
    for handler_id, stage, status, next_due, due_at in rows.iterator(chunk_size=5000):
        is_running = status in OPEN_STATUSES
        key = (handler_id, stage, is_running, next_due if is_running else None, due_at is None)
        live[key] = live.get(key, 0) + 1
    return live


def open_counts_stored() -> dict[tuple[Any, ...], int]:
    """`OpenCount` summed per key, keys summing to nothing left out."""
    rows = (
        OpenCount.objects.order_by()
        .values_list("handler_id", "stage", "running", "next_due", "idle")
        .annotate(total=Sum("n"))
    )
    return {(h, s, bool(r), d, bool(i)): t for h, s, r, d, i, t in rows if t}
