"""How many open complaints each handler and each stage holds, overdue and due soon: the
counts the team view and the lists show on every view (issue 21).

Read from `OpenCount` (kept by database triggers, see `cases.models.open_counts`) when the
filters are ones it holds: open complaints, by handler or nobody, overdue or not. Any other
filter (a category, a search, a status) counts the complaints themselves, which those
filters have already narrowed. Both give the same numbers: the suite checks the rows against
a live count after every test that touches the database (`tests/open_counts.py`).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db.models import Count, Q, QuerySet, Sum
from django.db.models.functions import Coalesce

from putright.cases.models import OpenCount
from putright.cases.selectors.complaints import OPEN_STATUSES, ComplaintFilters, complaints_filtered

STAGE_FIELDS = ("total", "overdue", "due_soon", "idle")
HANDLER_FIELDS = ("stage_one", "stage_two", "overdue", "due_soon")


def _sum(condition: Q | None = None) -> Coalesce:
    return Coalesce(Sum("n", filter=condition), 0)


def open_counts_hold(filters: ComplaintFilters) -> bool:
    """True when `OpenCount` holds the counts for these filters (stage and the running tab
    are left to the caller, which groups by stage and counts both tabs)."""
    return filters.open_only and not (
        filters.status
        or filters.category
        or filters.service_area
        or filters.vulnerable is not None
        or filters.hazard is not None
        or filters.search
    )


def _open_counts(filters: ComplaintFilters, today: date) -> QuerySet[OpenCount]:
    rows = OpenCount.objects.order_by()
    if filters.handler_id is not None:
        rows = rows.filter(handler_id=filters.handler_id)
    if filters.unassigned:
        rows = rows.filter(handler_id__isnull=True)
    if filters.overdue:
        rows = rows.filter(running=True, next_due__lt=today)
    return rows


def complaint_counts_by_stage(
    *, filters: ComplaintFilters, today: date, soon: date
) -> dict[int, dict[str, int]]:
    """For each stage with complaints under `filters` (whatever their stage and tab): how many,
    how many overdue and due by `soon` (acknowledgement or response), and how many have
    nothing running. One grouped query."""
    if open_counts_hold(filters):
        counted: QuerySet[Any] = (
            _open_counts(filters, today)
            .values("stage")
            .annotate(
                total=_sum(),
                overdue=_sum(Q(running=True, next_due__lt=today)),
                due_soon=_sum(Q(running=True, next_due__gte=today, next_due__lte=soon)),
                idle=_sum(Q(idle=True)),
            )
        )
    else:
        counted = (
            complaints_filtered(filters=filters, today=today)
            .order_by()
            .values("stage")
            .annotate(
                total=Count("id"),
                overdue=Count("id", filter=Q(status__in=OPEN_STATUSES, next_due__lt=today)),
                due_soon=Count(
                    "id", filter=Q(status__in=OPEN_STATUSES, next_due__gte=today, next_due__lte=soon)
                ),
                idle=Count("id", filter=Q(due_at__isnull=True)),
            )
        )
    # A stage whose rows have summed to nothing holds no complaints: it is left out, as a
    # live count leaves it out.
    return {r["stage"]: {f: r[f] for f in STAGE_FIELDS} for r in counted if r["total"]}


def open_counts_by_handler(*, today: date, soon: date) -> dict[int | None, dict[str, int]]:
    """Open complaints per handler (None: nobody), by stage, with how many are overdue and due
    by `soon`: one grouped query over `OpenCount`, whatever the number of complaints."""
    counted: QuerySet[Any] = (
        OpenCount.objects.order_by()
        .values("handler_id")
        .annotate(
            stage_one=_sum(Q(stage=1)),
            stage_two=_sum(Q(stage=2)),
            overdue=_sum(Q(running=True, next_due__lt=today)),
            due_soon=_sum(Q(running=True, next_due__gte=today, next_due__lte=soon)),
        )
    )
    return {
        r["handler_id"]: {f: r[f] for f in HANDLER_FIELDS}
        for r in counted
        if r["stage_one"] or r["stage_two"]
    }
