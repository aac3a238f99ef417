"""Cross-check every bank holiday of every nation against GOV.UK's own list.

`govuk-bank-holidays` ships GOV.UK's list (use_cached_holidays=True, no network). Both
directions are compared for every year the cached list covers; each known difference is
named below with its reason, never ignored wholesale.
"""

from __future__ import annotations

from datetime import date

import pytest
from govuk_bank_holidays.bank_holidays import BankHolidays

from putright.rules.calendar import Nation, WorkingDayCalendar

_DIVISION = {
    Nation.ENGLAND_AND_WALES: BankHolidays.ENGLAND_AND_WALES,
    Nation.SCOTLAND: BankHolidays.SCOTLAND,
    Nation.NORTHERN_IRELAND: BankHolidays.NORTHERN_IRELAND,
}

# Holidays proclaimed after govuk-bank-holidays' cached list was made: in `holidays`, not
# (yet) in the GOV.UK copy. Each is a real bank holiday.
KNOWN_ONLY_IN_HOLIDAYS: dict[Nation, set[date]] = {
    # Scotland's one-off bank holiday for the FIFA World Cup (Privy Council proclamation,
    # February 2026), after govuk-bank-holidays 0.19's cached list.
    Nation.SCOTLAND: {date(2026, 6, 15)},
}
# Days on GOV.UK's list that `holidays` lacks. None known.
KNOWN_ONLY_ON_GOVUK: dict[Nation, set[date]] = {}

_BANK_HOLIDAYS = BankHolidays(use_cached_holidays=True)


def _govuk(nation: Nation) -> dict[date, str]:
    return {h["date"]: h["title"] for h in _BANK_HOLIDAYS.get_holidays(division=_DIVISION[nation])}


def _years_covered(nation: Nation) -> range:
    years = sorted({d.year for d in _govuk(nation)})
    # The cached list must cover whole years without gaps, or the comparison would be unfair.
    assert years == list(range(years[0], years[-1] + 1))
    return range(years[0], years[-1] + 1)


def test_the_cached_govuk_list_covers_2012_to_2028() -> None:
    for nation in Nation:
        covered = _years_covered(nation)
        assert covered.start <= 2012
        assert covered.stop - 1 >= 2028


@pytest.mark.parametrize("nation", list(Nation))
def test_bank_holidays_match_govuk_in_both_directions(nation: Nation) -> None:
    years = _years_covered(nation)
    # One year earlier so that 1 January lies inside (start, end].
    calendar = WorkingDayCalendar(nation, first_year=years.start - 1, last_year=years.stop - 1)
    ours = {
        d for d, _ in calendar.holidays_between(date(years.start - 1, 12, 31), date(years.stop - 1, 12, 31))
    }
    govuk = set(_govuk(nation))
    assert ours - govuk == KNOWN_ONLY_IN_HOLIDAYS.get(nation, set())
    assert govuk - ours == KNOWN_ONLY_ON_GOVUK.get(nation, set())


@pytest.mark.parametrize("nation", list(Nation))
def test_no_govuk_bank_holiday_is_a_working_day(nation: Nation) -> None:
    calendar = WorkingDayCalendar(nation, first_year=2012, last_year=2028)
    for day in _govuk(nation):
        if 2012 <= day.year <= 2028:
            assert not calendar.is_working_day(day), day


def test_the_known_differences_are_still_differences() -> None:
    # If GOV.UK's cached list catches up, this fails so the exception above is removed.
    for nation, days in KNOWN_ONLY_IN_HOLIDAYS.items():
        assert not days & set(_govuk(nation)), nation
