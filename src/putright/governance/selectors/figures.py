"""A period's day counts: the stored days that nothing has changed since, and the rest counted live.

The result is always what counting the whole period from the record would give: a stored
day is used only if no complaint counted on it has changed since it was counted (every
change marks its complaint in `UncountedChange`, in the same transaction), and today,
days never counted and days touched since are counted live. `putright figures` stores
the days before today; with nothing stored every day is counted live, which is correct
and only slower.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from putright.cases.models import Complaint, Extension, Refusal, StageRecord, UncountedChange
from putright.governance.models import DayFigures
from putright.governance.selectors.daycounts import Days, Tally, count_days, stage1_categories, total
from putright.governance.selectors.periods import Period
from putright.governance.selectors.scope import EVERYTHING, Scope

# Up to this many changed complaints are named by id, so the planner knows how few there are;
# more (after a bulk import, before `putright figures` has run) are read by a subquery.
NAMED_AT_MOST = 2000


def days_changed_since_counted(start: date, end: date, *, changed: list[int] | None = None) -> set[date]:
    """The days from `start` to `end` on which a complaint changed since the last count counts.

    The marks are read first: none (the usual case) costs one small query. A few are named
    by id rather than joined, because the marks table empties and fills all day and its
    statistics are often stale: a plan made for the million marks of the last bulk load
    would read every stage record to find the days of none.
    """
    if changed is None:  # a caller holding the marks (the figures count) passes them
        changed = marked()
    if not changed:
        return set()
    which: Any = changed if len(changed) <= NAMED_AT_MOST else UncountedChange.objects.values("complaint_id")
    span = (start, end)
    parts = [
        Complaint.objects.filter(pk__in=which, received_on__range=span).values_list("received_on"),
        StageRecord.objects.filter(complaint__in=which, requested_on__range=span).values_list("requested_on"),
        StageRecord.objects.filter(complaint__in=which, responded_on__range=span).values_list("responded_on"),
        Extension.objects.filter(stage_record__complaint__in=which, notified_on__range=span).values_list(
            "notified_on"
        ),
        Refusal.objects.filter(complaint__in=which, refused_on__range=span).values_list("refused_on"),
        Complaint.objects.filter(pk__in=which, withdrawn_on__range=span).values_list("withdrawn_on"),
    ]
    # A compound query takes no ORDER BY in its parts (Extension is ordered by default).
    found = parts[0].order_by().union(*(part.order_by() for part in parts[1:]))
    return {day for (day,) in found if day is not None}


def marked() -> list[int]:
    """The complaints changed since the figures last ran, up to one more than `NAMED_AT_MOST`."""
    return list(UncountedChange.objects.values_list("complaint_id", flat=True)[: NAMED_AT_MOST + 1])


def period_tally(
    period: Period, *, today: date, scope: Scope = EVERYTHING, touched: set[date] | None = None
) -> Tally:
    """The period's day counts added up: stored where still true, live for the rest.

    The stored days count every complaint: figures narrowed to a service area or a handler
    (`scope`) are counted live, in the same grouped queries with the filter added. A caller
    adding up several periods finds the days changed since counted once, over all of them
    (`days_changed_since_counted`), and passes them (`touched`)."""
    if scope:
        return total(count_days(Days.between(period.start, period.end), scope).values())
    return _stored_and_live(period, today=today, touched=touched, column="counts")


def period_categories(period: Period, *, today: date, touched: set[date]) -> Tally:
    """`period_tally` of the whole landlord, only its stage 1 complaints received by category
    (`daycounts.STAGE1_CATEGORY` keys): from each stored day's `categories`, a few dozen
    bytes rather than its whole tally, and live for the days not stored or changed since."""
    return _stored_and_live(period, today=today, touched=touched, column="categories", keep=stage1_categories)


def _stored_and_live(
    period: Period,
    *,
    today: date,
    touched: set[date] | None,
    column: str,
    keep: Callable[[Tally], dict[str, int]] = dict,
) -> Tally:
    """The stored days' `column` where still true, and `keep` of the live count of the rest."""
    stored = dict(
        DayFigures.objects.filter(day__range=(period.start, min(period.end, today))).values_list(
            "day", column
        )
    )
    if touched is None:
        touched = days_changed_since_counted(period.start, period.end) if stored else set()
    settled = {day: counts for day, counts in stored.items() if day < today and day not in touched}
    live = Days.of(day for day in Days.between(period.start, period.end) if day not in settled)
    return total([*settled.values(), *(keep(tally) for tally in count_days(live).values())])
