"""Every figure of the performance report against hand-computed values (see scenario.py)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from putright.governance.selectors.performance import performance_report
from putright.governance.selectors.periods import Period
from putright.governance.selectors.report_types import FollowThrough, PerformanceReport
from putright.governance.selectors.stage_types import Decisions, ExtensionCounts, StageComplaints
from tests.governance.scenario import PERIOD, Scenario

pytestmark = pytest.mark.django_db
TODAY = date(2026, 11, 23)


@pytest.fixture
def report(scenario: Scenario) -> PerformanceReport:
    return performance_report(period=PERIOD, today=TODAY)


def test_stage_one_complaints_count_in_the_period_of_receipt_in_england_code_6_2(report):
    # A, B (23:30 UTC on 31 March is 1 April in England), D (last day), F, G, H, I; not C or E.
    one = report.stage1
    assert one.received == 7
    assert one.refused == 1
    assert one.accepted == 6
    assert one.withdrawn == 1
    assert one.vulnerable == 1


def test_acknowledgement_within_timescale_counts_bank_holidays_as_non_working_code_6_2(report):
    # A acknowledged on 10 April: in time only because Good Friday and Easter Monday are not working days.
    one = report.stage1
    assert one.acknowledged == 4  # A, B, H, I
    assert one.acknowledged_within_timescale == 3  # B was acknowledged late
    assert report.stage2.acknowledged == 1
    assert report.stage2.acknowledged_within_timescale == 1


def test_responses_count_in_the_period_sent_and_extensions_are_within_timescale_code_6_3_6_4(report):
    one = report.stage1
    assert one.responded == 4  # A, B, C (received before the period), H (last day)
    assert one.responded_within_timescale == 2
    assert one.responded_within_timescale_without_extension == 1  # A
    assert one.responded_within_timescale_with_extension == 1  # B, due 5 May after the 4 May holiday
    assert one.responded_late == 2
    assert one.extended == 1
    assert one.responded_within_timescale_pct == pytest.approx(50.0)
    assert one.decisions == Decisions(upheld=2, partly_upheld=0, not_upheld=2)


def test_stage_two_counts_in_the_period_of_the_escalation_request_code_6_11_6_14(report):
    two = report.stage2
    assert two.received == 1
    assert two.responded == 1
    assert two.responded_within_timescale == 1
    assert two.decisions == Decisions(upheld=0, partly_upheld=1, not_upheld=0)


def test_working_days_taken_median_and_90th_percentile_use_the_code_calendar(report):
    # Stage 1 working days from receipt: C 12, A 15, B 21, H 40.
    days = report.stage1.working_days
    assert days.count == 4
    assert days.median == pytest.approx(18.0)
    assert days.p90 == pytest.approx(34.3)
    assert days.mean == pytest.approx(22.0)
    assert report.stage2.working_days.median == pytest.approx(20.0)


def test_extensions_notified_in_the_period_with_their_days_code_6_4(report):
    assert report.stage1.extensions_notified == ExtensionCounts(count=1, good_reason=0, working_days=5)
    assert report.stage2.extensions_notified == ExtensionCounts(count=0, good_reason=0, working_days=0)


def test_refused_complaints_are_reported_by_reason_code_8_1b(report):
    refused = report.refused
    assert refused.total == 1
    assert refused.by_reason["legal_proceedings"] == 1
    assert refused.by_reason["over_12_months"] == 0
    assert refused.escalation_refused.total == 1
    assert refused.escalation_refused.by_reason["other"] == 1


def test_escalation_rate_is_stage_one_responses_later_escalated(report):
    assert report.escalation_rate_pct == pytest.approx(25.0)


def test_categories_and_channels_count_complaints_received(report):
    by_name = {row.name: (row.stage1, row.stage2) for row in report.categories}
    assert by_name == {"Repairs": (4, 0), "Damp and mould": (1, 1), "Not categorised": (2, 0)}
    assert report.channels["email"] == 2
    assert report.channels["web"] == 2
    assert report.channels["phone"] == 2
    assert report.channels["letter"] == 1


def test_remedies_by_kind_and_financial_total_code_7_1(report):
    remedies = report.remedies
    assert remedies.total == 3
    assert remedies.by_kind["financial"] == 2
    assert remedies.by_kind["apology"] == 1
    assert remedies.financial_total == Decimal("400.50")


def test_overdue_actions_and_remedies_as_at_the_end_of_the_period_code_6_6_7_3(report):
    assert report.period.as_at == date(2026, 6, 30)
    assert report.follow_through == FollowThrough(
        actions_open=2,
        actions_overdue=1,
        remedies_open=2,  # A's apology and C's stage 2 payment (no due date)
        remedies_overdue=1,
    )
    assert report.stage1.responses_overdue == 1  # I, due 23 June
    assert report.stage1.acknowledgements_overdue == 0  # D is due 7 July


def test_ch01_counts_only_lcra_and_lcho_tenants_per_1000_homes_of_their_tenure(report):
    ch01 = report.tsm.ch01
    # Accepted: A, B, D, G, H, I; G is a leaseholder, so the LCRA and LCHO total is 5.
    assert ch01.stage1_complaints == 5
    assert ch01.stage1_per_1000_homes == pytest.approx(5 * 1000 / 2500)
    assert ch01.stage2_per_1000_homes == pytest.approx(1 * 1000 / 2500)
    assert ch01.lcra.stage1_complaints == 4  # A, B, H, I
    assert ch01.lcra.stage1_per_1000_homes == pytest.approx(2.0)
    assert ch01.lcho.stage1_per_1000_homes == pytest.approx(2.0)  # D
    assert ch01.lcho.stage2_per_1000_homes == pytest.approx(2.0)  # C
    assert ch01.lcra.stage2_per_1000_homes == 0
    assert report.tsm.not_counted.other_tenure == StageComplaints(stage1_complaints=1, stage2_complaints=0)
    assert report.tsm.not_counted.unknown_tenure == StageComplaints(stage1_complaints=0, stage2_complaints=0)


def test_ch02_is_the_share_of_responses_within_the_code_timescales(report):
    ch02 = report.tsm.ch02
    assert ch02.stage1_within_timescale_pct == pytest.approx(50.0)
    assert ch02.stage2_within_timescale_pct == pytest.approx(100.0)
    assert ch02.lcra.stage1_within_timescale_pct == pytest.approx(200 / 3)
    # B was on time only with its extension.
    assert ch02.lcra.stage1_within_timescale_without_extension_pct == pytest.approx(100 / 3)
    assert ch02.lcho.stage1_within_timescale_pct == pytest.approx(0.0)
    assert ch02.lcra.stage2_within_timescale_pct is None
    assert any("Withdrawn" in rule for rule in report.tsm.counting_rules)


def test_a_day_outside_the_period_moves_complaints_across_the_boundary(scenario):
    # One day later: A and B (1 April) leave; E (1 July) joins; D (30 June) stays.
    shifted = performance_report(period=Period(date(2026, 4, 2), date(2026, 7, 1)), today=TODAY)
    assert shifted.stage1.received == 6  # D, E, F, G, H, I
    assert shifted.stage1.responded == 4


def test_empty_period_has_no_percentages(db):
    empty = performance_report(period=Period(date(2030, 1, 1), date(2030, 3, 31)), today=TODAY)
    assert empty.stage1.received == 0
    assert empty.tsm.ch02.stage1_within_timescale_pct is None
    assert empty.tsm.ch01.stage1_per_1000_homes is None or empty.tsm.homes.total > 0
