"""Reads behind the staff privacy pages: what is held about a resident, and who the
retention job would anonymise. Finding a resident is `putright.cases.selectors.residents_matching`,
shared with the contact page. Every function costs a fixed number of queries whatever the
data size; none counts a whole table."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.db.models import F, Func, IntegerField, Subquery
from django.db.models.functions import Coalesce

from putright.cases.models import Complaint, Resident, SpecialCategoryRead
from putright.cases.selectors import LARGEST_ID
from putright.landlord.models import LandlordSettings
from putright.privacy.retention.due import residents_due, years_after
from putright.privacy.sar import WHERE as EXPORT_WHERE
from putright.privacy.sar import held_about

MAX_PAGE_SIZE = 100
SHOWN_COMPLAINTS = 20
SHOWN_EXPORTS = 10


def _page_bounds(page: int, page_size: int) -> tuple[int, int]:
    size = max(1, min(page_size, MAX_PAGE_SIZE))
    return (max(page, 1) - 1) * size, size


@dataclass(frozen=True)
class HeldComplaint:
    complaint_id: int
    reference: str
    status: str
    received_on: date


@dataclass(frozen=True)
class ExportMade:
    at: datetime
    username: str


@dataclass(frozen=True)
class HeldAbout:
    """What the subject access export of one resident would hold, before it is made.
    Counts only: no health, disability or restriction details, so showing it is no special
    category read."""

    resident_id: int
    name: str
    email: str
    phone: str
    address: str
    tenancy_reference: str
    tenure: str
    recorded_on: date
    anonymised_at: datetime | None
    counts: dict[str, int]
    complaints: list[HeldComplaint]
    exports: list[ExportMade]


def _count(queryset: Any) -> Coalesce:
    """COUNT(*) of `queryset` as a scalar subquery (no GROUP BY), so many counts share one query."""
    counted = queryset.order_by().annotate(n=Func(F("pk"), function="COUNT")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def subject_access_summary(*, resident_id: int) -> HeldAbout | None:
    """The resident, how many of each kind of record the export holds, their latest complaints
    and the exports already made; None if there is no such resident. Three queries."""
    if not 0 < resident_id <= LARGEST_ID:
        return None
    held = held_about(resident_id)
    resident = (
        Resident.objects.filter(pk=resident_id)
        .annotate(**{f"held_{name}": _count(queryset) for name, queryset in held.items()})
        .first()
    )
    if resident is None:
        return None
    complaints = (
        Complaint.objects.filter(resident_id=resident_id)
        .order_by("-received_at", "-id")
        .only("pk", "reference", "status", "received_on")[:SHOWN_COMPLAINTS]
    )
    exports = (
        SpecialCategoryRead.objects.filter(resident_id=resident_id, where__startswith=EXPORT_WHERE)
        .select_related("user")
        .order_by("-at", "-id")[:SHOWN_EXPORTS]
    )
    return HeldAbout(
        resident_id=resident.pk,
        name=resident.name,
        email=resident.email,
        phone=resident.phone,
        address=resident.address,
        tenancy_reference=resident.tenancy_reference,
        tenure=resident.get_tenure_display(),
        recorded_on=resident.created_at.date(),
        anonymised_at=resident.anonymised_at,
        counts={name: getattr(resident, f"held_{name}") for name in held},
        complaints=[
            HeldComplaint(c.pk, c.reference, c.get_status_display(), c.received_on) for c in complaints
        ],
        exports=[
            ExportMade(read.at, read.user.username if read.user else "(command line)") for read in exports
        ],
    )


@dataclass(frozen=True)
class DueRow:
    resident_id: int
    name: str
    last_activity_on: date
    period_ended_on: date


@dataclass(frozen=True)
class RetentionPreview:
    """What `putright retention apply --dry-run --today ON` lists, a page at a time, with names."""

    on: date
    years: int
    total: int
    rows: list[DueRow]
    has_next: bool


def retention_preview(*, on: date, page: int, page_size: int = 50) -> RetentionPreview:
    """Who the retention job would anonymise on `on`, oldest last activity first, from the
    same function as the command's dry run; the names of one page in one more query."""
    years = LandlordSettings.current().retention_years
    due = residents_due(today=on, retention_years=years)
    start, size = _page_bounds(page, page_size)
    shown = due[start : start + size]
    names = dict(Resident.objects.filter(pk__in=[d.resident_id for d in shown]).values_list("pk", "name"))
    rows = [
        DueRow(
            d.resident_id,
            names.get(d.resident_id, ""),
            d.last_activity_on,
            years_after(d.last_activity_on, years),
        )
        for d in shown
    ]
    return RetentionPreview(on=on, years=years, total=len(due), rows=rows, has_next=len(due) > start + size)
