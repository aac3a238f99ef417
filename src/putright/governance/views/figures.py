"""The cases behind a figure: one list per count on the dashboard, the report and the TSM table."""

from __future__ import annotations

from typing import Any

from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone

from putright.cases.access import access_can_work_cases
from putright.governance.selectors.drill import drill
from putright.governance.views._common import (
    page,
    period_and_scope,
    period_query,
    reports_view,
    with_scope,
)
from putright.ui.pages import page_number

PAGE_SIZE = 50


@reports_view
def figure_cases(request: HttpRequest) -> HttpResponse:
    """`?figure=KEY` and the period: the complaints the figure counts, paged, with downloads.

    The total is the figure itself (the same conditions, counted again), so the officer can
    see that the list is complete before exporting it.
    """
    today = timezone.localdate()
    period, scope, asked = period_and_scope(request, today)
    if period is None or scope is None:
        return page(
            request, "governance/dashboard.html", {**asked, "period": None}, here="dashboard", status=400
        )
    found = drill(request.GET.get("figure", ""), period=period, today=today, scope=scope)
    if found is None:
        raise Http404("There is no such figure")
    number = page_number(request)
    start = (number - 1) * PAGE_SIZE
    rows = list(
        found.complaints.select_related("category", "service_area")
        .only("id", "reference", "received_on", "status", "stage", "category__name", "service_area__name")
        .order_by("received_on", "id")[start : start + PAGE_SIZE + 1]
    )
    shown = rows[:PAGE_SIZE]
    per_case: dict[int, int] = {}
    if found.items is not None:
        per_case = dict(
            found.items.filter(complaint_id__in=[c.pk for c in shown])
            .order_by()
            .values_list("complaint_id")
            .annotate(n=Count("id"))
        )
    query = f"figure={found.key}&{with_scope(period_query(period), scope)}"
    context: dict[str, Any] = {
        "drill": found,
        "period": period,
        "rows": [(c, per_case.get(c.pk, 0)) for c in shown],
        "has_next": len(rows) > PAGE_SIZE,
        "page_number": number,
        "query": query,
        "dashboard_query": with_scope(period_query(period), scope),
        "scope": scope,
        "complaints": found.complaints.count(),
        "items": found.items.count() if found.items is not None else None,
        "can_open": access_can_work_cases(request.user),
    }
    return page(request, "governance/figure_cases.html", context, here="dashboard")
