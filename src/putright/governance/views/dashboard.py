"""The performance dashboard: figures for a chosen period against the period before (Code 9.6, 9.7a)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from putright.governance.access import access_sees_personal_data
from putright.governance.documents import glance
from putright.governance.documents.blocks import Chart, Heading
from putright.governance.documents.figures import performance_blocks
from putright.governance.documents.fmt import change, num, pct
from putright.governance.documents.responsibility import responsibility_blocks
from putright.governance.selectors import breakdowns
from putright.governance.selectors.performance import performance_report
from putright.governance.selectors.report_types import PerformanceReport
from putright.governance.selectors.themes import rising_categories
from putright.governance.views._common import (
    page,
    period_from,
    period_query,
    reports_view,
    scope_of,
    with_scope,
)


def _headlines(report: PerformanceReport, previous: PerformanceReport) -> list[dict[str, str]]:
    one, two = report.stage1, report.stage2
    before_one, before_two = previous.stage1, previous.stage2
    ch01, ch02 = report.tsm.ch01, report.tsm.ch02
    before_ch01, before_ch02 = previous.tsm.ch01, previous.tsm.ch02
    rows: list[tuple[str, ...]] = [
        (
            "Stage 1 complaints received",
            num(one.received),
            change(one.received, before_one.received),
            "got.1.received",
        ),
        (
            "Stage 2 complaints received",
            num(two.received),
            change(two.received, before_two.received),
            "got.2.received",
        ),
        (
            "Stage 1 responses within timescale (CH02)",
            pct(ch02.stage1_within_timescale_pct),
            change(ch02.stage1_within_timescale_pct, before_ch02.stage1_within_timescale_pct),
        ),
        (
            "Stage 2 responses within timescale (CH02)",
            pct(ch02.stage2_within_timescale_pct),
            change(ch02.stage2_within_timescale_pct, before_ch02.stage2_within_timescale_pct),
        ),
        (
            "Stage 1 complaints per 1,000 homes (CH01)",
            num(ch01.stage1_per_1000_homes, 2),
            change(ch01.stage1_per_1000_homes, before_ch01.stage1_per_1000_homes),
        ),
        (
            "Complaints not accepted",
            num(report.refused.total),
            change(report.refused.total, previous.refused.total),
            "refused.1.all",
        ),
        *(
            (
                f"Stage {n} responses overdue at period end",
                num(now.responses_overdue),
                change(now.responses_overdue, then.responses_overdue),
                f"overdue.{n}.responses",
            )
            for n, now, then in ((1, one, before_one), (2, two, before_two))
        ),
    ]
    # A count opens the list of the cases behind it (its figure key); a percentage does not.
    return [
        {"label": row[0], "value": row[1], "change": row[2], "key": row[3] if len(row) > 3 else ""}
        for row in rows
    ]


@reports_view
def dashboard(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    period, form = period_from(request, today)
    scope, scope_form = scope_of(request)
    context: dict[str, Any] = {
        "form": form,
        "scope_form": scope_form,
        "errors": form.error_summary() + scope_form.error_summary(),
        "period": period if scope is not None else None,
    }
    if period is not None and scope is not None:
        report = performance_report(period=period, today=today, scope=scope, responsibility=True)
        before = period.previous()
        previous = performance_report(period=before, today=today, scope=scope)
        blocks = performance_blocks(report, previous, previous_label=before.label())
        # Staff pages only: the published reports (annual, board) name no handlers.
        blocks += responsibility_blocks(report)
        categories = rising_categories(period)
        timeliness = glance.on_time(report, previous, before.label())
        context.update(
            report=report,
            scope=scope,
            scope_query=scope.query(),
            period_only=period_query(period),
            previous_period=before,
            headlines=_headlines(report, previous),
            on_time=timeliness,
            overdue=glance.overdue(report, previous, before.label()),
            rising=glance.rising(categories),
            rising_names=[c["name"] for c in categories if c["rising"]],
            # The first screen has the timeliness chart; the detail keeps everything else.
            blocks=[b for b in blocks if not (isinstance(b, Chart) and b.title == timeliness.title)],
            sections=[b.text for b in blocks if isinstance(b, Heading) and b.level == 2],
            query=with_scope(period_query(period), scope),
            extensions=breakdowns.extensions_listed(period, scope=scope)
            if access_sees_personal_data(request.user)
            else None,
        )
    status = 200 if context["period"] else 400
    return page(request, "governance/dashboard.html", context, here="dashboard", status=status)
