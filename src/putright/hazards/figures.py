"""Awaab's Law figures for a period: hazards by kind and phase, each duty met in time,
exceptions used, alternative accommodation provided, duties overdue.

Counting rules: a hazard counts in the period in which the landlord became aware of it (its
date in England). A duty counts as due when its deadline is on or before the "as at" day,
and as met in time when it was done by its deadline (see ``putright.rules.hazards``).
Exceptions and alternative accommodation count in the period they were recorded for.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from django.db.models import Count, Q

from putright.core.dates import ENGLAND
from putright.hazards.models import Hazard
from putright.rules.hazard_data import Duty, StopReason
from putright.rules.hazard_scope import HazardKind

COUNTING_RULES = (
    "Hazards count in the period the landlord became aware of them (the date in England).",
    "A duty is due when its deadline falls on or before the as-at day; met in time when done by its deadline.",
    "Emergency deadlines are 24 hours of elapsed time; significant hazard deadlines count working days.",
)


@dataclass(frozen=True)
class DutyFigures:
    due: int
    met_in_time: int
    met_in_time_pct: float | None


@dataclass(frozen=True)
class HazardFigures:
    """The Awaab's Law section of the performance report (`governance.selectors.report_types`)."""

    recorded: int
    by_kind: dict[str, int]
    by_phase: dict[str, int]
    duties: dict[str, DutyFigures]
    exceptions: dict[str, int]
    alternative_accommodation: int
    with_overdue_duties: int
    counting_rules: tuple[str, ...]


def _start(day: date) -> datetime:
    return datetime.combine(day, time(0), tzinfo=ENGLAND)


def _pct(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole else None


def hazard_figures(*, start: date, end: date, as_of: date) -> HazardFigures:
    """Every hazard figure for the days ``start`` to ``end`` (both included), counted by the
    database from what each step stored (``rules.hazards.stored_outcomes``): a few aggregate
    queries whatever the number of hazards."""
    after = _start(end + timedelta(days=1))
    cutoff = _start(as_of + timedelta(days=1))
    period = Hazard.objects.filter(aware_at__gte=_start(start), aware_at__lt=after)
    counts: dict[str, Any] = {
        "recorded": Count("pk"),
        "overdue": Count("pk", filter=Q(open_due_at__lte=cutoff)),
    }
    for duty in Duty:
        due = Q(**{f"{duty.value}_due_at__lte": cutoff})
        counts[f"{duty.value}_due"] = Count("pk", filter=due)
        counts[f"{duty.value}_met"] = Count("pk", filter=due & Q(**{f"{duty.value}_met": True}))
    for kind in HazardKind:
        counts[f"kind_{kind.value}"] = Count("pk", filter=Q(kind=kind.value))
    totals = period.aggregate(**counts)
    by_phase = {
        (phase or "Not named"): n
        for phase, n in period.values_list("phase").annotate(n=Count("pk")).order_by()
    }
    # Exceptions and alternative accommodation count in the period they were recorded for.
    stopped = Q(stopped_at__gte=_start(start), stopped_at__lt=after)
    housed = Q(accommodation_at__gte=_start(start), accommodation_at__lt=after)
    recorded_for = Hazard.objects.filter(stopped | housed).aggregate(
        housed=Count("pk", filter=housed),
        **{r.value: Count("pk", filter=stopped & Q(stop_reason=r.value)) for r in StopReason},
    )
    exceptions = {r.value: recorded_for[r.value] for r in StopReason if recorded_for[r.value]}
    duties = {}
    for d in Duty:
        due, met = totals[f"{d.value}_due"], totals[f"{d.value}_met"]
        duties[d.value] = DutyFigures(due=due, met_in_time=met, met_in_time_pct=_pct(met, due))
    return HazardFigures(
        recorded=totals["recorded"],
        by_kind={k.value: totals[f"kind_{k.value}"] for k in HazardKind},
        by_phase=by_phase,
        duties=duties,
        exceptions=exceptions,
        alternative_accommodation=recorded_for["housed"],
        with_overdue_duties=totals["overdue"],
        counting_rules=COUNTING_RULES,
    )
