"""The queue's stored sort key: the instant the complaint's next running deadline passes.

"Most urgent first" means the deadline that is running now, whichever it is (issue 16): a
hazard duty under Awaab's Law (an exact instant for an emergency), the acknowledgement or
the response at the current stage (Code 5.1, 6.3), or a date promised to the resident for a
remedy or an outstanding action (Code 6.6, 7.3). A date deadline passes at the end of that
day in England. Null when nothing is running: such complaints are a separate list, and
flags (vulnerability, a hazard kind) order them only among themselves.

Stored rather than computed at read time so the queue is one ordered index scan at a million
complaints. `record_event` refreshes it on every complaint action and the hazard services on
every hazard step, so it never drifts from the dates it is made of.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from django.db.models import Min, Q

from putright.cases.models import Complaint, Status
from putright.rules.hazards import due_instant


def running_due_at(
    *, hazard_due_at: datetime | None, next_due: date | None, promised: Sequence[date | None]
) -> datetime | None:
    """The soonest of the running deadlines as an instant, or None when none is running."""
    instants = [due_instant(d) for d in (next_due, *promised) if d is not None]
    if hazard_due_at is not None:
        instants.append(hazard_due_at)
    return min(instants, default=None)


def promised_dates(complaint_id: int) -> list[date | None]:
    """The earliest open remedy date and the earliest open action promise (one query)."""
    found = Complaint.objects.filter(pk=complaint_id).aggregate(
        remedy=Min("remedies__due_on", filter=Q(remedies__completed_on__isnull=True)),
        action=Min("actions__promise_on", filter=Q(actions__completed_on__isnull=True)),
    )
    return [found["remedy"], found["action"]]


def refresh_queue_key(complaint: Complaint) -> None:
    """Store `due_at` from the complaint's deadlines (call before saving the complaint)."""
    # Remedies and actions come only with a response: before the first, there is nothing to
    # read (this keeps logging a complaint, the busiest write, to its own queries).
    before_any_response = complaint.stage == 1 and complaint.status in (Status.RECEIVED, Status.ACKNOWLEDGED)
    promised = [] if complaint.pk is None or before_any_response else promised_dates(complaint.pk)
    complaint.due_at = running_due_at(
        hazard_due_at=complaint.hazard_due_at, next_due=complaint.next_due, promised=promised
    )
