"""The work queue as plain rows, in two lists (issue 16, Code 6.1).

Running: complaints with a deadline running, ordered by the instant the next one passes
(overdue first, soonest next), whichever it is: a hazard duty, the acknowledgement or
response, or a date promised for a remedy or action. Flags (vulnerability, a hazard) order
complaints due at the same moment, never above an earlier deadline. Nothing running: the
rest, a separate list ordered by flags, so they never bury work that is due.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import Any

from django.utils import timezone

from putright.cases import selectors
from putright.cases.models import Complaint, Hazard, Status
from putright.core.dates import ENGLAND
from putright.rules.calendar import WorkingDayCalendar
from putright.rules.hazards import due_instant
from putright.staff.presenters.deadlines import DUE_SOON_WORKING_DAYS, Deadline, deadline
from putright.ui.links import link


@dataclass(frozen=True)
class QueueRow:
    url: str
    reference: str
    resident: str
    stage: int
    status: str
    status_class: str
    deadline: Deadline
    # What the running deadline is: "hazard", "acknowledge", "respond", "promise" or "" (none).
    running: str
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
    waiting: selectors.UpTo
    # Which list this is ("running" or "nothing running"), and how many each list holds.
    running: bool
    running_total: int
    nothing_running_total: int


_STATUS_CLASS = {
    Status.RECEIVED: "",
    Status.ACKNOWLEDGED: "govuk-tag--turquoise",
    Status.RESPONDED: "govuk-tag--purple",
    Status.CLOSED: "govuk-tag--grey",
    Status.REFUSED: "govuk-tag--grey",
    Status.WITHDRAWN: "govuk-tag--grey",
}


def _running(complaint: Complaint) -> tuple[str, date | None]:
    """Which deadline the stored key `due_at` is, and its date for a date deadline."""
    due = complaint.due_at
    if due is None:
        return "", None
    if complaint.hazard_due_at is not None and complaint.hazard_due_at == due:
        return "hazard", None
    if complaint.next_due is not None and due_instant(complaint.next_due) == due:
        return ("acknowledge" if complaint.status == Status.RECEIVED else "respond"), complaint.next_due
    # A date deadline passes at the end of its day in England: the day before that instant.
    return "promise", (due.astimezone(ENGLAND) - timedelta(days=1)).date()


def _time_left(due: datetime | None) -> str:
    if due is None:
        return ""
    hours = int((due - timezone.now()).total_seconds() // 3600)
    if hours < 0:
        return "Overdue"
    return f"{hours} hours left" if hours < 48 else f"{hours // 24} days left"


def _row(complaint: Complaint, today: date, calendar: WorkingDayCalendar, show_vulnerable: bool) -> QueueRow:
    handler = complaint.handler
    running, due_on = _running(complaint)
    hazard_due = complaint.due_at if running == "hazard" else None
    return QueueRow(
        url=link("staff:case", complaint.pk),
        reference=complaint.reference,
        resident=complaint.resident.name,
        stage=complaint.stage,
        status=complaint.get_status_display(),
        status_class=_STATUS_CLASS.get(Status(complaint.status), ""),
        deadline=deadline(due_on if running != "hazard" else complaint.next_due, today, calendar),
        running=running,
        handler=handler.display_name if handler else "Not assigned",
        category=complaint.category.name if complaint.category else "",
        hazard=Hazard(complaint.hazard).label if complaint.hazard else "",
        hazard_due=hazard_due,
        hazard_words=_time_left(hazard_due),
        vulnerable=show_vulnerable and complaint.vulnerable,
    )


def stage_counts(
    filters: selectors.ComplaintFilters, *, today: date, soon: date
) -> tuple[list[StageCount], int]:
    """Complaints, overdue and due soon by stage for the current filters (both lists), and
    how many have nothing running: one grouped query."""
    found = selectors.complaint_counts_by_stage(
        filters=replace(filters, stage=None, running=None), today=today, soon=soon
    )
    empty = {"total": 0, "overdue": 0, "due_soon": 0, "idle": 0}
    counts = [
        StageCount(stage, (c := found.get(stage, empty))["total"], c["overdue"], c["due_soon"])
        for stage in (1, 2)
    ]
    # The stage filter narrows the lists, so the tab totals follow it too.
    chosen = [filters.stage] if filters.stage is not None else list(found)
    return counts, sum(found.get(stage, empty)["idle"] for stage in chosen)


def queue_page(
    *,
    filters: selectors.ComplaintFilters,
    today: date,
    page: int,
    page_size: int,
    calendar: WorkingDayCalendar,
    show_vulnerable: bool,
    running: bool = True,
) -> QueuePage:
    """One page of one list (deadline running, or nothing running) with counts by stage. The
    page costs the same queries at any size."""
    filters = replace(filters, running=running)
    complaints, has_next = selectors.complaints_page(
        filters=filters,
        today=today,
        page=page,
        page_size=page_size,
        rows=selectors.complaint_row_queryset,
    )
    soon = calendar.add_working_days(today, DUE_SOON_WORKING_DAYS)
    counts, idle = stage_counts(filters, today=today, soon=soon)
    total = sum(c.total for c in counts if filters.stage in (None, c.stage))
    return QueuePage(
        rows=[_row(c, today, calendar, show_vulnerable) for c in complaints],
        page=page,
        has_next=has_next,
        counts=counts,
        waiting=waiting_for_a_handler(today),
        running=running,
        running_total=total - idle,
        nothing_running_total=idle,
    )


# Past this My work says "more than": a caseworker needs to know there is a backlog, not its
# exact size, and counting a large one on every view of the page cost milliseconds each time.
WAITING_COUNTED_TO = 1000


def waiting_for_a_handler(today: date) -> selectors.UpTo:
    """Open complaints nobody is handling (stage 2 escalations start like this, Code 6.13),
    counted up to `WAITING_COUNTED_TO`."""
    nobodys = selectors.ComplaintFilters(open_only=True, unassigned=True)
    return selectors.count_up_to(
        selectors.complaints_filtered(filters=nobodys, today=today), WAITING_COUNTED_TO
    )


def filters_in_use(data: dict[str, Any]) -> bool:
    """True when any filter beyond the defaults is in use."""
    return any(v not in (None, "", False) for k, v in data.items() if k != "page")
