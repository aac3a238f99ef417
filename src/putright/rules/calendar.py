"""Working days for the Code's timescales: weekdays less a nation's bank holidays.

The Code (6.2, 6.3, 6.11, 6.14) counts in working days but does not define them. putright's
rule: Monday to Friday, less the bank holidays of the landlord's nation, less any office
closure days the landlord records. Closures are not exemptions in the Code, so a calendar
with closures can always be compared with `without_closures()`, the Code's own calendar.

Counting rule everywhere: the day of `start` is day 0, whatever day it is; a deadline of N
working days is the Nth working day after it.

Lookups are O(1): on construction the calendar precomputes, for every day in its range, how
many working days fall on or before it, and the list of working days itself.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from datetime import date, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

import holidays

# Every date the Code counts from is the date in England: a moment becomes a day here.
ENGLAND = ZoneInfo("Europe/London")
_WEEKEND = 5  # date.weekday(): Saturday is 5, Sunday 6.


class Nation(StrEnum):
    """The bank-holiday calendars of the United Kingdom."""

    ENGLAND_AND_WALES = "england-and-wales"
    SCOTLAND = "scotland"
    NORTHERN_IRELAND = "northern-ireland"


# Always explicit: without a subdivision `holidays` returns only the UK-wide days and drops
# Easter Monday and the August bank holiday.
_SUBDIVISION: dict[Nation, str] = {
    Nation.ENGLAND_AND_WALES: "ENG",
    Nation.SCOTLAND: "SCT",
    Nation.NORTHERN_IRELAND: "NIR",
}


class UnknownNation(ValueError):
    """A nation string that is not one of `Nation`'s values."""


def _nation(value: Nation | str) -> Nation:
    if isinstance(value, Nation):
        return value
    try:
        return Nation(str(value).strip().lower())
    except ValueError:
        valid = ", ".join(n.value for n in Nation)
        raise UnknownNation(f"Unknown nation {value!r}; expected one of: {valid}") from None


def _bank_holidays(nation: Nation, first_year: int, last_year: int) -> dict[date, str]:
    """Bank holidays that fall on weekdays.

    `holidays` also lists the calendar date of a holiday that falls at a weekend (Christmas
    Day on a Saturday) next to its "(observed)" substitute day. Only the substitute is a
    bank holiday (GOV.UK lists only it), and weekends are never working days anyway.
    """
    table = holidays.country_holidays(
        "GB",
        subdiv=_SUBDIVISION[nation],
        years=range(first_year, last_year + 1),
        categories=("public",),
    )
    return {day: str(name) for day, name in table.items() if day.weekday() < _WEEKEND}


