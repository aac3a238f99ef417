"""What is due: each handler's overdue and due-soon complaints, and the reviews owners must do.

Reads only. Every query is bounded by the date and indexed (next_due, review_on, first_promise_on).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Prefetch

from putright.accounts.models import Role, User
from putright.cases.models import Action, Adjustment, Complaint, Remedy, Restriction, Status, UpdateAgreement
from putright.core.dates import long_date

OPEN = (Status.RECEIVED, Status.ACKNOWLEDGED)
STILL_OPEN = (Status.RECEIVED, Status.ACKNOWLEDGED, Status.RESPONDED)


@dataclass(frozen=True)
class Due:
    """One thing someone must act on. `owner` is None when nobody owns it: the officer gets it."""

    owner: User | None
    key: str
    reference: str
    what: str
    due: date
    complaint_id: int | None


def due_complaints(*, soon: date) -> list[Complaint]:
    """Open complaints whose next Code deadline falls on or before `soon`, overdue ones included."""
    return list(
        Complaint.objects.filter(status__in=OPEN, next_due__lte=soon)
        .select_related("handler", "resident")
        .order_by("next_due", "id")
    )


def officers() -> list[User]:
    return list(User.objects.filter(role=Role.COMPLAINTS_OFFICER, is_active=True).order_by("username"))


def _first_open(resident: Any) -> int | None:
    # Adjustments and restrictions belong to the resident, whose complaints they all apply
    # to (5.10): the reminder links to the first open complaint, or else to the latest one,
    # so a review still comes round when none is open.
    found = getattr(resident, "all_complaints", [])
    open_ones = [c for c in found if c.status in STILL_OPEN]
    chosen = open_ones[0] if open_ones else (found[-1] if found else None)
    return int(chosen.pk) if chosen is not None else None


def _with_open_complaints() -> Prefetch[Any]:
    return Prefetch(
        "resident__complaints",
        queryset=Complaint.objects.only("id", "status", "resident_id").order_by("id"),
        to_attr="all_complaints",
    )


def reviews_due(*, today: date) -> Iterator[Due]:
    """Adjustments (5.10), restrictions (5.14), agreed updates (5.9), remedies (7.3) and actions (6.6) now due."""
    adjustments = Adjustment.objects.filter(active=True, review_on__lte=today)
    for a in adjustments.select_related("created_by", "resident").prefetch_related(_with_open_complaints()):
        yield Due(
            a.created_by,
            f"adjustment:{a.pk}",
            a.resident.name,
            f"Review the recorded {a.get_kind_display().lower()} (Code 5.10)",
            a.review_on,
            _first_open(a.resident),
        )
    restrictions = Restriction.objects.filter(ends_on__isnull=True, review_on__lte=today)
    for r in restrictions.select_related("created_by", "resident").prefetch_related(_with_open_complaints()):
        yield Due(
            r.created_by,
            f"restriction:{r.pk}",
            r.resident.name,
            "Review the contact restriction (Code 5.14)",
            r.review_on,
            _first_open(r.resident),
        )
    for u in UpdateAgreement.objects.filter(
        active=True, next_update_on__lte=today, complaint__status__in=STILL_OPEN
    ).select_related("complaint__handler"):
        yield Due(
            u.complaint.handler,
            f"update:{u.pk}:{u.next_update_on}",
            u.complaint.reference,
            f"Update the resident, as agreed every {u.interval_working_days} working days (Code 5.9)",
            u.next_update_on,
            u.complaint_id,
        )
    for m in Remedy.objects.filter(completed_on__isnull=True, due_on__lt=today).select_related(
        "complaint__handler"
    ):
        yield Due(
            m.complaint.handler,
            f"remedy:{m.pk}",
            m.complaint.reference,
            f"Remedy past its date: {m.get_kind_display().lower()} (Code 7.3)",
            m.due_on or today,
            m.complaint_id,
        )
    # Past the first promise: a moved promise is still a late one (6.6), and the reminder says
    # where it stands now.
    for x in Action.objects.filter(completed_on__isnull=True, first_promise_on__lt=today).select_related(
        "owner", "complaint__handler"
    ):
        moved = f"; now promised by {long_date(x.promise_on)}" if x.promise_moved else ""
        yield Due(
            x.owner or x.complaint.handler,
            f"action:{x.pk}",
            x.complaint.reference,
            f"Outstanding action past its first promise date{moved}: {x.description[:80]} (Code 6.6)",
            x.first_promise_on,
            x.complaint_id,
        )
