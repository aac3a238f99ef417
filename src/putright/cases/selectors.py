"""Reads of the complaint record: bounded queries whatever the data size."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Prefetch, Q, QuerySet

from putright.cases.models import CaseEvent, Complaint, Extension, StageRecord, Status

OPEN_STATUSES = (Status.RECEIVED, Status.ACKNOWLEDGED)
MAX_PAGE_SIZE = 100


def complaint_queryset() -> QuerySet[Complaint]:
    """Everything a complaint's representation needs, in a fixed number of queries."""
    stages = StageRecord.objects.select_related("handler").prefetch_related(
        Prefetch("extensions", queryset=Extension.objects.order_by("created_at", "id"))
    )
    return Complaint.objects.select_related(
        "resident", "handler", "category", "representative"
    ).prefetch_related(Prefetch("stages", queryset=stages.order_by("stage")), "remedies", "actions")


def complaint_get(*, complaint_id: int) -> Complaint | None:
    return complaint_queryset().filter(pk=complaint_id).first()


@dataclass(frozen=True)
class ComplaintFilters:
    stage: int | None = None
    status: str | None = None
    overdue: bool = False
    handler_id: int | None = None
    category: str | None = None
    vulnerable: bool | None = None
    hazard: bool | None = None
    search: str = ""
    open_only: bool = False


def complaints_filtered(*, filters: ComplaintFilters, today: date) -> QuerySet[Complaint]:
    """Filtered complaints, most urgent first: hazards and vulnerability, then the next deadline (6.1)."""
    qs = Complaint.objects.all()
    if filters.stage is not None:
        qs = qs.filter(stage=filters.stage)
    if filters.status:
        qs = qs.filter(status=filters.status)
    if filters.open_only:
        qs = qs.filter(status__in=(*OPEN_STATUSES, Status.RESPONDED))
    if filters.overdue:
        qs = qs.filter(status__in=OPEN_STATUSES, next_due__lt=today)
    if filters.handler_id is not None:
        qs = qs.filter(handler_id=filters.handler_id)
    if filters.category:
        qs = qs.filter(category__slug=filters.category)
    if filters.vulnerable is not None:
        qs = qs.filter(vulnerable=filters.vulnerable)
    if filters.hazard is True:
        qs = qs.exclude(hazard="")
    if filters.search:
        term = filters.search.strip()
        qs = qs.filter(Q(reference__iexact=term) | Q(resident__name__icontains=term))
    return qs.order_by("-priority", "next_due", "id")


def complaints_page(
    *, filters: ComplaintFilters, today: date, page: int = 1, page_size: int = 25
) -> tuple[list[Complaint], bool]:
    """One page and whether another follows. No COUNT(*): it does not scale to millions of rows."""
    page_size = max(1, min(page_size, MAX_PAGE_SIZE))
    start = (max(page, 1) - 1) * page_size
    ids = list(
        complaints_filtered(filters=filters, today=today).values_list("id", flat=True)[
            start : start + page_size + 1
        ]
    )
    has_next = len(ids) > page_size
    ids = ids[:page_size]
    by_id = {c.pk: c for c in complaint_queryset().filter(pk__in=ids)}
    return [by_id[i] for i in ids if i in by_id], has_next


def complaint_events(*, complaint_id: int) -> QuerySet[CaseEvent]:
    return CaseEvent.objects.filter(complaint_id=complaint_id).order_by("at", "id")


def stage(complaint: Complaint, number: int) -> StageRecord | None:
    for record in complaint.stages.all():
        if record.stage == number:
            return record
    return None


def working_days_left(complaint: Complaint, today: date, calendar: Any) -> int | None:
    if complaint.next_due is None:
        return None
    return int(calendar.working_days_between(today, complaint.next_due))
