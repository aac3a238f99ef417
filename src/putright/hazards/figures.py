"""Awaab's Law figures for a period: hazards by kind and phase, each duty met in time,
exceptions used, alternative accommodation provided, duties overdue.

Counting rules: a hazard counts in the period in which the landlord became aware of it (its
date in England). A duty counts as due when its deadline is on or before the "as at" day,
and as met in time when it was done by its deadline (see ``putright.rules.hazards``).
Exceptions and alternative accommodation count in the period they were recorded for.
"""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime, time, timedelta
from typing import Any

from putright.core.dates import ENGLAND, code_calendar
from putright.hazards.models import Hazard
from putright.hazards.progress import progress_of
from putright.rules.hazard_scope import HazardKind, phase_covering
from putright.rules.hazards import Duty, aware_on, deadlines, due_instant, met_in_time, overdue_duties

COUNTING_RULES = (
    "Hazards count in the period the landlord became aware of them (the date in England).",
    "A duty is due when its deadline falls on or before the as-at day; met in time when done by its deadline.",
    "Emergency deadlines are 24 hours of elapsed time; significant hazard deadlines count working days.",
)


def _start(day: date) -> datetime:
    return datetime.combine(day, time(0), tzinfo=ENGLAND)


def _pct(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole else None


def hazard_figures(*, start: date, end: date, as_of: date) -> dict[str, Any]:
    """Every hazard figure for the days ``start`` to ``end`` (both included)."""
    calendar = code_calendar()
    after = _start(end + timedelta(days=1))
    cutoff = _start(as_of + timedelta(days=1))
    hazards = list(Hazard.objects.filter(aware_at__gte=_start(start), aware_at__lt=after))
    by_kind: Counter[str] = Counter(h.kind for h in hazards)
    by_phase: Counter[str] = Counter()
    due: Counter[str] = Counter()
    met: Counter[str] = Counter()
    overdue = 0
    for hazard in hazards:
        progress = progress_of(hazard)
        phase = phase_covering(HazardKind(hazard.kind), hazard.hazard, aware_on=aware_on(hazard.aware_at))
        by_phase[phase.name if phase else "Not named"] += 1
        done = met_in_time(progress, calendar)
        for duty, deadline in deadlines(progress, calendar).by_duty().items():
            if due_instant(deadline) <= cutoff:
                due[duty] += 1
                met[duty] += 1 if done.get(duty) else 0
        overdue += 1 if overdue_duties(progress, calendar, now=cutoff) else 0
    stopped = Hazard.objects.filter(stopped_at__gte=_start(start), stopped_at__lt=after)
    housed = Hazard.objects.filter(accommodation_at__gte=_start(start), accommodation_at__lt=after).count()
    return {
        "recorded": len(hazards),
        "by_kind": {k.value: by_kind.get(k.value, 0) for k in HazardKind},
        "by_phase": dict(by_phase),
        "duties": {
            d.value: {"due": due[d], "met_in_time": met[d], "met_in_time_pct": _pct(met[d], due[d])}
            for d in Duty
        },
        "exceptions": dict(Counter(stopped.values_list("stop_reason", flat=True))),
        "alternative_accommodation": housed,
        "with_overdue_duties": overdue,
        "counting_rules": list(COUNTING_RULES),
    }
