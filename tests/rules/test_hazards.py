"""Awaab's Law duties as worked examples: each test names the requirement it guarantees.

The Hazards in Social Housing (Prescribed Requirements) (England) Regulations 2025, in
force 27 October 2025. Emergency clocks are exact instants; significant ones count working
days of England and Wales with the day of awareness as day 0.
"""

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from putright.rules.calendar import WorkingDayCalendar
from putright.rules.hazard_data import DUTIES, Duty
from putright.rules.hazard_scope import HHSRS, PHASES, HazardKind, phase_covering
from putright.rules.hazards import (
    Progress,
    deadlines,
    due_instant,
    emergency_deadline,
    met_in_time,
    next_deadline,
    open_duties,
    overdue_duties,
)

LONDON = ZoneInfo("Europe/London")
CAL = WorkingDayCalendar("england-and-wales", first_year=2024, last_year=2027)
E, S = HazardKind.EMERGENCY, HazardKind.SIGNIFICANT


def at(y: int, m: int, d: int, hh: int = 9, mm: int = 0) -> datetime:
    return datetime(y, m, d, hh, mm, tzinfo=LONDON)


def test_emergency_investigated_within_24_hours_of_awareness_not_of_flagging() -> None:
    # The gas smell: reported 09:00 Mon 3 Nov 2025, flagged 15:00 the next day.
    found = deadlines(Progress(kind=E, aware_at=at(2025, 11, 3, 9)), CAL)
    assert found.investigate_by == at(2025, 11, 4, 9)
    assert found.make_safe_by == at(2025, 11, 4, 9)


def test_emergency_24_hours_cross_the_october_clock_change_as_elapsed_time() -> None:
    # Reported 23:30 BST on Saturday 24 Oct 2026; clocks go back at 02:00 BST on Sunday 25th.
    reported = at(2026, 10, 24, 23, 30)
    due = emergency_deadline(reported)
    assert due - reported == timedelta(hours=24)
    assert due.astimezone(LONDON) == datetime(2026, 10, 25, 22, 30, tzinfo=LONDON)
    assert due.astimezone(LONDON).strftime("%H:%M %Z") == "22:30 GMT"


def test_emergency_24_hours_cross_the_march_clock_change_as_elapsed_time() -> None:
    reported = at(2026, 3, 28, 12, 0)  # GMT; clocks go forward at 01:00 on Sunday 29th
    due = emergency_deadline(reported)
    assert due.astimezone(LONDON).strftime("%H:%M %Z") == "13:00 BST"


def test_emergency_24_hours_run_through_weekends_and_bank_holidays() -> None:
    reported = datetime(2025, 12, 24, 18, 0, tzinfo=UTC)
    assert emergency_deadline(reported) == datetime(2025, 12, 25, 18, 0, tzinfo=UTC)


def test_significant_hazard_investigated_within_10_working_days_of_awareness() -> None:
    # The damp and mould: reported Mon 3 Nov 2025 (flagged Fri 7 Nov): due Mon 17 Nov.
    assert deadlines(Progress(kind=S, aware_at=at(2025, 11, 3)), CAL).investigate_by == date(2025, 11, 17)


def test_significant_hazard_reported_at_the_weekend_counts_that_day_as_day_0() -> None:
    assert deadlines(Progress(kind=S, aware_at=at(2025, 11, 8, 14)), CAL).investigate_by == date(2025, 11, 21)


def test_significant_hazard_investigation_skips_christmas_and_new_year_bank_holidays() -> None:
    # Mon 22 Dec 2025: 25, 26 Dec and 1 Jan are not working days.
    assert deadlines(Progress(kind=S, aware_at=at(2025, 12, 22)), CAL).investigate_by == date(2026, 1, 8)


def test_significant_hazard_day_0_is_the_date_in_england_not_in_utc() -> None:
    # 23:30 UTC on Thu 15 Oct 2026 is 00:30 BST on Fri 16 Oct: Friday is day 0.
    aware = datetime(2026, 10, 15, 23, 30, tzinfo=UTC)
    assert deadlines(Progress(kind=S, aware_at=aware), CAL).investigate_by == date(2026, 10, 30)


def test_written_summary_within_3_and_safety_work_within_5_working_days_of_the_investigation() -> None:
    progress = Progress(
        kind=S, aware_at=at(2025, 12, 10), investigated_at=at(2025, 12, 18, 15), hazard_found=True
    )
    found = deadlines(progress, CAL)
    assert found.written_summary_by == date(2025, 12, 23)
    assert found.make_safe_by == date(2025, 12, 29)  # 24 Dec, then 29 Dec after two bank holidays
    assert found.begin_further_works_by == date(2025, 12, 29)
    assert found.start_further_works_by == date(2026, 3, 12)  # 12 weeks


