"""Working-day arithmetic: the acceptance examples and a table of worked examples.

Counting rule: the day of `start` is day 0; N working days later is the Nth working day after.
"""

from __future__ import annotations

from datetime import date

import pytest

from putright.rules.calendar import Nation, UnknownNation, WorkingDayCalendar, calendar_for

EW = Nation.ENGLAND_AND_WALES
SCOT = Nation.SCOTLAND
NI = Nation.NORTHERN_IRELAND


def test_christmas_eve_2026_plus_five_working_days_is_5_january_2027() -> None:
    assert calendar_for().add_working_days(date(2026, 12, 24), 5) == date(2027, 1, 5)


def test_friday_19_december_2025_plus_five_working_days_is_30_december_2025() -> None:
    assert calendar_for().add_working_days(date(2025, 12, 19), 5) == date(2025, 12, 30)


def test_scotland_new_years_eve_2026_plus_one_working_day_is_5_january_2027() -> None:
    # 1 Jan (Fri) and 2 Jan (Sat) are holidays; the 2 January holiday moves to Monday 4th.
    assert calendar_for("scotland").add_working_days(date(2026, 12, 31), 1) == date(2027, 1, 5)


def test_working_days_between_christmas_eve_2026_and_5_january_2027_is_five() -> None:
    assert calendar_for().working_days_between(date(2026, 12, 24), date(2027, 1, 5)) == 5


def test_a_saturday_receipt_is_acknowledged_by_the_friday() -> None:
    saturday = date(2025, 3, 1)
    assert calendar_for().add_working_days(saturday, 5) == date(2025, 3, 7)


# (nation, start, n, expected, why)
WORKED_EXAMPLES = [
    (EW, date(2025, 4, 17), 1, date(2025, 4, 22), "Good Friday and Easter Monday 2025"),
    (SCOT, date(2025, 4, 17), 1, date(2025, 4, 21), "Easter Monday is not a Scottish holiday"),
    (NI, date(2025, 4, 17), 1, date(2025, 4, 22), "Easter Monday is a holiday in NI"),
    (EW, date(2025, 5, 2), 1, date(2025, 5, 6), "early May bank holiday 5 May 2025"),
    (EW, date(2020, 5, 7), 1, date(2020, 5, 11), "early May moved to Fri 8 May 2020 (VE Day)"),
    (EW, date(2025, 5, 23), 1, date(2025, 5, 27), "spring bank holiday 26 May 2025"),
    (EW, date(2025, 8, 1), 1, date(2025, 8, 4), "4 Aug 2025 is a working day in E&W"),
    (SCOT, date(2025, 8, 1), 1, date(2025, 8, 5), "Scotland's summer holiday, first Mon Aug"),
    (EW, date(2025, 8, 22), 1, date(2025, 8, 26), "E&W summer bank holiday 25 Aug 2025"),
    (SCOT, date(2025, 8, 22), 1, date(2025, 8, 25), "25 Aug 2025 is a Scottish working day"),
    (NI, date(2025, 3, 14), 1, date(2025, 3, 18), "St Patrick's Day, Mon 17 Mar 2025"),
    (EW, date(2025, 3, 14), 1, date(2025, 3, 17), "17 March is a working day in E&W"),
    (NI, date(2024, 7, 11), 1, date(2024, 7, 15), "Battle of the Boyne, Fri 12 Jul 2024"),
    (NI, date(2026, 7, 10), 1, date(2026, 7, 14), "12 Jul 2026 is a Sunday: substitute Mon 13"),
    (SCOT, date(2025, 11, 28), 1, date(2025, 12, 2), "St Andrew's Day substitute Mon 1 Dec 2025"),
    (EW, date(2021, 12, 24), 1, date(2021, 12, 29), "Christmas at a weekend: 27, 28 Dec 2021"),
    (EW, date(2022, 12, 23), 1, date(2022, 12, 28), "Christmas Sun 2022: Mon 26, Tue 27"),
    (EW, date(2021, 12, 31), 1, date(2022, 1, 4), "New Year's Day Sat 2022: Mon 3 Jan"),
    (SCOT, date(2021, 12, 31), 1, date(2022, 1, 5), "Scotland 2022: Mon 3 and Tue 4 Jan"),
    (EW, date(2022, 6, 1), 1, date(2022, 6, 6), "Spring bank holiday 2 Jun + Platinum Jubilee"),
    (EW, date(2022, 9, 16), 1, date(2022, 9, 20), "Queen's state funeral, Mon 19 Sep 2022"),
    (NI, date(2022, 9, 16), 1, date(2022, 9, 20), "the funeral holiday was UK-wide"),
    (EW, date(2023, 5, 5), 1, date(2023, 5, 9), "Coronation of Charles III, Mon 8 May 2023"),
    (EW, date(2023, 5, 5), 0, date(2023, 5, 5), "n == 0 is the start itself"),
    (EW, date(2023, 5, 6), 0, date(2023, 5, 6), "n == 0 even on a Saturday"),
    (EW, date(2024, 12, 24), 5, date(2025, 1, 3), "Christmas 2024: Wed 25, Thu 26, Wed 1 Jan"),
]


