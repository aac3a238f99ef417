"""The dashboard's first screen: the same figures as the full report, in a fixed number of queries (issue #21).

`selectors.glance` computes only what the first screen shows, from the stored day counts,
the kept "as at" counts and the days' counts by category; these tests hold every figure
it gives equal to `performance_report` and `rising_categories` counted the long way, over
generated years, for several periods, over every complaint and narrowed to a service area
and to a handler, and pin the page's queries whatever the number of complaints.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from putright.accounts.models import Role
from putright.cases.models import Complaint, StageRecord
from putright.demo.generate import generate
from putright.governance.models import AsAtFigures
from putright.governance.selectors.glance import Glance, PeriodGlance, glance
from putright.governance.selectors.performance import performance_report
from putright.governance.selectors.periods import Period, last_full_quarter
from putright.governance.selectors.report_types import PerformanceReport
from putright.governance.selectors.scope import EVERYTHING, Scope, scope_from
from putright.governance.selectors.themes import rising_categories
from putright.governance.services import figures_count
from putright.landlord.models import ServiceArea

pytestmark = pytest.mark.django_db
TODAY = date(2026, 12, 1)
NOW = datetime(2026, 12, 1, 12, tzinfo=UTC)
# The first screen over stored days and kept counts, nothing changed since the figures ran:
# the session, the user (twice: the session's and the role check's), the service areas for
# the period form, the landlord (the figures' homes, and the layout), the marks (once), the
# stored days of this period, the one before and the three before that (what is rising),
# the kept "as at" count of each period's end, the categories' names, the triage count.
FIRST_SCREEN_QUERIES = 16


def same_figures(seen: PeriodGlance, report: PerformanceReport) -> None:
    assert seen.as_at == report.period.as_at
    assert seen.stage1 == report.stage1
    assert seen.stage2 == report.stage2
    assert seen.refused == report.refused
    assert seen.tsm == report.tsm
    assert seen.follow_through.actions_overdue == report.follow_through.actions_overdue
    assert seen.follow_through.remedies_overdue == report.follow_through.remedies_overdue


def compare(period: Period, scope: Scope) -> Glance:
    figures = glance(period, today=TODAY, now=NOW, scope=scope)
    same_figures(figures.now, performance_report(period=period, today=TODAY, scope=scope))
    before = period.previous()
    same_figures(figures.before, performance_report(period=before, today=TODAY, scope=scope))
    assert list(figures.rising) == rising_categories(period)
    return figures


def test_the_first_screen_gives_the_same_figures_as_the_full_report_code_9_6(db: Any):
    generate(complaints=400, seed=5, today=TODAY, out=None)
    figures_count(now=NOW)
    area = ServiceArea.objects.filter(pk__in=Complaint.objects.values("service_area_id")).first()
    busiest = StageRecord.objects.exclude(handler=None).values_list("handler__username", flat=True).first()
    assert area is not None and busiest is not None
    scopes = [
        EVERYTHING,
        scope_from(service_area=area.slug, handler=None),
        scope_from(service_area=None, handler=busiest),
    ]
    periods = [
        last_full_quarter(TODAY),
        Period(date(2025, 4, 1), date(2026, 3, 31)),
        Period(date(2025, 10, 1), date(2025, 12, 31)),
        Period(TODAY - timedelta(days=60), TODAY + timedelta(days=10)),
    ]
    rising_seen = False
    for period in periods:
        for scope in scopes:
            # The first read counts and keeps what was overdue; the second reads what was kept.
            compare(period, scope)
            figures = compare(period, scope)
            rising_seen = rising_seen or any(c["rising"] for c in figures.rising)
    assert AsAtFigures.objects.exists()
    assert rising_seen


def first_screen_queries(client: Any) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get("/staff/reports/")
    assert response.status_code == 200
    return len(captured.captured_queries)


def test_the_first_screen_makes_the_same_queries_for_few_and_many_complaints_code_9_6(
    client: Any, make_user: Any
):
    today = timezone.localdate()
    client.force_login(make_user(Role.COMPLAINTS_OFFICER))
    counts = []
    for complaints, seed in ((20, 3), (300, 4)):
        generate(complaints=complaints, seed=seed, today=today, out=None)
        figures_count(now=timezone.now())
        client.get("/staff/reports/")  # keeps what was overdue at the end of each period
        counts.append(first_screen_queries(client))
    assert Complaint.objects.count() == 320
    assert counts == [FIRST_SCREEN_QUERIES, FIRST_SCREEN_QUERIES]
