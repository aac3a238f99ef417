"""Reads of the landlord's configuration that every case page makes, from the process's cache."""

from __future__ import annotations

from bisect import bisect_left
from datetime import date

from putright.landlord.config import CONFIG
from putright.landlord.models import ClosureDay


def _closure_days() -> tuple[date, ...]:
    return tuple(ClosureDay.objects.order_by("day").values_list("day", flat=True))


def closure_days_from(*, day: date, limit: int) -> list[date]:
    """The first `limit` office closures on or after `day`, earliest first.

    Every closure day is cached (a landlord records a handful a year), so a read costs the
    configuration version's query alone until a closure is added or removed (ADR 8)."""
    days = CONFIG.get("closure_days", _closure_days)
    start = bisect_left(days, day)
    return list(days[start : start + limit])
