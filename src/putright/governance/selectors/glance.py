"""The figures the dashboard's first screen shows, and nothing more (Code 9.6, 9.4).

For the period and the one before: complaints received, in time (acknowledgements,
responses, CH02), CH01, complaints not accepted, those of unknown tenure, and what was
overdue at the period's end; and the categories rising against their own history. The
same numbers as `performance.performance_report` and `themes.rising_categories` (a test
holds them equal), made the cheap way: the stage figures and the TSM from the stored day
counts (`figures.period_tally`), what is overdue from a kept count (`as_at`), and what is
rising from the days' counts by category (``category|1|<id>``) rather than a scan of every
complaint of the last five periods. A fixed number of queries whatever the data.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from putright.governance.selectors.as_at import OverdueAt, overdue_at
from putright.governance.selectors.breakdowns import refusals
from putright.governance.selectors.daycounts import STAGE1_CATEGORY, Tally
from putright.governance.selectors.figures import (
    days_changed_since_counted,
    marked,
    period_categories,
    period_tally,
)
from putright.governance.selectors.periods import Period
from putright.governance.selectors.report_types import Refusals
from putright.governance.selectors.scope import EVERYTHING, Scope
from putright.governance.selectors.stage_types import StageFigures, TsmMeasures
from putright.governance.selectors.stages import stage_figures
from putright.governance.selectors.themes import HISTORY, earlier_periods, judged
from putright.governance.selectors.tsm import tsm_measures
from putright.landlord.models import Category, LandlordSettings


@dataclass(frozen=True)
class PeriodGlance:
    """One period's figures for the first screen, read by attribute as the report's are
    (`stage1`, `follow_through.actions_overdue`, ...), so the charts take either."""

    period: Period
    as_at: date
    stage1: StageFigures
    stage2: StageFigures
    refused: Refusals
    follow_through: OverdueAt
    tsm: TsmMeasures


@dataclass(frozen=True)
class Glance:
    now: PeriodGlance
    before: PeriodGlance
    # As `themes.rising_categories` gives them: every category with a complaint in the five periods.
    rising: tuple[dict[str, Any], ...]


@dataclass(frozen=True)
class _Reading:
    today: date
    now: datetime
    scope: Scope
    landlord: LandlordSettings
    changed: list[int]


def _period(period: Period, tally: Tally, reading: _Reading) -> PeriodGlance:
    today, scope = reading.today, reading.scope
    as_at = min(period.end, today)
    overdue = overdue_at(as_at, today=today, now=reading.now, scope=scope, changed=reading.changed)
    stages = stage_figures(tally, as_of=as_at, scope=scope, overdue=overdue.by_stage())
    return PeriodGlance(
        period=period,
        as_at=as_at,
        stage1=stages[1],
        stage2=stages[2],
        refused=refusals(tally),
        follow_through=overdue,
        tsm=tsm_measures(stages[1], stages[2], reading.landlord),
    )


def _by_category(tally: Tally, names: dict[int, str]) -> Counter[str | None]:
    """Stage 1 complaints received by category name (None for none), as the themes count them."""
    found: Counter[str | None] = Counter()
    for key, n in tally.items():
        if key.startswith(STAGE1_CATEGORY) and n:
            raw = key[len(STAGE1_CATEGORY) :]
            found[None if raw == "-" else names.get(int(raw))] += n
    return found


def rising(now: Tally, earlier: list[Tally]) -> list[dict[str, Any]]:
    """`themes.rising_categories` from the day counts of the period and the `HISTORY` before it."""
    names = dict(Category.objects.values_list("id", "name"))
    counted = [_by_category(tally, names) for tally in (now, *earlier)]
    rows: dict[str | None, dict[str, int]] = {}
    for name in set().union(*counted):
        rows[name] = {"now": counted[0][name], **{f"p{i}": counted[i + 1][name] for i in range(HISTORY)}}
    return judged(rows)


def glance(period: Period, *, today: date, now: datetime, scope: Scope = EVERYTHING) -> Glance:
    """The first screen's figures for `period` and the period before, narrowed to `scope`;
    what is rising is always the landlord's whole figure, as on the themes page."""
    earlier = earlier_periods(period)
    # The marks are read once, and the days they touch found once, for every period's
    # stored days and kept counts.
    reading = _Reading(today, now, scope, LandlordSettings.current(), marked())
    touched = days_changed_since_counted(earlier[-1].start, period.end, changed=reading.changed)
    tallies = {p: period_tally(p, today=today, scope=scope, touched=touched) for p in (period, earlier[0])}
    # What is rising is read from the days' counts by category alone: the periods shown in
    # full are already summed (unless narrowed to a scope).
    whole = dict(tallies) if not scope else {}
    for p in (period, *earlier):
        if p not in whole:
            whole[p] = period_categories(p, today=today, touched=touched)
    return Glance(
        now=_period(period, tallies[period], reading),
        before=_period(earlier[0], tallies[earlier[0]], reading),
        rising=tuple(rising(whole[period], [whole[p] for p in earlier])),
    )
