"""Which complaints a signed-in resident or representative may reach. Every portal view asks here.

A person reaches a complaint only when the email they proved at sign-in is the
resident's email on it, or the email of a representative whose authority to act was
recorded (Code 3.6). Anything else is "not found", never "forbidden", so a reference
cannot be probed to learn that a complaint exists.
"""

from __future__ import annotations

import re
from enum import StrEnum

from django.db.models import Q, QuerySet

from putright.cases.models import Complaint

REFERENCE = re.compile(r"^[A-Z]{2,4}-[A-Z0-9]{4}-[A-Z0-9]{4}$")


class Role(StrEnum):
    RESIDENT = "resident"
    REPRESENTATIVE = "representative"


def normalise_email(email: str) -> str:
    return (email or "").strip().lower()


def _reachable(email: str) -> Q:
    return Q(resident__email__iexact=email) | Q(
        representative__email__iexact=email, representative__consent_recorded_on__isnull=False
    )


def access_resident_complaints(*, email: str) -> QuerySet[Complaint]:
    """Every complaint the holder of `email` may see. Empty for a blank email."""
    email = normalise_email(email)
    if not email:
        return Complaint.objects.none()
    return Complaint.objects.filter(_reachable(email))


def access_email_has_complaints(*, email: str) -> bool:
    return access_resident_complaints(email=email).exists()


def access_resident_complaint(*, email: str, reference: str) -> Complaint | None:
    """The complaint with `reference` if the holder of `email` may reach it; otherwise None."""
    reference = (reference or "").strip().upper()
    if not REFERENCE.match(reference):
        return None
    return (
        access_resident_complaints(email=email)
        .select_related("resident", "representative")
        .filter(reference=reference)
        .first()
    )


def access_role_on(complaint: Complaint, *, email: str) -> Role:
    """Whether the signed-in person is the resident or their representative on `complaint`."""
    if normalise_email(complaint.resident.email) == normalise_email(email):
        return Role.RESIDENT
    return Role.REPRESENTATIVE
