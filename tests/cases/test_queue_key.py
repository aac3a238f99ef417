"""The queue's key: the instant the next running deadline passes (issue 16)."""

from __future__ import annotations

from datetime import UTC, date, datetime

from putright.cases.services.queue_key import running_due_at


def test_a_date_deadline_passes_at_the_end_of_its_day_in_england():
    # 27 October 2026 is after the clocks go back: midnight in England is midnight UTC.
    assert running_due_at(hazard_due_at=None, next_due=date(2026, 10, 27), promised=[]) == datetime(
        2026, 10, 28, 0, 0, tzinfo=UTC
    )
    # In summer time the day ends at 23:00 UTC.
    assert running_due_at(hazard_due_at=None, next_due=date(2026, 7, 1), promised=[]) == datetime(
        2026, 7, 1, 23, 0, tzinfo=UTC
    )


def test_an_emergency_hazard_due_in_hours_leads_a_response_due_next_week():
    hazard = datetime(2026, 11, 3, 15, 0, tzinfo=UTC)
    assert running_due_at(hazard_due_at=hazard, next_due=date(2026, 11, 10), promised=[None]) == hazard


def test_a_promised_date_sooner_than_the_stage_deadline_is_the_one_running_code_6_6():
    due = running_due_at(hazard_due_at=None, next_due=date(2026, 11, 20), promised=[None, date(2026, 11, 5)])
    assert due == datetime(2026, 11, 6, 0, 0, tzinfo=UTC)


def test_nothing_running_gives_no_key_so_the_case_goes_to_the_separate_list():
    assert running_due_at(hazard_due_at=None, next_due=None, promised=[None, None]) is None
