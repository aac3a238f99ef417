"""The details a person gives when a complaint or a contact first names them (Code 3.6, 5.10).

The resident's and a representative's, as every edge passes them in (the API, the portal,
staff pages, triage); `new_resident` writes a resident from them. A resident's details are
corrected later through `resident`, a representative's through `representation`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from putright.cases.models import ContactPreference, Resident, Tenure
from putright.cases.phone import phone_digits


@dataclass(frozen=True)
class ResidentDetails:
    name: str
    email: str = ""
    phone: str = ""
    address: str = ""
    tenancy_reference: str = ""
    tenure: str = Tenure.UNKNOWN
    # "" when nobody asked: the way they can be reached (`_contact_by`), never "email" for
    # someone who gave only a phone number.
    preferred_channel: str = ""
    preferred_format: str = "standard"
    language: str = ""


@dataclass(frozen=True)
class RepresentativeDetails:
    name: str
    relationship: str
    email: str = ""
    phone: str = ""
    address: str = ""
    consent_recorded_on: date | None = None
    consent_method: str = ""


def _contact_by(details: ResidentDetails) -> str:
    """The way to reach a resident who was not asked: email if they gave one, else the phone,
    else post."""
    if details.preferred_channel:
        return details.preferred_channel
    if details.email:
        return ContactPreference.EMAIL
    return ContactPreference.PHONE if details.phone else ContactPreference.POST


def new_resident(details: ResidentDetails) -> Resident:
    """A new resident, with the phone number also kept as the resident search compares it.

    Written inside the caller's transaction and with no event of its own: the complaint or
    contact the resident comes with is the record of them."""
    fields = {**vars(details), "preferred_channel": _contact_by(details)}
    return Resident.objects.create(**fields, phone_digits=phone_digits(details.phone))