class WorkingDayCalendar:
    """Working days of one nation between 1 January `first_year` and 31 December `last_year`.

    Dates outside that range raise ValueError rather than guess.
    """

    def __init__(
        self,
        nation: Nation | str = Nation.ENGLAND_AND_WALES,
        *,
        closures: Iterable[date] = (),
        first_year: int = 2000,
        last_year: int = 2060,
    ) -> None:
        if first_year > last_year:
            raise ValueError(f"first_year {first_year} is after last_year {last_year}")
        self.nation: Nation = _nation(nation)
        self.closures: frozenset[date] = frozenset(closures)
        self.first_year = first_year
        self.last_year = last_year
        self._bank_holidays = _bank_holidays(self.nation, first_year, last_year)
        self._first = date(first_year, 1, 1)
        self._last = date(last_year, 12, 31)
        self._base = self._first.toordinal()
        span = self._last.toordinal() - self._base + 1
        # _flag[i]: day base+i is a working day. _count[i]: working days on or before it.
        # _days[k]: the (k+1)th working day of the range, so the first working day after a
        # day with _count == c is _days[c].
        self._flag = bytearray(span)
        self._count: list[int] = [0] * span
        self._days: list[date] = []
        excluded = self._bank_holidays.keys() | self.closures
        running = 0
        day = self._first
        one = timedelta(days=1)
        for i in range(span):
            if day.weekday() < _WEEKEND and day not in excluded:
                self._flag[i] = 1
                self._days.append(day)
                running += 1
            self._count[i] = running
            day += one

    def __repr__(self) -> str:
        return (
            f"WorkingDayCalendar({self.nation.value!r}, closures={len(self.closures)} days, "
            f"{self.first_year}-{self.last_year})"
        )

    def _index(self, day: date) -> int:
        i = day.toordinal() - self._base
        if i < 0 or i >= len(self._count):
            raise ValueError(
                f"{day.isoformat()} is outside this calendar's range "
                f"{self._first.isoformat()} to {self._last.isoformat()}"
            )
        return i

    def is_working_day(self, day: date) -> bool:
        """Monday to Friday, not a bank holiday of the nation, not a closure day."""
        return self._flag[self._index(day)] == 1

    def add_working_days(self, start: date, n: int) -> date:
        """The Nth working day after `start` (Code 6.2, 6.3, 6.11, 6.14).

        The day of `start` is day 0, whatever day it is (a weekend or holiday included), so
        n == 0 returns `start` and n == 1 the first working day after it. n < 0 is a
        ValueError.
        """
        if n < 0:
            raise ValueError(f"n must be 0 or more, not {n}")
        if n == 0:
            self._index(start)
            return start
        k = self._count[self._index(start)] + n - 1
        if k >= len(self._days):
            raise ValueError(
                f"{n} working days after {start.isoformat()} is beyond this calendar's "
                f"range (last day {self._last.isoformat()})"
            )
        return self._days[k]

    def working_days_between(self, start: date, end: date) -> int:
        """Working days after `start` up to and including `end` (Code 6.2, 6.3, 6.11, 6.14).

        The day of `start` is day 0 and is never counted, so the result is 0 when
        `end == start`. For `end < start` the result is the negative of
        `working_days_between(end, start)`, which makes the function antisymmetric and
        `working_days_between(d, add_working_days(d, n)) == n`.
        """
        return self._count[self._index(end)] - self._count[self._index(start)]

    def working_day_number(self, day: date) -> int:
        """How many working days of this calendar's range fall on or before `day`: two
        numbers' difference is `working_days_between`. A reader counting many spans over the
        same few hundred dates looks each date up once."""
        return self._count[self._index(day)]

    def holidays_between(self, start: date, end: date) -> list[tuple[date, str]]:
        """Bank holidays on weekdays in (start, end], with their names, in date order.

        The day of `start` is day 0 and is not included.
        """
        self._index(start)
        self._index(end)
        return sorted((d, name) for d, name in self._bank_holidays.items() if start < d <= end)

    def closures_between(self, start: date, end: date) -> list[date]:
        """Closure days in (start, end] that would otherwise be working days.

        These are the days by which the landlord's closures push a deadline beyond the
        Code's; the day of `start` is day 0 and is not included.
        """
        self._index(start)
        self._index(end)
        return sorted(
            d
            for d in self.closures
            if start < d <= end and d.weekday() < _WEEKEND and d not in self._bank_holidays
        )

    def without_closures(self) -> WorkingDayCalendar:
        """The Code's own calendar: the same nation and range with no closure days."""
        if not self.closures:
            return self
        return _cached(self.nation, frozenset(), self.first_year, self.last_year)


@functools.lru_cache(maxsize=64)
def _cached(nation: Nation, closures: frozenset[date], first_year: int, last_year: int) -> WorkingDayCalendar:
    return WorkingDayCalendar(nation, closures=closures, first_year=first_year, last_year=last_year)


def calendar_for(
    nation: Nation | str = Nation.ENGLAND_AND_WALES, closures: Iterable[date] = ()
) -> WorkingDayCalendar:
    """A shared calendar for `nation` and `closures` (built once, then cached)."""
    return _cached(_nation(nation), frozenset(closures), 2000, 2060)
