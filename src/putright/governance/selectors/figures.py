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

from putright.cases.models import UncountedChange
from putright.governance.models import DayFigures
from putright.governance.selectors.daycounts import Days, Tally, count_days, total
from putright.governance.selectors.periods import Period


def days_changed_since_counted(start: date, end: date) -> set[date]:
    """The days from `start` to `end` on which a complaint changed since the last count counts.

    Read from the marks outwards (mark, complaint, its stages, extensions and refusals, each
    by its key), so the cost follows the number of changed complaints, not of all of them.
    """
    span = (start, end)
    dated = [
        "complaint__received_on",
        "complaint__stages__requested_on",
        "complaint__stages__responded_on",
        "complaint__stages__extensions__notified_on",
        "complaint__refusals__refused_on",
    ]
    parts = [
        UncountedChange.objects.filter(**{f"{field}__range": span}).values_list(field) for field in dated
    ]
    return {day for (day,) in parts[0].union(*parts[1:])}


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
