"""Invariants of working-day arithmetic, checked with hypothesis for every nation.

Counting rule: the day of `start` is day 0.
"""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from putright.rules.calendar import Nation, calendar_for

days = st.dates(min_value=date(2000, 1, 1), max_value=date(2059, 12, 31))
counts = st.integers(min_value=0, max_value=200)
nations = st.sampled_from(list(Nation))
closure_sets = st.frozensets(st.dates(min_value=date(2024, 1, 1), max_value=date(2027, 12, 31)), max_size=8)


@given(nation=nations, start=days, n=st.integers(min_value=1, max_value=200))
def test_the_result_is_a_working_day_after_start(nation: Nation, start: date, n: int) -> None:
    calendar = calendar_for(nation)
    result = calendar.add_working_days(start, n)
    assert calendar.is_working_day(result)
    assert result > start


@given(nation=nations, start=days, n=counts, closures=closure_sets)
def test_between_inverts_add(nation: Nation, start: date, n: int, closures: frozenset[date]) -> None:
    calendar = calendar_for(nation, closures)
    assert calendar.working_days_between(start, calendar.add_working_days(start, n)) == n


@given(nation=nations, start=days, n=counts)
def test_add_matches_a_day_by_day_walk(nation: Nation, start: date, n: int) -> None:
    calendar = calendar_for(nation)
    day, left = start, n
    while left:
        day = date.fromordinal(day.toordinal() + 1)
        left -= calendar.is_working_day(day)
    assert calendar.add_working_days(start, n) == day


@given(nation=nations, a=days, b=days, n=counts, m=counts)
def test_add_is_monotonic_in_start_and_in_n(nation: Nation, a: date, b: date, n: int, m: int) -> None:
    calendar = calendar_for(nation)
    early, late = sorted((a, b))
    assert calendar.add_working_days(early, n) <= calendar.add_working_days(late, n)
    assert calendar.add_working_days(a, min(n, m)) <= calendar.add_working_days(a, max(n, m))


@given(nation=nations, a=days, b=days, c=days)
def test_between_is_monotonic_in_end_and_antitone_in_start(nation: Nation, a: date, b: date, c: date) -> None:
    calendar = calendar_for(nation)
    x, y = sorted((a, b))
    assert calendar.working_days_between(c, x) <= calendar.working_days_between(c, y)
    assert calendar.working_days_between(x, c) >= calendar.working_days_between(y, c)


@given(nation=nations, a=days, b=days, closures=closure_sets)
def test_between_is_antisymmetric(nation: Nation, a: date, b: date, closures: frozenset[date]) -> None:
    calendar = calendar_for(nation, closures)
    assert calendar.working_days_between(a, b) == -calendar.working_days_between(b, a)


@given(start=days, n=counts, closures=closure_sets)
def test_closures_never_bring_a_deadline_forward(start: date, n: int, closures: frozenset[date]) -> None:
    with_closures = calendar_for(Nation.ENGLAND_AND_WALES, closures)
    code = with_closures.without_closures()
    assert with_closures.add_working_days(start, n) >= code.add_working_days(start, n)
