"""The Awaab's Law figures are counted by the database from what each step stored, and say
exactly what the rules core says of every hazard one by one."""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime, time, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from putright.core.dates import ENGLAND, code_calendar
from putright.demo.generate import generate
from putright.hazards.figures import hazard_figures
from putright.hazards.models import Hazard
from putright.hazards.progress import progress_of
from putright.rules.hazard_data import Duty
from putright.rules.hazard_scope import HazardKind, phase_covering
from putright.rules.hazards import aware_on, deadlines, due_instant, met_in_time, overdue_duties

pytestmark = pytest.mark.django_db
TODAY = date(2026, 12, 1)


def judged_one_by_one(start: date, end: date, as_of: date) -> dict[str, object]:
    """The figures as the rules core judges each hazard of the period in turn."""
    calendar = code_calendar()
    cutoff = datetime.combine(as_of + timedelta(days=1), time(0), tzinfo=ENGLAND)
    hazards = Hazard.objects.filter(
        aware_at__gte=datetime.combine(start, time(0), tzinfo=ENGLAND),
        aware_at__lt=datetime.combine(end + timedelta(days=1), time(0), tzinfo=ENGLAND),
    )
    due: Counter[str] = Counter()
    met: Counter[str] = Counter()
    phases: Counter[str] = Counter()
    overdue = 0
    for hazard in hazards:
        progress = progress_of(hazard)
        phase = phase_covering(HazardKind(hazard.kind), hazard.hazard, aware_on=aware_on(hazard.aware_at))
        phases[phase.name if phase else "Not named"] += 1
        done = met_in_time(progress, calendar)
        for duty, deadline in deadlines(progress, calendar).by_duty().items():
            if due_instant(deadline) <= cutoff:
                due[duty] += 1
                met[duty] += 1 if done.get(duty) else 0
        overdue += 1 if overdue_duties(progress, calendar, now=cutoff) else 0
    return {
        "recorded": hazards.count(),
        "by_phase": dict(phases),
        "duties": {d.value: (due[d], met[d]) for d in Duty},
        "with_overdue_duties": overdue,
    }


@pytest.mark.parametrize(
    ("start", "end", "as_of"),
    [
        (date(2025, 12, 1), date(2026, 11, 30), TODAY),
        (date(2026, 4, 1), date(2026, 6, 30), date(2026, 7, 31)),
        (date(2025, 10, 1), date(2025, 12, 31), date(2025, 12, 31)),
    ],
)
def test_the_figures_counted_in_sql_are_the_rules_judgement_of_each_hazard(start, end, as_of):
    generate(complaints=1500, seed=5, today=TODAY, out=None)
    assert Hazard.objects.exists()
    with CaptureQueriesContext(connection) as queries:
        figures = hazard_figures(start=start, end=end, as_of=as_of)
    assert len(queries) <= 6  # whatever the number of hazards
    expected = judged_one_by_one(start, end, as_of)
    assert figures.recorded == expected["recorded"]
    assert figures.by_phase == expected["by_phase"]
    assert figures.with_overdue_duties == expected["with_overdue_duties"]
    got = {d: (v.due, v.met_in_time) for d, v in figures.duties.items()}
    assert got == expected["duties"]
