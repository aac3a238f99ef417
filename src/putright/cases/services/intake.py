"""Logging a complaint at stage 1, from any channel and any interface (Code 1.2, 6.2, 5.12).

What a new complaint needs (the resident, a representative, the dates) is checked here once
for every edge alike: the API, the portal, staff pages, contacts triaged as complaints and
service requests that raise one (`contacts`, `service_requests`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from putright.cases.models import (
    Channel,
    Complaint,
    EventAction,
    Representative,
    Resident,
    StageRecord,
    Status,
    Tenure,
)
from putright.cases.services._common import (
    raise_if,
    record_event,
    refresh_due,
    refresh_priority,
    require_text,
    snapshot,
)
from putright.cases.services.deadlines import acknowledge_due, edition_for
from putright.cases.services.details import RepresentativeDetails, ResidentDetails, new_resident
from putright.cases.services.queue_key import refresh_queue_key
from putright.cases.services.service_area import service_area_resolve
from putright.cases.services.vulnerability import resident_is_vulnerable
from putright.core.actor import Actor
from putright.core.dates import code_calendar, england_date, long_date
from putright.core.inputs import email_problem, phone_problem
from putright.core.references import with_new_reference
from putright.landlord.models import Category, ServiceArea

# Clocks drift between a caller and us; anything later than this is a typing error.
FUTURE_TOLERANCE = timedelta(minutes=10)


@dataclass
class NewComplaint:
    channel: str
    received_at: datetime
    description: str
    resident: ResidentDetails | None = None
    resident_id: int | None = None
    category: str | None = None
    service_area: str | None = None
    issue_occurred_on: date | None = None
    aware_on: date | None = None
    representative: RepresentativeDetails | None = None
    # What the resident says they want; the handler confirms it in the definition (5.6).
    outcomes_sought: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


def category_resolve(slug: str | None, errors: dict[str, str]) -> Category | None:
    """The active category `slug` names, None for none; an unknown one is a field error."""
    if not slug:
        return None
    category = Category.objects.filter(slug=slug, active=True).first()
    if category is None:
        errors["category"] = f"Unknown category '{slug}'. Choose one of the landlord's categories."
    return category


def _validate_dates(data: NewComplaint, now: datetime, errors: dict[str, str]) -> date | None:
    if data.received_at.tzinfo is None:
        errors["received_at"] = "Give the time with its UTC offset, e.g. 2026-03-01T09:30:00+00:00"
        return None
    if data.received_at > now + FUTURE_TOLERANCE:
        errors["received_at"] = "The time of receipt cannot be in the future"
        return None
    received_on = england_date(data.received_at)
    first_year = code_calendar().first_year
    if received_on.year < first_year:
        # Deadlines are counted on the working-day calendar, which starts then.
        errors["received_at"] = f"The time of receipt must be in {first_year} or later"
        return None
    for name in ("issue_occurred_on", "aware_on"):
        value = getattr(data, name)
        if value is not None and value > received_on:
            errors[name] = "This date cannot be after the complaint was received"
    return received_on


def _resident(data: NewComplaint, errors: dict[str, str]) -> Resident | None:
    if data.resident_id is not None:
        resident = Resident.objects.filter(pk=data.resident_id).first()
        if resident is None:
            errors["resident"] = "No such resident"
        elif resident.anonymised_at is not None:
            # Nothing held identifies them any more: a new complaint needs the person's details.
            errors["resident"] = (
                "This resident's details have been anonymised: log the complaint as a new resident"
            )
            return None
        return resident
    if data.resident is None or not data.resident.name.strip():
        errors["resident.name"] = "Enter the resident's name"
        return None
    if data.resident.tenure not in Tenure.values:
        errors["resident.tenure"] = f"Tenure must be one of {', '.join(Tenure.values)}"
    return None


def _check_contacts(prefix: str, email: str, phone: str, errors: dict[str, str]) -> None:
    """Refuse an address or number no letter could reach, at every edge alike (API,
    portal, staff pages, imports): a CR/LF in an address could also add mail headers."""
    if email and (problem := email_problem(email)):
        errors[f"{prefix}.email"] = problem
    if phone and (problem := phone_problem(phone)):
        errors[f"{prefix}.phone"] = problem


@dataclass(frozen=True)
class _Checked:
    """A new complaint's input once every check has passed: what `complaint_log` writes."""

    description: str
    received_on: date
    category: Category | None
    service_area: ServiceArea | None
    # The resident named by `resident_id`; None when the complaint brings a new one.
    existing: Resident | None
    # The edition of the Code the complaint is judged by, fixed at receipt.
    code_edition: str


