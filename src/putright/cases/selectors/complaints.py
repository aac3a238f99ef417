"""Complaints as lists and pages show them: the queue's filters and order, one complaint in full.

Bounded queries whatever the data size: a page chooses its ids on the ordering index and
joins only those rows to what they show, in one statement and a fixed number of queries.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import F, Prefetch, Q, QuerySet

from putright.cases.models import Action, CaseEvent, Complaint, Extension, Refusal, StageRecord, Status
from putright.cases.selectors.limits import page_window

OPEN_STATUSES = (Status.RECEIVED, Status.ACKNOWLEDGED)


def complaint_queryset() -> QuerySet[Complaint]:
    """Everything a complaint's representation needs, in a fixed number of queries."""
    stages = StageRecord.objects.select_related("handler").prefetch_related(
        Prefetch("extensions", queryset=Extension.objects.order_by("created_at", "id"))
    )
    return Complaint.objects.select_related(
        "resident", "handler", "category", "service_area", "representative"
    ).prefetch_related(
        Prefetch("stages", queryset=stages.order_by("stage")),
        "remedies",
        # The case page names each action's owner: one join, not a query per owner.
        Prefetch("actions", queryset=Action.objects.select_related("owner")),
        Prefetch("refusals", queryset=Refusal.objects.order_by("id")),
    )


# What a list row reads (staff.presenters.queue): a complaint and its resident are wide rows,
# and building 25 of each whole was a third of the list's time in Python.
ROW_FIELDS = (
    "reference",
    "stage",
    "status",
    "next_due",
    "due_at",
    "hazard_due_at",
    "hazard",
    "vulnerable",
    "resident__name",
    "handler__username",
    "handler__first_name",
    "handler__last_name",
    "category__name",
)


def complaint_row_queryset() -> QuerySet[Complaint]:
    """What one line of a list of complaints shows (My work, All complaints): the complaint,
    its resident, handler and category, in one query. No stages, remedies or actions: a list
    of 25 would otherwise load a few hundred rows it never shows."""
    return Complaint.objects.select_related("resident", "handler", "category").only(*ROW_FIELDS)


def complaint_get(*, complaint_id: int) -> Complaint | None:
    return complaint_queryset().filter(pk=complaint_id).first()


URGENT_FIRST = (F("due_at").asc(nulls_last=True), "-priority", "id")


@dataclass(frozen=True)
class ComplaintFilters:
    stage: int | None = None
    status: str | None = None
    overdue: bool = False
    handler_id: int | None = None
    # Only complaints nobody is handling (stage 2 escalations start like this, Code 6.13).
    unassigned: bool = False
    category: str | None = None
    service_area: str | None = None
    vulnerable: bool | None = None
    hazard: bool | None = None
    search: str = ""
    open_only: bool = False
    # True: only complaints with a deadline running; False: only those with none (a list of its own).
    running: bool | None = None


def complaints_filtered(*, filters: ComplaintFilters, today: date) -> QuerySet[Complaint]:
    """Filtered complaints, most urgent first: the next running deadline, then flags (6.1)."""
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
    if filters.unassigned:
        qs = qs.filter(handler__isnull=True)
    if filters.category:
        qs = qs.filter(category__slug=filters.category)
    if filters.service_area:
        qs = qs.filter(service_area__slug=filters.service_area)
    if filters.vulnerable is not None:
        qs = qs.filter(vulnerable=filters.vulnerable)
    if filters.hazard is True:
        qs = qs.exclude(hazard="")
    if filters.search:
        term = filters.search.strip()
        qs = qs.filter(Q(reference__iexact=term) | Q(resident__name__icontains=term))
    if filters.running is not None:
        qs = qs.filter(due_at__isnull=not filters.running)
    # The next running deadline first (overdue, then soonest: a hazard duty, the acknowledgement
    # or response, a promised date); flags only order complaints due at the same moment, and
    # those with nothing running come last. Matches the index `complaint_open_due`.
    return qs.order_by(*URGENT_FIRST)


def complaints_page(
    *,
    filters: ComplaintFilters,
    today: date,
    page: int = 1,
    page_size: int = 25,
    rows: Callable[[], QuerySet[Complaint]] = complaint_queryset,
) -> tuple[list[Complaint], bool]:
    """One page and whether another follows. No COUNT(*): it does not scale to millions of rows.
    `rows` loads the page's complaints: everything by default, `complaint_row_queryset` for a
    list that shows one line each."""
    page_size, start = page_window(page, page_size)
    # The page's ids are chosen on the ordering index alone, and only those rows are joined
    # to what they show: a deep page skips ids, not joined rows. One statement, one round trip.
    ids = complaints_filtered(filters=filters, today=today).values("id")[start : start + page_size + 1]
    found = list(rows().filter(pk__in=ids).order_by(*URGENT_FIRST))
    return found[:page_size], len(found) > page_size


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
