"""Who deals with the complaint for the resident: their representative and the consent recorded (Code 3.6).

Staff add a representative, change their details, record the resident's consent, or
remove them when the resident withdraws consent. Letters are copied to a representative
only once consent is recorded (`putright.letters.services.compose.copy_delivery`), from
the next letter issued: letters already issued are never changed.

Like the other services about people (hazards, correspondence, circumstances), these work
on a complaint at any status: a resident may withdraw consent after the complaint closes,
and a representative may deal with it at the Ombudsman.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db import transaction

from putright.cases.models import Complaint, EventAction, Representative
from putright.cases.services._common import lock_complaint, raise_if, record_event, require_text
from putright.cases.services.details import RepresentativeDetails
from putright.core.actor import Actor
from putright.core.dates import england_date, long_date
from putright.core.errors import InvalidInput
from putright.core.inputs import email_problem, phone_problem

# The longest each field may be: the model's columns.
LIMITS = {
    "name": 200,
    "relationship": 120,
    "email": 254,
    "phone": 40,
    "consent_method": 200,
}
FIELDS = ("name", "relationship", "email", "phone", "address", "consent_recorded_on", "consent_method")


def representative_check(details: RepresentativeDetails, *, today: Any) -> RepresentativeDetails:
    """The details, trimmed, or `InvalidInput` with a message for each field that is wrong.

    `today` is the date in England: consent cannot have been recorded after it.
    """
    errors: dict[str, str] = {}
    name = require_text(errors, "name", details.name, "Enter the representative's name")
    relationship = require_text(
        errors,
        "relationship",
        details.relationship,
        "Say how the representative is related to the resident, for example son, advocate or councillor",
    )
    email = (details.email or "").strip()
    if email and (problem := email_problem(email)):
        errors["email"] = problem
    phone = (details.phone or "").strip()
    if phone and (problem := phone_problem(phone)):
        errors["phone"] = problem
    address = (details.address or "").strip()
    method = (details.consent_method or "").strip()
    consent_on = details.consent_recorded_on
    if consent_on is not None and consent_on > today:
        errors["consent_recorded_on"] = "The date consent was recorded must be today or in the past"
    if consent_on is not None and not method:
        errors["consent_method"] = (
            "Say how the resident gave consent, for example a signed form or by phone (Code 3.6)"
        )
    if method and consent_on is None:
        errors["consent_recorded_on"] = "Enter the date the resident's consent was recorded"
    values = {
        "name": name,
        "relationship": relationship,
        "email": email,
        "phone": phone,
        "consent_method": method,
    }
    for key, limit in LIMITS.items():
        if key not in errors and len(values[key]) > limit:
            errors[key] = f"Use {limit} characters or fewer"
    raise_if(errors)
    return RepresentativeDetails(
        name=name,
        relationship=relationship,
        email=email,
        phone=phone,
        address=address,
        consent_recorded_on=consent_on,
        consent_method=method,
    )


def _snapshot(representative: Representative | None) -> dict[str, Any]:
    if representative is None:
        return {f"representative_{name}": None for name in FIELDS}
    return {f"representative_{name}": getattr(representative, name) for name in FIELDS}


def _shared(representative: Representative, complaint: Complaint) -> bool:
    """Whether another complaint names the same representative row (imports, older data)."""
    return Complaint.objects.filter(representative=representative).exclude(pk=complaint.pk).exists()


def _summary(before: Representative | None, after: Representative) -> str:
    if before is None:
        summary = f"Representative added: {after}"
    elif before.consent_recorded_on is None and after.consent_recorded_on is not None:
        summary = f"Resident's consent recorded for {after} to deal with the complaint"
    else:
        summary = f"Representative details changed: {after}"
    if after.consent_recorded_on is None:
        return f"{summary}. Consent not recorded: letters are not copied to them (Code 3.6)"
    return f"{summary}. Consent recorded {long_date(after.consent_recorded_on)} ({after.consent_method})"


def complaint_set_representative(
    *,
    actor: Actor | None,
    now: datetime,
    complaint_id: int,
    details: RepresentativeDetails,
    expected_version: int | None = None,
) -> Complaint:
    """Add or change the complaint's representative and the consent recorded (Code 3.6).

    With consent recorded, every letter issued from now on is copied to them.
    """
    checked = representative_check(details, today=england_date(now))
    with transaction.atomic():
        complaint = lock_complaint(complaint_id, expected_version=expected_version)
        current = (
            Representative.objects.select_for_update().filter(pk=complaint.representative_id).first()
            if complaint.representative_id
            else None
        )
        before = _snapshot(current)
        previous = Representative(**{name: getattr(current, name) for name in FIELDS}) if current else None
        if current is None or _shared(current, complaint):
            # Never change the representative another complaint names: this one gets its own.
            representative = Representative.objects.create(**vars(checked))
        else:
            representative = current
            for name, value in vars(checked).items():
                setattr(representative, name, value)
            representative.save()
        complaint.representative = representative
        record_event(
            complaint,
            actor=actor,
            now=now,
            action=EventAction.REPRESENTATIVE_SET,
            summary=_summary(previous, representative),
            before=before,
            after=_snapshot(representative),
        )
    return complaint


def complaint_remove_representative(
    *,
    actor: Actor | None,
    now: datetime,
    complaint_id: int,
    reason: str,
    expected_version: int | None = None,
) -> Complaint:
    """Remove the complaint's representative, as when the resident withdraws consent (Code 3.6).

    Letters issued from now on go to the resident alone. Their details are deleted unless
    another complaint still names them (UK GDPR: kept no longer than needed); the event
    log keeps who they were until the record is anonymised.
    """
    errors: dict[str, str] = {}
    reason = require_text(
        errors,
        "reason",
        reason,
        "Say why the representative is removed, for example the resident withdrew consent",
    )
    raise_if(errors)
    with transaction.atomic():
        complaint = lock_complaint(complaint_id, expected_version=expected_version)
        current = (
            Representative.objects.select_for_update().filter(pk=complaint.representative_id).first()
            if complaint.representative_id
            else None
        )
        if current is None:
            raise InvalidInput({"representative": "This complaint has no representative to remove"})
        before = _snapshot(current)
        who = str(current)
        complaint.representative = None
        record_event(
            complaint,
            actor=actor,
            now=now,
            action=EventAction.REPRESENTATIVE_REMOVED,
            summary=f"Representative removed: {who}. Letters now go to the resident alone",
            before=before,
            after=_snapshot(None),
            details={"reason": reason},
        )
        if not _shared(current, complaint):
            current.delete()
    return complaint