def _checked(data: NewComplaint, now: datetime) -> _Checked:
    """Every field error at once, so a form shows them all beside their fields."""
    errors: dict[str, str] = {}
    if data.channel not in Channel.values:
        errors["channel"] = f"Channel must be one of {', '.join(Channel.values)}"
    description = require_text(errors, "description", data.description, "Describe what went wrong")
    received_on = _validate_dates(data, now, errors)
    category = category_resolve(data.category, errors)
    service_area = service_area_resolve(data.service_area, errors)
    existing = _resident(data, errors)
    if data.resident is not None and data.resident_id is None:
        _check_contacts("resident", data.resident.email, data.resident.phone, errors)
    if data.representative is not None:
        _check_representative(data.representative, errors)
    raise_if(errors)
    assert received_on is not None
    return _Checked(description, received_on, category, service_area, existing, edition_for(received_on))


def _check_representative(details: RepresentativeDetails, errors: dict[str, str]) -> None:
    _check_contacts("representative", details.email, details.phone, errors)
    require_text(errors, "representative.name", details.name, "Enter the representative's name")
    require_text(
        errors,
        "representative.relationship",
        details.relationship,
        "Say how the representative is related to the resident",
    )


def _complaint_fields(
    data: NewComplaint, checked: _Checked, resident: Resident, representative: Representative | None
) -> dict[str, Any]:
    return {
        "resident": resident,
        "representative": representative,
        "category": checked.category,
        "service_area": checked.service_area,
        "channel": data.channel,
        "description": checked.description,
        "received_at": data.received_at,
        "received_on": checked.received_on,
        "code_edition": checked.code_edition,
        "issue_occurred_on": data.issue_occurred_on,
        "aware_on": data.aware_on,
        "status": Status.RECEIVED,
        "stage": 1,
        # Follows the person (5.10): see `putright.cases.services.vulnerability`. A resident
        # created just now has no recorded adjustments to look up.
        "vulnerable": checked.existing is not None and resident_is_vulnerable(resident.pk),
        **data.extra,
    }


def _complaint_insert(reference: str, fields: dict[str, Any], record: StageRecord) -> Complaint:
    """Insert the complaint under `reference`.

    The deadline, priority and version the logged event gives it are worked out before the
    INSERT, so that logging takes no UPDATE of the row just inserted."""
    pending = Complaint(**fields)
    refresh_due(pending, record)
    refresh_priority(pending)
    refresh_queue_key(pending)
    return Complaint.objects.create(
        reference=reference,
        **fields,
        next_due=pending.next_due,
        priority=pending.priority,
        due_at=pending.due_at,
        version=pending.version + 1,
    )


def complaint_log(*, actor: Actor | None, now: datetime, data: NewComplaint) -> Complaint:
    """Log a complaint at stage 1 and set its acknowledgement deadline (Code 6.2, 5.12).

    The day of receipt is the date in England of `received_at`, and is day 0 of the
    five working days.
    """
    checked = _checked(data, now)
    received_on = checked.received_on
    due = acknowledge_due(edition=checked.code_edition, stage=1, requested_on=received_on)

    def write(reference: str) -> Complaint:
        # Everything written is made here, so that a clash of references can run it again.
        resident = checked.existing
        if resident is None:
            assert data.resident is not None  # `_resident` refused a complaint with neither
            resident = new_resident(data.resident)
        representative = (
            Representative.objects.create(**vars(data.representative)) if data.representative else None
        )
        fields = _complaint_fields(data, checked, resident, representative)
        record = StageRecord(
            stage=1,
            requested_at=data.received_at,
            requested_on=received_on,
            acknowledge_by=due.policy,
            code_acknowledge_by=due.code,
            outcomes_sought=data.outcomes_sought.strip(),
        )
        complaint = _complaint_insert(reference, fields, record)
        record.complaint = complaint
        record.save(force_insert=True)
        record_event(
            complaint,
            actor=actor,
            now=now,
            action=EventAction.LOGGED,
            summary=f"Complaint received {complaint.received_how} on {long_date(received_on)}",
            before={},
            after=snapshot(complaint, record),
            details={"description": checked.description, "received_at": data.received_at},
            saved=True,
        )
        complaint.logged_stage = record
        return complaint

    complaint = with_new_reference(Complaint, "CMP", write)
    # `logged_stage` is handed back so that a caller can answer without reading it again.
    return complaint
