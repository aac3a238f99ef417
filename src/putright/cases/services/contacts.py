"""Contacts from any channel and deciding what each is (Code 1.2-1.6, 3.2).

Whatever a resident says, however and to whomever, is recorded as a contact first; triage
then makes it a complaint, a service request or survey feedback, and records that the
resident was offered the choice to complain (1.3) or told how to (1.6).
"""

from __future__ import annotations

from datetime import date, datetime

from django.db import transaction

from putright.cases.hooks import run_contact_hooks
from putright.cases.models import Channel, Contact, Resident
from putright.cases.services._common import raise_if, require_text
from putright.cases.services.details import ResidentDetails, new_resident
from putright.cases.services.intake import FUTURE_TOLERANCE, NewComplaint, complaint_log
from putright.cases.services.service_requests import service_request_create
from putright.core.actor import Actor, user_or_none
from putright.core.dates import england_date
from putright.core.errors import InvalidInput


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
    _check_triage(contact, triage, choice_to_complain_offered)
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
            resident_obj = new_resident(resident)
            contact.resident = resident_obj
        contact.triage = triage
        contact.choice_to_complain_offered = choice_to_complain_offered
        contact.how_to_complain_given = bool(method)
        contact.how_to_complain_method = method
        contact.how_to_complain_given_on = how_to_complain_given_on if method else None
        contact.triaged_by = user_or_none(actor)
        contact.triaged_at = now
        _open_what_it_is(
            contact,
            resident_obj,
            actor=actor,
            now=now,
            description=description or contact.summary,
            category=category,
            service_area=service_area,
        )
        contact.save()
    return contact


def _check_triage(contact: Contact, triage: str, choice_to_complain_offered: bool) -> None:
    """A contact is decided once, as one of the three kinds; a service request only once the
    resident was offered the choice to complain instead (1.3)."""
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


def _open_what_it_is(
    contact: Contact,
    resident: Resident,
    *,
    actor: Actor | None,
    now: datetime,
    description: str,
    category: str | None,
    service_area: str | None,
) -> None:
    """A complaint logged at stage 1 (1.2) or a service request opened (1.4), as the contact
    was decided; survey feedback opens nothing (1.6)."""
    if contact.triage == Contact.Triage.COMPLAINT:
        contact.complaint = complaint_log(
            actor=actor,
            now=now,
            data=NewComplaint(
                channel=contact.channel,
                received_at=contact.received_at,
                description=description,
                resident_id=resident.pk,
                category=category,
                service_area=service_area,
            ),
        )
    elif contact.triage == Contact.Triage.SERVICE_REQUEST:
        contact.service_request = service_request_create(
            actor=actor,
            resident=resident,
            description=description,
            opened_on=contact.received_on,
            category=category,
        )


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
