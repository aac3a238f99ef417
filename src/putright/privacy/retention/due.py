"""Which residents' personal data has reached the end of its retention period.

A resident's clock starts at their last activity: the latest date any of their
complaints ended (closed, withdrawn, refused, or the last response sent), an
Ombudsman case about one closed, a service request was completed, or a contact was
received; for a resident with none of these, the day they were recorded. Anything
still open (a complaint being handled, an Ombudsman case, a service request) stops
the clock altogether.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.db.models import OuterRef, Q, Subquery
from django.db.models.functions import Coalesce

from putright.cases.models import (
    Complaint,
    Contact,
    Refusal,
    Resident,
    ServiceRequest,
    StageRecord,
    Status,
)
from putright.governance.models import OmbudsmanCase

BEING_HANDLED = (Status.RECEIVED, Status.ACKNOWLEDGED)


@dataclass(frozen=True)
class DueResident:
    resident_id: int
    last_activity_on: date


def years_before(day: date, years: int) -> date:
    """The same date `years` earlier; 29 February becomes 28 February."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def _latest(into: dict[int, date], rows: Iterable[tuple[int | None, date | None]]) -> None:
    for resident_id, day in rows:
        if (
            resident_id is not None
            and day is not None
            and (resident_id not in into or day > into[resident_id])
        ):
            into[resident_id] = day


def _complaint_end_dates(pending: Q) -> Iterable[tuple[int | None, date | None]]:
    responded = (
        StageRecord.objects.filter(complaint=OuterRef("pk"), responded_on__isnull=False)
        .order_by("-responded_on")
        .values("responded_on")[:1]
    )
    refused = (
        Refusal.objects.filter(complaint=OuterRef("pk")).order_by("-refused_on").values("refused_on")[:1]
    )
    ended = Coalesce("closed_on", "withdrawn_on", Subquery(refused), Subquery(responded), "received_on")
    return (
        Complaint.objects.filter(pending)
        .annotate(ended_on=ended)
        .values_list("resident_id", "ended_on")
        .iterator(chunk_size=5000)
    )


def last_activity_by_resident() -> dict[int, date]:
    """Last activity of every resident not yet anonymised, less those with anything still open."""
    pending = Q(resident__anonymised_at__isnull=True)
    blocked = set(
        Complaint.objects.filter(pending, status__in=BEING_HANDLED).values_list("resident_id", flat=True)
    )
    blocked |= set(
        ServiceRequest.objects.filter(pending, state=ServiceRequest.State.OPEN).values_list(
            "resident_id", flat=True
        )
    )
    blocked |= set(
        OmbudsmanCase.objects.filter(
            complaint__resident__anonymised_at__isnull=True, state=OmbudsmanCase.State.OPEN
        ).values_list("complaint__resident_id", flat=True)
    )
    last: dict[int, date] = {}
    _latest(last, _complaint_end_dates(pending))
    _latest(
        last,
        OmbudsmanCase.objects.filter(complaint__resident__anonymised_at__isnull=True)
        .annotate(ended=Coalesce("closed_on", "referred_on"))
        .values_list("complaint__resident_id", "ended"),
    )
    _latest(
        last,
        ServiceRequest.objects.filter(pending)
        .annotate(ended=Coalesce("completed_on", "opened_on"))
        .values_list("resident_id", "ended"),
    )
    _latest(last, Contact.objects.filter(pending).values_list("resident_id", "received_on"))
    # A resident with nothing recorded against them counts from when they were recorded;
    # only then, since for data imported from an older system created_at is the import date.
    recorded = Resident.objects.filter(anonymised_at__isnull=True).values_list("pk", "created_at")
    for pk, created in recorded.iterator(chunk_size=5000):
        last.setdefault(pk, created.date())
    return {pk: day for pk, day in last.items() if pk not in blocked}


def residents_due(*, today: date, retention_years: int) -> list[DueResident]:
    """Residents whose last activity is at least `retention_years` before `today`, oldest first."""
    cutoff = years_before(today, retention_years)
    due = [DueResident(pk, day) for pk, day in last_activity_by_resident().items() if day <= cutoff]
    return sorted(due, key=lambda d: (d.last_activity_on, d.resident_id))


def years_after(day: date, years: int) -> date:
    """The same date `years` later; 29 February becomes 28 February."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)
