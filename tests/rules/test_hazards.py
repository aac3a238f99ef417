"""Awaab's Law hazard timescales (in force 27 October 2025) and the hazard keyword screen."""

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from putright.rules.calendar import WorkingDayCalendar
from putright.rules.hazards import (
    HazardKind,
    damp_mould_deadlines_after_investigation,
    hazard_deadlines,
    looks_like_hazard,
)

LONDON = ZoneInfo("Europe/London")
CAL = WorkingDayCalendar("england-and-wales", first_year=2024, last_year=2027)


def test_emergency_hazard_is_investigated_and_made_safe_within_24_hours() -> None:
    reported = datetime(2025, 11, 7, 16, 30, tzinfo=LONDON)
    deadlines = hazard_deadlines(HazardKind.EMERGENCY, reported_at=reported, calendar=CAL)
    assert deadlines is not None
    assert deadlines.investigate_by == reported + timedelta(hours=24)
    assert deadlines.make_safe_by == reported + timedelta(hours=24)


def test_emergency_24_hours_run_through_weekends_and_bank_holidays() -> None:
    reported = datetime(2025, 12, 24, 18, 0, tzinfo=UTC)
    deadlines = hazard_deadlines("emergency", reported_at=reported, calendar=CAL)
    assert deadlines is not None
    assert deadlines.make_safe_by == datetime(2025, 12, 25, 18, 0, tzinfo=UTC)


def test_damp_and_mould_is_investigated_within_10_working_days() -> None:
    # Fri 19 Dec 2025 is day 0; Christmas Day, Boxing Day and New Year's Day are skipped.
    reported = datetime(2025, 12, 19, 10, 0, tzinfo=LONDON)
    deadlines = hazard_deadlines(HazardKind.SIGNIFICANT_DAMP_MOULD, reported_at=reported, calendar=CAL)
    assert deadlines is not None
    assert deadlines.investigate_by == date(2026, 1, 7)
    assert deadlines.make_safe_by is None


def test_damp_and_mould_counts_from_the_date_in_england() -> None:
    # 23:30 UTC on Thursday 4 June 2026 is 00:30 on Friday 5 June in London (BST):
    # Friday is day 0.
    reported = datetime(2026, 6, 4, 23, 30, tzinfo=UTC)
    deadlines = hazard_deadlines("significant_damp_mould", reported_at=reported, calendar=CAL)
    assert deadlines is not None
    assert deadlines.investigate_by == date(2026, 6, 19)


def test_written_summary_in_3_and_make_safe_in_5_working_days_after_investigation() -> None:
    after = damp_mould_deadlines_after_investigation(investigated_on=date(2025, 11, 6), calendar=CAL)
    assert after.written_summary_by == date(2025, 11, 11)
    assert after.make_safe_by == date(2025, 11, 13)


def test_awaabs_law_does_not_apply_before_27_october_2025() -> None:
    before = datetime(2025, 10, 26, 23, 30, tzinfo=LONDON)
    # British Summer Time ended on 26 October 2025, so 23:59 UTC is still the 26th in London.
    late_utc = datetime(2025, 10, 26, 23, 59, tzinfo=UTC)
    assert hazard_deadlines("emergency", reported_at=before, calendar=CAL) is None
    assert hazard_deadlines("significant_damp_mould", reported_at=late_utc, calendar=CAL) is None
    first = datetime(2025, 10, 27, 0, 0, tzinfo=LONDON)
    assert hazard_deadlines("emergency", reported_at=first, calendar=CAL) is not None
    with pytest.raises(ValueError, match="in force"):
        damp_mould_deadlines_after_investigation(investigated_on=date(2025, 10, 24), calendar=CAL)


def test_reported_at_must_be_timezone_aware() -> None:
    with pytest.raises(ValueError, match="aware"):
        hazard_deadlines("emergency", reported_at=datetime(2025, 11, 7, 9, 0), calendar=CAL)


@pytest.mark.parametrize(
    "text",
    [
        "There is black mould in the bedroom",
        "The walls are damp and the baby is coughing",
        "Mold behind the wardrobe",
        "Dampness in the hallway since March",
        "Condensation pouring down the windows every morning",
        "The bathroom ceiling is mouldy",
    ],
)
def test_damp_and_mould_words_prompt_a_damp_and_mould_flag(text: str) -> None:
    assert looks_like_hazard(text) is HazardKind.SIGNIFICANT_DAMP_MOULD


@pytest.mark.parametrize(
    "text",
    [
        "I can smell gas in the kitchen",
        "Smell of gas near the boiler",
        "There is a gas leak",
        "The carbon monoxide alarm keeps going off",
        "My son got an electric shock from the switch",
        "Exposed wires in the hallway",
        "The socket was sparking",
        "There was a fire in the bin store",
        "The kitchen is flooded",
        "Sewage is coming up through the drain",
        "Part of the ceiling collapsed last night",
        "We have had no heating for a week",
        "No hot water since Monday",
        "Damp patches and now the ceiling has collapsed",
    ],
)
def test_emergency_words_prompt_an_emergency_flag(text: str) -> None:
    assert looks_like_hazard(text) is HazardKind.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "The repairs operative was rude to me",
        "I was charged the wrong rent in April",
        "My gas bill is too high",
        "The firefighters' charity collection was noisy",
        "The fireplace surround is chipped",
        "The decorative moulding on the ceiling is cracked",
        "The door damper is broken",
        "Nobody returned my calls about the parking permit",
        "",
    ],
)
def test_ordinary_complaints_do_not_prompt_a_hazard_flag(text: str) -> None:
    assert looks_like_hazard(text) is None
