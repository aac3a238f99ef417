"""Getting complaints in: contacts from any channel, triage, service requests, logging (1.2-1.6, 3.2)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from django.db import transaction

from putright.cases.hooks import run_contact_hooks
from putright.cases.models import (
    Channel,
    Complaint,
    Contact,
    ContactPreference,
    EventAction,
    Representative,
    Resident,
    ServiceRequest,
    StageRecord,
    Status,
    Tenure,
)
from putright.cases.phone import phone_digits
from putright.cases.services._common import (
    raise_if,
    record_event,
    refresh_due,
    refresh_priority,
    require_text,
    snapshot,
)
from putright.cases.services.deadlines import acknowledge_due, edition_for
from putright.cases.services.queue_key import refresh_queue_key
from putright.cases.services.service_area import service_area_resolve
from putright.cases.services.vulnerability import resident_is_vulnerable
from putright.core.actor import Actor, user_or_none
from putright.core.dates import code_calendar, england_date, long_date
from putright.core.errors import InvalidInput
from putright.core.inputs import email_problem, phone_problem
from putright.core.references import create_with_reference
from putright.landlord.models import Category

# Clocks drift between a caller and us; anything later than this is a typing error.
FUTURE_TOLERANCE = timedelta(minutes=10)
SERVICE_REQUEST_REVIEW_DAYS = 10


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


def _resolve_category(slug: str | None, errors: dict[str, str]) -> Category | None:
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


def _contact_by(details: ResidentDetails) -> str:
    """The way to reach a resident who was not asked: email if they gave one, else the phone,
    else post."""
    if details.preferred_channel:
        return details.preferred_channel
    if details.email:
        return ContactPreference.EMAIL
    return ContactPreference.PHONE if details.phone else ContactPreference.POST


def _resident_create(details: ResidentDetails) -> Resident:
    """A new resident, with the phone number also kept as the resident search compares it."""
    fields = {**vars(details), "preferred_channel": _contact_by(details)}
    return Resident.objects.create(**fields, phone_digits=phone_digits(details.phone))


def complaint_log(*, actor: Actor | None, now: datetime, data: NewComplaint) -> Complaint:
    """Log a complaint at stage 1 and set its acknowledgement deadline (Code 6.2, 5.12).

    The day of receipt is the date in England of `received_at`, and is day 0 of the
    five working days.
    """
    errors: dict[str, str] = {}
    if data.channel not in Channel.values:
        errors["channel"] = f"Channel must be one of {', '.join(Channel.values)}"
    description = require_text(errors, "description", data.description, "Describe what went wrong")
    received_on = _validate_dates(data, now, errors)
    category = _resolve_category(data.category, errors)
    service_area = service_area_resolve(data.service_area, errors)
    existing = _resident(data, errors)
    if data.resident is not None and data.resident_id is None:
        _check_contacts("resident", data.resident.email, data.resident.phone, errors)
    if data.representative is not None:
        _check_contacts("representative", data.representative.email, data.representative.phone, errors)
        require_text(
            errors,
            "representative.name",
            data.representative.name,
            "Enter the representative's name",
        )
        require_text(
            errors,
            "representative.relationship",
            data.representative.relationship,
            "Say how the representative is related to the resident",
        )
    raise_if(errors)
    assert received_on is not None

    code_edition = edition_for(received_on)
    due = acknowledge_due(edition=code_edition, stage=1, requested_on=received_on)
    with transaction.atomic():
        resident = existing
        if resident is None:
            assert data.resident is not None  # `_resident` refused a complaint with neither
            resident = _resident_create(data.resident)
        representative = (
            Representative.objects.create(**vars(data.representative)) if data.representative else None
        )
        fields: dict[str, Any] = {
            "resident": resident,
            "representative": representative,
            "category": category,
            "service_area": service_area,
            "channel": data.channel,
            "description": description,
            "received_at": data.received_at,
            "received_on": received_on,
            "code_edition": code_edition,
            "issue_occurred_on": data.issue_occurred_on,
            "aware_on": data.aware_on,
            "status": Status.RECEIVED,
            "stage": 1,
            # Follows the person (5.10): see `putright.cases.services.vulnerability`. A resident
            # created just now has no recorded adjustments to look up.
            "vulnerable": existing is not None and resident_is_vulnerable(resident.pk),
            **data.extra,
        }
        record = StageRecord(
            stage=1,
            requested_at=data.received_at,
            requested_on=received_on,
            acknowledge_by=due.policy,
            code_acknowledge_by=due.code,
            outcomes_sought=data.outcomes_sought.strip(),
        )
        # The deadline, priority and version the logged event gives it are worked out before
        # the INSERT, so that logging takes no UPDATE of the row just inserted.
        pending = Complaint(**fields)
        refresh_due(pending, record)
        refresh_priority(pending)
        refresh_queue_key(pending)
        complaint = create_with_reference(
            Complaint,
            "CMP",
            **fields,
            next_due=pending.next_due,
            priority=pending.priority,
            due_at=pending.due_at,
            version=pending.version + 1,
        )
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
            details={"description": description, "received_at": data.received_at},
            saved=True,
        )
    # Handed back so that a caller can answer without reading the new complaint again.
    complaint.logged_stage = record
    return complaint


def contact_record(
    *,
    actor: Actor | None,
    now: datetime,
    channel: str,
    received_at: datetime,
    summary: str,
    resident_id: int | None = None,
) -> Contact:
    """Record what a resident said, however and to whomever they said it (Code 3.2).

    With `resident_id` the contact is theirs, so their history stays in one record and their
    reasonable adjustments are in sight (Code 5.10); a resident whose data has been anonymised
    can no longer be chosen. Without it, triage records a new resident.
    """
    errors: dict[str, str] = {}
    if channel not in Channel.values:
        errors["channel"] = f"Channel must be one of {', '.join(Channel.values)}"
    text = require_text(errors, "summary", summary, "Say what the resident told you")
    if received_at.tzinfo is None:
        errors["received_at"] = "Give the time with its UTC offset"
    elif received_at > now + FUTURE_TOLERANCE:
        errors["received_at"] = "The time of contact cannot be in the future"
    resident = None
    if resident_id is not None:
        resident = Resident.objects.filter(pk=resident_id).first()
        if resident is None:
            errors["resident"] = "No such resident"
        elif resident.anonymised_at is not None:
            errors["resident"] = (
                "This resident's details have been anonymised: record the contact as a new resident"
            )
    raise_if(errors)
    with transaction.atomic():
        contact = Contact.objects.create(
            resident=resident,
            channel=channel,
            received_at=received_at,
            received_on=england_date(received_at),
            summary=text,
            recorded_by=user_or_none(actor),
        )
        run_contact_hooks(contact)
    return contact


def contact_triage(
    *,
    actor: Actor | None,
    now: datetime,
    contact: Contact,
    triage: str,
    choice_to_complain_offered: bool,
    resident: ResidentDetails | None = None,
    description: str | None = None,
    category: str | None = None,
    service_area: str | None = None,
    how_to_complain_method: str = "",
    how_to_complain_given_on: date | None = None,
) -> Contact:
    """Decide what a contact is (Code 1.2-1.6).

    Whenever dissatisfaction is expressed the resident must be offered the choice to
    complain (1.3); survey feedback is not a complaint, but the resident is told how
    to complain (1.6). That they were told is recorded only when the caseworker says how
    and when it was done: a record that assumed it would make the 1.6 evidence untrue.
    """
    if contact.triage:
        raise InvalidInput({"triage": "This contact has already been triaged"})
    if triage not in {c for c in Contact.Triage.values if c}:
        raise InvalidInput({"triage": "Choose complaint, service request or survey feedback"})
    if triage == Contact.Triage.SERVICE_REQUEST and not choice_to_complain_offered:
        raise InvalidInput(
            {
                "choice_to_complain_offered": "Confirm the resident was offered the choice to complain (Code 1.3)"
            }
        )
    method = _told_how_to_complain(
        contact,
        now=now,
        survey=triage == Contact.Triage.SURVEY_FEEDBACK,
        method=how_to_complain_method,
        given_on=how_to_complain_given_on,
    )
    with transaction.atomic():
        resident_obj = contact.resident
        if resident_obj is None:
            if resident is None or not resident.name.strip():
                raise InvalidInput({"resident.name": "Enter the resident's name"})
            resident_obj = _resident_create(resident)
            contact.resident = resident_obj
        contact.triage = triage
        contact.choice_to_complain_offered = choice_to_complain_offered
        contact.how_to_complain_given = bool(method)
        contact.how_to_complain_method = method
        contact.how_to_complain_given_on = how_to_complain_given_on if method else None
        contact.triaged_by = user_or_none(actor)
        contact.triaged_at = now
        if triage == Contact.Triage.COMPLAINT:
            contact.complaint = complaint_log(
                actor=actor,
                now=now,
                data=NewComplaint(
                    channel=contact.channel,
                    received_at=contact.received_at,
                    description=description or contact.summary,
                    resident_id=resident_obj.pk,
                    category=category,
                    service_area=service_area,
                ),
            )
        elif triage == Contact.Triage.SERVICE_REQUEST:
            contact.service_request = service_request_create(
                actor=actor,
                resident=resident_obj,
                description=description or contact.summary,
                opened_on=contact.received_on,
                category=category,
            )
        contact.save()
    return contact


def _told_how_to_complain(
    contact: Contact, *, now: datetime, survey: bool, method: str, given_on: date | None
) -> str:
    """How the resident was told how to complain, checked (Code 1.6), or "" if not said.

    Survey feedback needs it; for other contacts it is recorded when given, and then needs
    its date as well.
    """
    errors: dict[str, str] = {}
    method = (method or "").strip()
    if survey and not method:
        errors["how_to_complain_method"] = (
            "Say how the resident was told how to complain, for example by phone or in a letter (Code 1.6)"
        )
    if (survey or method) and given_on is None:
        errors["how_to_complain_given_on"] = "Enter the date the resident was told how to complain (Code 1.6)"
    elif given_on is not None and given_on < contact.received_on:
        errors["how_to_complain_given_on"] = "The date cannot be before the contact was received"
    elif given_on is not None and given_on > england_date(now):
        errors["how_to_complain_given_on"] = "The date cannot be in the future"
    raise_if(errors)
    return method


def service_request_create(
    *,
    actor: Actor | None,
    resident: Resident,
    description: str,
    opened_on: date,
    category: str | None = None,
) -> ServiceRequest:
    """Record a service request (Code 1.4) with a date to review it by."""
    errors: dict[str, str] = {}
    text = require_text(errors, "description", description, "Describe what needs putting right")
    cat = _resolve_category(category, errors)
    raise_if(errors)
    return create_with_reference(
        ServiceRequest,
        "SR",
        resident=resident,
        description=text,
        category=cat,
        opened_on=opened_on,
        review_on=code_calendar().add_working_days(opened_on, SERVICE_REQUEST_REVIEW_DAYS),
        owner=user_or_none(actor),
    )


def service_request_raise_complaint(
    *,
    actor: Actor | None,
    now: datetime,
    request: ServiceRequest,
    received_at: datetime,
    description: str,
    channel: str,
) -> Complaint:
    """Dissatisfaction with a service request raises a complaint; the request carries on (Code 1.5)."""
    with transaction.atomic():
        complaint = complaint_log(
            actor=actor,
            now=now,
            data=NewComplaint(
                channel=channel,
                received_at=received_at,
                description=description,
                resident_id=request.resident_id,
                category=request.category.slug if request.category else None,
                extra={"service_request": request},
            ),
        )
    # The request stays open: the Code forbids stopping work on it because of the complaint.
    return complaint


def service_request_review(
    *,
    actor: Actor | None,
    request_id: int,
    reviewed_on: date,
    outcome: str,
    next_review_on: date | None = None,
) -> ServiceRequest:
    """Review a service request (Code 1.4: recorded, monitored and reviewed regularly).

    `outcome` is "open" (set the next review date), "completed" or "cancelled".
    """
    if outcome not in ServiceRequest.State.values:
        raise InvalidInput({"outcome": "Choose whether the request stays open, is completed or is cancelled"})
    if outcome == ServiceRequest.State.OPEN and (next_review_on is None or next_review_on <= reviewed_on):
        raise InvalidInput({"next_review_on": "Set the next review date, after today"})
    with transaction.atomic():
        request = ServiceRequest.objects.select_for_update().filter(pk=request_id).first()
        if request is None:
            raise InvalidInput({"request": "No such service request"})
        if request.state != ServiceRequest.State.OPEN:
            raise InvalidInput({"outcome": f"This request is already {request.get_state_display().lower()}"})
        request.state = outcome
        if outcome == ServiceRequest.State.OPEN:
            assert next_review_on is not None
            request.review_on = next_review_on
        else:
            request.completed_on = reviewed_on
        if request.owner_id is None and getattr(actor, "pk", None):
            request.owner = user_or_none(actor)
        request.save()
    return request
