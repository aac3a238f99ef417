"""The work queue as plain rows: urgency first, then the next deadline (Code 6.1)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone

from putright.cases import selectors
from putright.cases.models import Complaint, Hazard, Status
from putright.rules.calendar import WorkingDayCalendar
from putright.rules.hazards import due_instant
from putright.staff.presenters.deadlines import DUE_SOON_WORKING_DAYS, Deadline, deadline

OPEN = (Status.RECEIVED, Status.ACKNOWLEDGED)


@dataclass(frozen=True)
class QueueRow:
    url: str
    reference: str
    resident: str
    stage: int
    status: str
    status_class: str
    deadline: Deadline
    handler: str
    category: str
    hazard: str
    hazard_due: datetime | None
    hazard_words: str
    vulnerable: bool


@dataclass(frozen=True)
class StageCount:
    stage: int
    total: int
    overdue: int
    due_soon: int


@dataclass(frozen=True)
class QueuePage:
    rows: list[QueueRow]
    page: int
    has_next: bool
    counts: list[StageCount]
    waiting: int


_STATUS_CLASS = {
    Status.RECEIVED: "",
    Status.ACKNOWLEDGED: "govuk-tag--turquoise",
    Status.RESPONDED: "govuk-tag--purple",
    Status.CLOSED: "govuk-tag--grey",
    Status.REFUSED: "govuk-tag--grey",
    Status.WITHDRAWN: "govuk-tag--grey",
}


def _hazard_first(complaint: Complaint) -> datetime | None:
    """The hazard deadline when it is sooner than the complaint's: it then leads the row."""
    due = complaint.hazard_due_at
    if due is None:
        return None
    if complaint.next_due is not None and due_instant(complaint.next_due) <= due:
        return None
    return due


def _time_left(due: datetime | None) -> str:
    if due is None:
        return ""
    hours = int((due - timezone.now()).total_seconds() // 3600)
    if hours < 0:
        return "Overdue"
    return f"{hours} hours left" if hours < 48 else f"{hours // 24} days left"


def _row(complaint: Complaint, today: date, calendar: WorkingDayCalendar, show_vulnerable: bool) -> QueueRow:
    handler = complaint.handler
    return QueueRow(
        url=reverse("staff:case", args=[complaint.pk]),
        reference=complaint.reference,
        resident=complaint.resident.name,
        stage=complaint.stage,
        status=complaint.get_status_display(),
        status_class=_STATUS_CLASS.get(Status(complaint.status), ""),
        deadline=deadline(complaint.next_due, today, calendar),
        handler=handler.display_name if handler else "Not assigned",
        category=complaint.category.name if complaint.category else "",
        hazard=Hazard(complaint.hazard).label if complaint.hazard else "",
        hazard_due=_hazard_first(complaint),
        hazard_words=_time_left(_hazard_first(complaint)),
        vulnerable=show_vulnerable and complaint.vulnerable,
    )


def _unassigned_page(
    filters: selectors.ComplaintFilters, today: date, page: int, page_size: int
) -> tuple[list[Complaint], bool]:
    # The selector has no "no handler" filter; this narrows its queryset the same way it pages.
    start = (page - 1) * page_size
    ids = list(
        selectors.complaints_filtered(filters=filters, today=today)
        .filter(handler__isnull=True)
        .values_list("id", flat=True)[start : start + page_size + 1]
    )
    has_next = len(ids) > page_size
    ids = ids[:page_size]
    by_id = {c.pk: c for c in selectors.complaint_queryset().filter(pk__in=ids)}
    return [by_id[i] for i in ids if i in by_id], has_next


def stage_counts(
    filters: selectors.ComplaintFilters, *, unassigned: bool, today: date, soon: date
) -> list[StageCount]:
    """Complaints, overdue and due soon by stage, for the current filters: one grouped query."""
    qs = selectors.complaints_filtered(filters=replace(filters, stage=None), today=today).order_by()
    if unassigned:
        qs = qs.filter(handler__isnull=True)
    rows = qs.values("stage").annotate(
        total=Count("id"),
        overdue=Count("id", filter=Q(status__in=OPEN, next_due__lt=today)),
        due_soon=Count("id", filter=Q(status__in=OPEN, next_due__gte=today, next_due__lte=soon)),
    )
    found: dict[int, dict[str, Any]] = {r["stage"]: dict(r) for r in rows}
    empty = {"total": 0, "overdue": 0, "due_soon": 0}
    return [
        StageCount(stage, (c := found.get(stage, empty))["total"], c["overdue"], c["due_soon"])
        for stage in (1, 2)
    ]


def queue_page(
    *,
    filters: selectors.ComplaintFilters,
    unassigned: bool,
    today: date,
    page: int,
    page_size: int,
    calendar: WorkingDayCalendar,
    show_vulnerable: bool,
) -> QueuePage:
    """One page of the queue with counts by stage. The page costs the same queries at any size."""
    if unassigned:
        complaints, has_next = _unassigned_page(filters, today, page, page_size)
    else:
        complaints, has_next = selectors.complaints_page(
            filters=filters, today=today, page=page, page_size=page_size
        )
    soon = calendar.add_working_days(today, DUE_SOON_WORKING_DAYS)
    return QueuePage(
        rows=[_row(c, today, calendar, show_vulnerable) for c in complaints],
        page=page,
        has_next=has_next,
        counts=stage_counts(filters, unassigned=unassigned, today=today, soon=soon),
        waiting=waiting_for_a_handler(today),
    )


def waiting_for_a_handler(today: date) -> int:
    """Open complaints nobody is handling (stage 2 escalations start like this, Code 6.13)."""
    open_ones = selectors.ComplaintFilters(open_only=True)
    return selectors.complaints_filtered(filters=open_ones, today=today).filter(handler__isnull=True).count()


def filters_in_use(data: dict[str, Any]) -> bool:
    """True when any filter beyond the defaults is in use."""
    return any(v not in (None, "", False) for k, v in data.items() if k != "page")
