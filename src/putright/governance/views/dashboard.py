"""The performance dashboard's first screen: a period against the period before (Code 9.6, 9.7a).

It shows what it computes and computes what it shows (`selectors.glance`): are we on time,
what is overdue, what is rising, the headline figures and the complaints of unknown tenure.
Every other figure is on the detail page (`dashboard_detail`), a link away with the same
period and scope.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from putright.governance.documents import glance as charts
from putright.governance.documents.fmt import change, num, pct
from putright.governance.selectors.glance import PeriodGlance, glance
from putright.governance.views._common import page, period_and_scope, period_links, reports_view


def _headlines(report: PeriodGlance, previous: PeriodGlance) -> list[dict[str, str]]:
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
    now = timezone.now()
    today = timezone.localdate(now)
    period, scope, context = period_and_scope(request, today)
    if period is not None and scope is not None:
        figures = glance(period, today=today, now=now, scope=scope)
        this, before = figures.now, figures.before
        label = before.period.label()
        context.update(
            period_links(period, scope),
            report=this,
            previous_period=before.period,
            headlines=_headlines(this, before),
            on_time=charts.on_time(this, before, label),
            overdue=charts.overdue(this, before, label),
            rising=charts.rising(figures.rising),
            rising_names=[c["name"] for c in figures.rising if c["rising"]],
        )
    status = 200 if context["period"] else 400
    return page(request, "governance/dashboard.html", context, here="dashboard", status=status)
