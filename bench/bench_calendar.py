"""Time WorkingDayCalendar.add_working_days and working_days_between.

Run: .venv/bin/python bench/bench_calendar.py
Inputs are built before timing so only the calendar calls are measured.
"""

from __future__ import annotations

import random
import time
from datetime import date, timedelta

from putright.rules.calendar import calendar_for

CALLS = 1_000_000


def main() -> None:
    calendar = calendar_for()
    rng = random.Random(2024)
    first = date(2015, 1, 1)
    starts = [first + timedelta(days=rng.randrange(365 * 30)) for _ in range(CALLS)]
    counts = [rng.randrange(0, 60) for _ in range(CALLS)]
    ends = [s + timedelta(days=rng.randrange(-90, 90)) for s in starts]

    add = calendar.add_working_days
    began = time.perf_counter()
    for start, n in zip(starts, counts, strict=True):
        add(start, n)
    elapsed = time.perf_counter() - began
    print(f"add_working_days:     {CALLS:,} calls in {elapsed:.3f} s = {CALLS / elapsed:,.0f}/s")

    between = calendar.working_days_between
    began = time.perf_counter()
    for start, end in zip(starts, ends, strict=True):
        between(start, end)
    elapsed = time.perf_counter() - began
    print(f"working_days_between: {CALLS:,} calls in {elapsed:.3f} s = {CALLS / elapsed:,.0f}/s")


if __name__ == "__main__":
    main()
