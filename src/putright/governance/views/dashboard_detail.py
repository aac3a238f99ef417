"""The performance dashboard's detail: every figure for the period against the one before
(Code 8.1b, 9.6, 9.7a), by stage, the Regulator's measures, outcomes, categories, refusals,
the Ombudsman's cases, hazards, and by service area and by handler; and the extensions
with their reasons for those who may see them. The first screen (`dashboard`) links here.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from putright.governance.access import access_sees_personal_data
from putright.governance.documents.blocks import Heading
from putright.governance.documents.figures import performance_blocks
from putright.governance.documents.responsibility import responsibility_blocks
from putright.governance.selectors import breakdowns
from putright.governance.selectors.performance import performance_report
from putright.governance.views._common import page, period_and_scope, period_links, reports_view


@reports_view
def dashboard_detail(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    period, scope, context = period_and_scope(request, today)
    if period is not None and scope is not None:
        report = performance_report(period=period, today=today, scope=scope, responsibility=True)
        before = period.previous()
        previous = performance_report(period=before, today=today, scope=scope)
        # Staff pages only: the published reports (annual, board) name no handlers.
        blocks = performance_blocks(report, previous, previous_label=before.label())
        blocks += responsibility_blocks(report)
        context.update(
            period_links(period, scope),
            report=report,
            previous_period=before,
            blocks=blocks,
            sections=[b.text for b in blocks if isinstance(b, Heading) and b.level == 2],
            extensions=breakdowns.extensions_listed(period, scope=scope)
            if access_sees_personal_data(request.user)
            else None,
        )
    status = 200 if context["period"] else 400
    return page(request, "governance/dashboard_detail.html", context, here="dashboard", status=status)
