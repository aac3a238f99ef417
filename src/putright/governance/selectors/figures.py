"""A period's day counts: the stored days that nothing has changed since, and the rest counted live.

The result is always what counting the whole period from the record would give: a stored
day is used only if no complaint counted on it has changed since it was counted (every
change marks its complaint in `UncountedChange`, in the same transaction), and today,
days never counted and days touched since are counted live. `putright figures` stores
the days before today; with nothing stored every day is counted live, which is correct
and only slower.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db.models import QuerySet

from putright.cases.models import Complaint, Extension, Refusal, StageRecord, UncountedChange
from putright.governance.models import DayFigures
from putright.governance.selectors.daycounts import Days, Tally, count_days, total
from putright.governance.selectors.periods import Period


def days_changed_since_counted(start: date, end: date) -> set[date]:
    """The days from `start` to `end` on which a complaint changed since the last count counts."""
    changed = UncountedChange.objects.values("complaint_id")
    span = (start, end)
    dated: list[QuerySet[Any, Any]] = [
        StageRecord.objects.filter(complaint__in=changed, requested_on__range=span).values_list(
            "requested_on"
        ),
        StageRecord.objects.filter(complaint__in=changed, responded_on__range=span).values_list(
            "responded_on"
        ),
        Extension.objects.filter(stage_record__complaint__in=changed, notified_on__range=span).values_list(
            "notified_on"
        ),
        Refusal.objects.filter(complaint__in=changed, refused_on__range=span).values_list("refused_on"),
    ]
    received = Complaint.objects.filter(pk__in=changed, received_on__range=span).values_list("received_on")
    # A compound query takes no ORDER BY in its parts (Extension is ordered by default).
    return {day for (day,) in received.order_by().union(*(q.order_by() for q in dated))}


def period_tally(period: Period, *, today: date) -> Tally:
    """The period's day counts added up: stored where still true, live for the rest."""
    stored = dict(
        DayFigures.objects.filter(day__range=(period.start, min(period.end, today))).values_list(
            "day", "counts"
        )
    )
    changed = days_changed_since_counted(period.start, period.end) if stored else set()
    settled = {day: counts for day, counts in stored.items() if day < today and day not in changed}
    live = Days.of(day for day in Days.between(period.start, period.end) if day not in settled)
    return total([*settled.values(), *count_days(live).values()])
