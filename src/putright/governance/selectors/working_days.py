"""Working days taken to respond: the median and 90th percentile, from the complaint record.

Working days follow the Code's calendar (`code_calendar()`): the day the stage was
requested (receipt at stage 1, the escalation request at stage 2) is day 0, and the
response day is counted. The database cannot count working days without the calendar,
so the day counts keep each distinct (stage, requested on, responded on) with how many
responses share it; the percentiles are then weighted over those few rows.
"""

from __future__ import annotations

import math
from collections import defaultdict
from datetime import date

from putright.core.dates import code_calendar
from putright.governance.selectors.daycounts import Tally
from putright.governance.selectors.stage_types import WorkingDays


def percentile_cont(counts: list[tuple[int, int]], fraction: float) -> float | None:
    """The continuous percentile (as PostgreSQL's `percentile_cont`) of values given as (value, how many).

    `counts` must be sorted by value. Linear interpolation between the two nearest ranks.
    """
    total = sum(n for _, n in counts)
    if total == 0:
        return None
    rank = (total - 1) * fraction
    low, high = math.floor(rank), math.ceil(rank)

    def value_at(position: int) -> int:
        seen = 0
        for value, n in counts:
            seen += n
            if position < seen:
                return value
        return counts[-1][0]

    lower = value_at(low)
    if high == low:
        return float(lower)
    return lower + (value_at(high) - lower) * (rank - low)


def working_days_taken(tally: Tally) -> dict[int, WorkingDays]:
    """For the responses in the period's day counts, per stage: how many, median, 90th percentile and mean working days."""
    calendar = code_calendar()
    by_stage: dict[int, dict[int, int]] = {1: defaultdict(int), 2: defaultdict(int)}
    # A quarter holds thousands of (requested, responded) pairs over a few hundred dates:
    # each date is parsed and looked up once, which was most of the first screen's time.
    numbers: dict[str, int] = {}
    for key, n in tally.items():
        if n and key.startswith("taken|"):
            _, stage_text, requested, responded = key.split("|")
            start = numbers.get(requested)
            if start is None:
                start = numbers[requested] = calendar.working_day_number(date.fromisoformat(requested))
            end = numbers.get(responded)
            if end is None:
                end = numbers[responded] = calendar.working_day_number(date.fromisoformat(responded))
            by_stage[int(stage_text)][end - start] += n
    result: dict[int, WorkingDays] = {}
    for stage, histogram in by_stage.items():
        counts = sorted(histogram.items())
        total = sum(n for _, n in counts)
        result[stage] = WorkingDays(
            count=total,
            median=percentile_cont(counts, 0.5),
            p90=percentile_cont(counts, 0.9),
            mean=(sum(v * n for v, n in counts) / total) if total else None,
        )
    return result
