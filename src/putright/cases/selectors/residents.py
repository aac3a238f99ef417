"""Finding a resident: to record a contact against them, or to answer a subject access request.

A match says who they are and how much is held about them, and only that adjustments are
recorded: what the adjustments say is special category data (Code 5.10), read apart through
`resident_adjustments` by roles that may see it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Exists, F, Func, IntegerField, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce

from putright.cases.models import Adjustment, Complaint, Resident
from putright.cases.phone import phone_digits
from putright.cases.selectors.limits import LARGEST_ID, page_window


@dataclass(frozen=True)
class ResidentMatch:
    """A resident as a search shows them: who they are and how much is held, never what
    their adjustments are (those are special category data: `resident_adjustments`)."""

    resident_id: int
    name: str
    email: str
    tenancy_reference: str
    address_line: str
    recorded_on: date
    complaints: int
    has_adjustments: bool


def _summarised(residents: QuerySet[Resident]) -> QuerySet[Resident]:
    """Each resident with their number of complaints and whether an adjustment is in force,
    as scalar subqueries: one query for the page, whatever its size."""
    complaints = (
        Complaint.objects.filter(resident_id=OuterRef("pk"))
        .order_by()
        .annotate(n=Func(F("pk"), function="COUNT"))
        .values("n")
    )
    adjustments = Adjustment.objects.filter(resident_id=OuterRef("pk"), active=True)
    return residents.annotate(
        complaint_count=Coalesce(Subquery(complaints, output_field=IntegerField()), 0),
        has_adjustments=Exists(adjustments),
    ).only("pk", "name", "email", "tenancy_reference", "address", "created_at")


def _match(resident: Resident) -> ResidentMatch:
    address = resident.address.strip()
    return ResidentMatch(
        resident_id=resident.pk,
        name=resident.name,
        email=resident.email,
        tenancy_reference=resident.tenancy_reference,
        address_line=address.splitlines()[0].strip().rstrip(",") if address else "",
        recorded_on=resident.created_at.date(),
        complaints=resident.complaint_count,  # type: ignore[attr-defined]
        has_adjustments=resident.has_adjustments,  # type: ignore[attr-defined]
    )


def residents_matching(*, term: str, page: int, page_size: int = 25) -> tuple[list[ResidentMatch], bool]:
    """Residents whose name contains `term`, whose email or tenancy reference is `term` (any
    case), or whose phone number has the same digits as `term` ("07700 900123" finds
    "07700900123"; see `phone_digits`), by name; one page and whether another follows, with
    no COUNT of the whole match. Residents already anonymised are left out: nothing held
    identifies them any more. One query."""
    term = term.strip()
    size, start = page_window(page, page_size)
    matching = Q(name__icontains=term) | Q(email__iexact=term) | Q(tenancy_reference__iexact=term)
    digits = phone_digits(term)
    if digits:
        matching |= Q(phone_digits=digits)
    found = list(
        _summarised(Resident.objects.filter(anonymised_at__isnull=True).filter(matching)).order_by(
            "name", "id"
        )[start : start + size + 1]
    )
    return [_match(r) for r in found[:size]], len(found) > size


def resident_match(*, resident_id: int) -> ResidentMatch | None:
    """One resident as a search shows them; None if there is no such resident or their data
    has been anonymised (they can no longer be chosen). One query."""
    if not 0 < resident_id <= LARGEST_ID:
        return None
    found = _summarised(Resident.objects.filter(pk=resident_id, anonymised_at__isnull=True)).first()
    return _match(found) if found else None


def resident_adjustments(*, resident_id: int) -> list[Adjustment]:
    """The reasonable adjustments and disclosures in force for a resident, next review first
    (Code 5.10). Special category data: only for roles that may see it, and the read is logged
    (`access_can_see_special_category`, `access_log_special_category_read`)."""
    return list(Adjustment.objects.filter(resident_id=resident_id, active=True).order_by("review_on", "id"))
