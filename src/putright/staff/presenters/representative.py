"""The representative on the case page, as plain data (Code 3.6)."""

from __future__ import annotations

from dataclasses import dataclass

from putright.cases.models import Complaint
from putright.ui.links import link


@dataclass(frozen=True)
class RepresentativePanel:
    """Who acts for the resident, whether letters are copied to them, and the links to change it."""

    name: str
    relationship: str
    email: str
    phone: str
    address: str
    consent: str
    consent_recorded: bool
    copies: str
    change_url: str
    remove_url: str


def representative_panel(complaint: Complaint) -> RepresentativePanel | None:
    """None when nobody represents the resident; the case page then offers to add someone."""
    rep = complaint.representative
    if rep is None:
        return None
    recorded = rep.consent_recorded_on is not None
    consent = ""
    if recorded and rep.consent_recorded_on is not None:
        consent = f"Recorded {rep.consent_recorded_on.day} {rep.consent_recorded_on:%B %Y}"
        if rep.consent_method:
            consent += f" ({rep.consent_method})"
    if not recorded:
        copies = "None: the resident's consent is not recorded"
    elif rep.email:
        copies = "By email"
    elif rep.address:
        copies = "By post"
    else:
        copies = "None: no email or postal address"
    return RepresentativePanel(
        name=rep.name,
        relationship=rep.relationship,
        email=rep.email,
        phone=rep.phone,
        address=rep.address,
        consent=consent,
        consent_recorded=recorded,
        copies=copies,
        change_url=link("staff:representative", complaint.pk),
        remove_url=link("staff:representative_remove", complaint.pk),
    )


def add_representative_url(complaint: Complaint) -> str:
    return link("staff:representative", complaint.pk)