@pytest.mark.parametrize(("nation", "start", "n", "expected", "why"), WORKED_EXAMPLES)
def test_worked_examples(nation: Nation, start: date, n: int, expected: date, why: str) -> None:
    calendar = calendar_for(nation)
    assert calendar.add_working_days(start, n) == expected, why
    assert calendar.working_days_between(start, expected) == n, why


def test_working_days_between_is_negative_when_end_is_before_start() -> None:
    calendar = calendar_for()
    assert calendar.working_days_between(date(2027, 1, 5), date(2026, 12, 24)) == -5
    assert calendar.working_days_between(date(2026, 1, 5), date(2026, 1, 5)) == 0


def test_negative_n_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="0 or more"):
        calendar_for().add_working_days(date(2026, 1, 5), -1)


@pytest.mark.parametrize("day", [date(1999, 12, 31), date(2061, 1, 1)])
def test_dates_outside_the_range_are_a_value_error(day: date) -> None:
    with pytest.raises(ValueError, match="outside this calendar's range"):
        calendar_for().add_working_days(day, 1)
    with pytest.raises(ValueError, match="outside this calendar's range"):
        calendar_for().working_days_between(date(2026, 1, 5), day)


def test_running_off_the_end_of_the_range_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="beyond this calendar's range"):
        calendar_for().add_working_days(date(2060, 12, 20), 30)


def test_a_smaller_range_is_supported() -> None:
    calendar = WorkingDayCalendar(first_year=2026, last_year=2027)
    assert calendar.add_working_days(date(2026, 12, 24), 5) == date(2027, 1, 5)
    with pytest.raises(ValueError):
        calendar.is_working_day(date(2025, 12, 31))


def test_weekend_dates_of_holidays_are_not_listed_only_their_substitutes() -> None:
    listed = calendar_for().holidays_between(date(2021, 12, 24), date(2022, 1, 4))
    assert [d for d, _ in listed] == [date(2021, 12, 27), date(2021, 12, 28), date(2022, 1, 3)]
    assert all("observed" in name for _, name in listed)


def test_holidays_between_excludes_the_start_day_and_includes_the_end_day() -> None:
    calendar = calendar_for()
    assert calendar.holidays_between(date(2025, 12, 25), date(2025, 12, 26)) == [
        (date(2025, 12, 26), "Boxing Day")
    ]


def test_closures_extend_deadlines_and_the_codes_calendar_ignores_them() -> None:
    closures = [date(2025, 12, 29), date(2025, 12, 30), date(2025, 12, 31), date(2025, 12, 27)]
    with_closures = calendar_for(closures=closures)
    assert with_closures.closures == frozenset(closures)
    assert not with_closures.is_working_day(date(2025, 12, 29))
    assert with_closures.add_working_days(date(2025, 12, 19), 5) == date(2026, 1, 5)
    code = with_closures.without_closures()
    assert code.closures == frozenset()
    assert code.add_working_days(date(2025, 12, 19), 5) == date(2025, 12, 30)
    # Saturday 27 December is not a working day anyway, so it extends nothing.
    assert with_closures.closures_between(date(2025, 12, 19), date(2026, 1, 5)) == [
        date(2025, 12, 29),
        date(2025, 12, 30),
        date(2025, 12, 31),
    ]


def test_calendar_for_is_cached_and_accepts_the_nation_as_a_string() -> None:
    assert calendar_for("scotland") is calendar_for(Nation.SCOTLAND)
    assert calendar_for(closures=[date(2025, 12, 29)]) is calendar_for(closures=(date(2025, 12, 29),))
    assert calendar_for().without_closures() is calendar_for()


def test_an_unknown_nation_lists_the_valid_ones() -> None:
    with pytest.raises(UnknownNation, match="england-and-wales, scotland, northern-ireland"):
        calendar_for("wales")
    assert issubclass(UnknownNation, ValueError)


def test_is_working_day() -> None:
    calendar = calendar_for()
    assert calendar.is_working_day(date(2026, 1, 5))
    assert not calendar.is_working_day(date(2026, 1, 3))  # Saturday
    assert not calendar.is_working_day(date(2026, 1, 1))  # New Year's Day


def test_working_day_numbers_differ_by_the_working_days_between_them() -> None:
    calendar = calendar_for()
    start, end = date(2026, 12, 24), date(2027, 1, 5)
    assert calendar.working_day_number(end) - calendar.working_day_number(start) == 5
    # A weekend or bank holiday has the number of the working day before it.
    assert calendar.working_day_number(date(2026, 12, 25)) == calendar.working_day_number(start)
    with pytest.raises(ValueError, match="outside this calendar's range"):
        calendar.working_day_number(date(1900, 1, 1))
