"""The figures by day kept by `putright figures` never change a report, only its speed (issues #7, #9).

A report adds up stored days where nothing has changed since they were counted and
counts the rest live, so every test here compares against the same report counted
entirely from the record.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from putright.cases import services
from putright.cases.models import UncountedChange
from putright.demo.generate import generate
from putright.governance.models import DayFigures
from putright.governance.selectors.performance import performance_report
from putright.governance.selectors.periods import Period
from putright.governance.services import figures_count
from tests.governance.scenario import NOW, PERIOD, Scenario

pytestmark = pytest.mark.django_db
TODAY = NOW.date()


def live_report(period: Period, today: date) -> dict[str, Any]:
    """The report counted from the record alone: what the stored days must always add up to."""
    saved = list(DayFigures.objects.all())
    DayFigures.objects.all().delete()
    try:
        return performance_report(period=period, today=today)
    finally:
        DayFigures.objects.bulk_create(saved)


def test_stored_days_give_the_same_figures_as_counting_the_record_code_8_1b(scenario: Scenario):
    counted = figures_count(now=NOW)
    assert counted.days > 0
    assert not UncountedChange.objects.exists()
    for period in (
        PERIOD,
        PERIOD.previous(),
        Period(date(2026, 3, 1), TODAY),
        Period(date(2026, 6, 1), date(2026, 6, 30)),
    ):
        assert performance_report(period=period, today=TODAY) == live_report(period, TODAY)


def test_generated_years_add_up_the_same_stored_or_live(db: Any):
    today = date(2026, 12, 1)
    generate(complaints=300, seed=3, today=today, out=None)
    assert UncountedChange.objects.count() == 300  # the generator marks what it adds
    figures_count(now=datetime(2026, 12, 1, 12, tzinfo=UTC))
    for period in (
        Period(today - timedelta(days=364), today),
        Period(date(2025, 4, 1), date(2026, 3, 31)),
        Period(date(2024, 1, 1), date(2024, 3, 31)),
        Period(today - timedelta(days=20), today + timedelta(days=10)),
    ):
        assert performance_report(period=period, today=today) == live_report(period, today)


def test_a_change_after_the_count_shows_in_the_next_report_at_once_code_8_1b(
    scenario: Scenario, handler: Any
):
    figures_count(now=NOW)
    before = performance_report(period=PERIOD, today=TODAY)
    services.complaint_respond(
        actor=handler,
        now=NOW,
        complaint_id=scenario.complaints["I"].pk,
        responded_on=date(2026, 6, 29),
        late_entry_reason="Sent on the day; entered later",
        decision="upheld",
        reasons="Because",
        no_remedy_reason="The repair is done",
    )
    assert UncountedChange.objects.filter(complaint=scenario.complaints["I"]).exists()
    after = performance_report(period=PERIOD, today=TODAY)
    assert after.stage1.responded == before.stage1.responded + 1
    assert after == live_report(PERIOD, TODAY)
    figures_count(now=NOW)
    assert not UncountedChange.objects.exists()
    assert performance_report(period=PERIOD, today=TODAY) == after


def test_stored_days_are_what_the_report_reads_until_a_rebuild(scenario: Scenario):
    figures_count(now=NOW)
    day = DayFigures.objects.get(day=date(2026, 6, 8))  # complaint I was received that day
    assert day.counts["got|1|received"] == 1
    day.counts["got|1|received"] = 100
    day.save()
    assert performance_report(period=PERIOD, today=TODAY).stage1.received == 7 + 99
    figures_count(now=NOW, rebuild=True)
    assert performance_report(period=PERIOD, today=TODAY).stage1.received == 7


def test_today_is_never_stored_and_always_counted_live(scenario: Scenario, handler: Any):
    figures_count(now=NOW)
    assert not DayFigures.objects.filter(day__gte=TODAY).exists()
    services.complaint_log(
        actor=handler,
        now=NOW,
        data=services.NewComplaint(
            channel="phone",
            received_at=NOW,
            description="No hot water",
            resident=services.ResidentDetails(name="New Resident", tenure="general_needs"),
        ),
    )
    today = Period(TODAY, TODAY)
    assert performance_report(period=today, today=TODAY).stage1.received == 1


def test_a_year_report_reads_a_bounded_number_of_queries_stored_or_live(scenario: Scenario):
    year = Period(TODAY - timedelta(days=364), TODAY)
    with CaptureQueriesContext(connection) as live:
        performance_report(period=year, today=TODAY)
    figures_count(now=NOW)
    with CaptureQueriesContext(connection) as stored:
        performance_report(period=year, today=TODAY)
    assert len(live) <= 30
    assert len(stored) <= len(live) + 2  # the stored days and the days changed since


def test_the_command_counts_with_progress_and_says_what_it_did(scenario: Scenario):
    out, err = StringIO(), StringIO()
    call_command("figures", stdout=out, stderr=err)
    assert "Counted" in out.getvalue() and "days" in out.getvalue()
    assert "figures [" in err.getvalue()
    out = StringIO()
    call_command("figures", "--rebuild", "--quiet", stdout=out)
    assert DayFigures.objects.exists()


def test_each_stored_day_keeps_its_categories_as_its_whole_tally_counts_them(db: Any):
    generate(complaints=200, seed=6, today=date(2026, 12, 1), out=None)
    figures_count(now=datetime(2026, 12, 1, 12, tzinfo=UTC))
    days = list(DayFigures.objects.all())
    assert any(day.categories for day in days)
    for day in days:
        assert day.categories == {k: n for k, n in day.counts.items() if k.startswith("category|1|")}


def test_the_migration_gives_days_stored_before_it_their_categories(db: Any):
    import importlib

    from django.apps import apps

    generate(complaints=100, seed=7, today=date(2026, 12, 1), out=None)
    figures_count(now=datetime(2026, 12, 1, 12, tzinfo=UTC))
    expected = dict(DayFigures.objects.values_list("day", "categories"))
    DayFigures.objects.update(categories={})
    importlib.import_module("putright.governance.migrations.0008_day_categories").fill(apps, None)
    assert dict(DayFigures.objects.values_list("day", "categories")) == expected
    assert any(expected.values())