def test_written_summary_skips_good_friday_and_easter_monday() -> None:
    progress = Progress(kind=S, aware_at=at(2026, 3, 25), investigated_at=at(2026, 4, 1), hazard_found=True)
    assert deadlines(progress, CAL).written_summary_by == date(2026, 4, 8)


def test_an_investigation_finding_no_hazard_still_owes_the_written_summary_and_nothing_else() -> None:
    progress = Progress(kind=S, aware_at=at(2025, 11, 3), investigated_at=at(2025, 11, 5), hazard_found=False)
    assert set(deadlines(progress, CAL).by_duty()) == {Duty.INVESTIGATE, Duty.WRITTEN_SUMMARY}
    assert progress.closed


def test_a_date_deadline_is_met_by_anything_done_that_day_in_england() -> None:
    assert due_instant(date(2025, 11, 17)) == datetime(2025, 11, 18, 0, 0, tzinfo=LONDON)
    late = Progress(kind=S, aware_at=at(2025, 11, 3), investigated_at=at(2025, 11, 18, 0, 5))
    on_time = Progress(kind=S, aware_at=at(2025, 11, 3), investigated_at=at(2025, 11, 17, 23, 55))
    assert met_in_time(late, CAL) == {Duty.INVESTIGATE: False}
    assert met_in_time(on_time, CAL) == {Duty.INVESTIGATE: True}


def test_alternative_accommodation_within_24_hours_meets_the_emergency_duty() -> None:
    progress = Progress(
        kind=E,
        aware_at=at(2025, 11, 3, 9),
        investigated_at=at(2025, 11, 3, 12),
        accommodation_at=at(2025, 11, 4, 8),
    )
    assert met_in_time(progress, CAL) == {Duty.INVESTIGATE: True, Duty.MAKE_SAFE: True}
    assert progress.closed and open_duties(progress, CAL) == {}


def test_open_duties_come_soonest_first_and_overdue_ones_are_named() -> None:
    progress = Progress(kind=S, aware_at=at(2025, 11, 3), investigated_at=at(2025, 11, 10), hazard_found=True)
    duties = open_duties(progress, CAL)
    assert next(iter(duties)) is Duty.WRITTEN_SUMMARY
    assert next_deadline(progress, CAL) == (Duty.WRITTEN_SUMMARY, date(2025, 11, 13))
    overdue = overdue_duties(progress, CAL, now=at(2025, 11, 18, 10))
    assert set(overdue) == {Duty.WRITTEN_SUMMARY, Duty.MAKE_SAFE, Duty.BEGIN_WORKS}


def test_a_recorded_exception_stops_running_clocks_but_never_excuses_a_missed_one() -> None:
    progress = Progress(
        kind=S,
        aware_at=at(2025, 11, 3),
        investigated_at=at(2025, 11, 10),
        hazard_found=True,
        summary_sent_on=date(2025, 11, 11),
        stopped_at=at(2025, 11, 14),  # household decanted: make-safe was due 17 Nov
    )
    assert open_duties(progress, CAL) == {}
    missed = Progress(kind=E, aware_at=at(2025, 11, 3, 9), stopped_at=at(2025, 11, 5))
    assert set(overdue_duties(missed, CAL, now=at(2025, 11, 6))) == {Duty.INVESTIGATE, Duty.MAKE_SAFE}


def test_phase_1_covers_damp_and_mould_as_significant_and_every_hazard_but_crowding_as_emergency() -> None:
    day = date(2025, 10, 27)
    assert len(HHSRS) == 29
    assert phase_covering(S, "damp_and_mould", aware_on=day) is PHASES[0]
    assert phase_covering(S, "excess_cold", aware_on=day) is None
    assert phase_covering(E, "crowding_and_space", aware_on=day) is None
    assert all(phase_covering(E, h, aware_on=day) for h in HHSRS if h != "crowding_and_space")


def test_nothing_is_in_scope_before_27_october_2025() -> None:
    assert phase_covering(S, "damp_and_mould", aware_on=date(2025, 10, 26)) is None
    assert phase_covering(E, "fire", aware_on=date(2025, 10, 26)) is None


def test_every_duty_names_its_source_and_the_day_it_took_effect() -> None:
    for rule in DUTIES:
        assert rule.reference.startswith("HSH Regs 2025: ")
        assert rule.effective == date(2025, 10, 27)


def test_a_naive_awareness_time_is_refused() -> None:
    with pytest.raises(ValueError):
        deadlines(Progress(kind=E, aware_at=datetime(2025, 11, 7, 9)), CAL)
