"""Counting the period figures per day and keeping them (`putright figures`, run on a schedule).

One transaction: the complaints marked as changed are locked, their days and any day
before today not yet stored are counted again from the record, so are their parts in the
kept "as at" counts (`selectors.as_at`), and only then are the marks cleared (the ends of
the last two full quarters, which the dashboard opens on, are counted and kept if they are
not kept yet). A change
that commits meanwhile either waits for the lock or leaves a new mark, so it is never
lost: its days are counted live until the next run.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import transaction
from django.db.models import Min

from putright.cases.models import Complaint, UncountedChange
from putright.core.dates import england_date
from putright.governance.models import AsAtFigures, AsAtPart, DayFigures
from putright.governance.selectors import as_at
from putright.governance.selectors.daycounts import Days, count_days, stage1_categories
from putright.governance.selectors.figures import days_changed_since_counted
from putright.governance.selectors.periods import last_full_quarter

CHUNK_DAYS = 31
BATCH = 500

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class FiguresCounted:
    days: int
    complaints_changed: int


def figures_count(
    *, now: datetime, rebuild: bool = False, progress: Progress | None = None
) -> FiguresCounted:
    """Count and store every day before today that is missing or has changed; all of them if `rebuild`."""
    today = england_date(now)
    with transaction.atomic():
        # Before the marks are read: a reader keeping an "as at" count waits for this run to
        # end, or this run for it (`as_at.hold_kept_counts`), so no change is in neither.
        as_at.hold_kept_counts()
        changed = list(UncountedChange.objects.select_for_update().values_list("complaint_id", flat=True))
        first = Complaint.objects.aggregate(first=Min("received_on"))["first"]
        if first is None or first >= today:
            days = Days(())
        else:
            yesterday = today - timedelta(days=1)
            if rebuild:
                DayFigures.objects.all().delete()
                AsAtPart.objects.all().delete()
                AsAtFigures.objects.all().delete()
            stored = set(
                DayFigures.objects.filter(day__range=(first, yesterday)).values_list("day", flat=True)
            )
            missing = [day for day in Days.between(first, yesterday) if day not in stored]
            days = Days.of([*missing, *days_changed_since_counted(first, yesterday, changed=changed)])
        _store(days, now, progress)
        # The kept "as at" counts take the changed complaints in now: once the marks are
        # cleared, nothing would tell a reader of an old count that they changed.
        as_at.bring_up_to_date(changed, today=today)
        for start in range(0, len(changed), BATCH):
            UncountedChange.objects.filter(complaint_id__in=changed[start : start + BATCH]).delete()
        # The dashboard opens on the last full quarter against the one before: what was overdue
        # at their ends is counted here, once a quarter, rather than by its first visitor.
        quarter = last_full_quarter(today)
        for day in (quarter.end, quarter.previous().end):
            if not AsAtFigures.objects.filter(day=day).exists():
                as_at.keep(day, today=today, now=now)
    return FiguresCounted(days=sum(1 for _ in days), complaints_changed=len(changed))


def _store(days: Days, now: datetime, progress: Progress | None) -> None:
    total, done = sum(1 for _ in days), 0
    for chunk in days.chunks(CHUNK_DAYS):
        tallies = count_days(chunk)
        listed = list(chunk)
        DayFigures.objects.filter(day__in=listed).delete()
        DayFigures.objects.bulk_create(
            [
                DayFigures(
                    day=day,
                    counts=dict(tallies.get(day, {})),
                    categories=stage1_categories(tallies.get(day, {})),
                    counted_at=now,
                )
                for day in listed
            ],
            batch_size=BATCH,
        )
        done += len(listed)
        if progress:
            progress(done, total)
