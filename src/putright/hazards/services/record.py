"""Recording a hazard: its clock starts when the landlord became aware, not when it was flagged."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from putright.cases.models import Complaint, Contact, EventAction, ServiceRequest
from putright.core.actor import Actor, user_or_none
from putright.core.errors import InvalidInput
from putright.core.references import with_new_reference
from putright.hazards.models import Hazard, HazardScreen
from putright.hazards.services._common import aware_time, regulations, save_with_event
from putright.hazards.services.queue import complaint_refresh_hazards
from putright.rules.hazard_moves import check_record
from putright.rules.hazard_scope import HHSRS, HazardKind, hazard_label


@dataclass(frozen=True)
class NewHazard:
    """What a person records; the source (complaint, contact, service request) is optional."""

    kind: str
    hazard: str
    description: str
    complaint_id: int | None = None
    contact_id: int | None = None
    service_request_id: int | None = None
    aware_at: datetime | None = None
    aware_reason: str = ""
    home: str = ""
    household: str = ""
    vulnerable: bool = False
    reported_by: str = ""
    screen_id: int | None = None


def _check_fields(data: NewHazard) -> dict[str, str]:
    errors: dict[str, str] = {}
    if data.kind not in HazardKind.__members__.values():
        errors["kind"] = "Choose emergency or significant"
    if data.hazard not in HHSRS:
        errors["hazard"] = "Choose an HHSRS hazard, such as damp_and_mould"
    if not data.description.strip():
        errors["description"] = "Describe the hazard as reported"
    return errors


def _source(data: NewHazard, errors: dict[str, str]) -> tuple[Any, Any, Any, datetime | None]:
    """The record that revealed the hazard, and when the landlord received it."""
    complaint = contact = request = None
    received: datetime | None = None
    if data.complaint_id is not None:
        complaint = Complaint.objects.select_related("resident").filter(pk=data.complaint_id).first()
        if complaint is None:
            errors["complaint"] = "No complaint with that id"
        else:
            received = complaint.received_at
    if data.contact_id is not None:
        contact = Contact.objects.select_related("resident").filter(pk=data.contact_id).first()
        if contact is None:
            errors["contact"] = "No contact with that id"
        elif received is None:
            received = contact.received_at
    if data.service_request_id is not None:
        request = ServiceRequest.objects.filter(pk=data.service_request_id).first()
        if request is None:
            errors["service_request"] = "No service request with that id"
    return complaint, contact, request, received


def _aware_at(data: NewHazard, received: datetime | None, now: datetime, errors: dict[str, str]) -> datetime:
    """Awareness defaults to receipt; any other time needs a reason (the clock must not move quietly)."""
    if data.aware_at is None:
        if received is None:
            errors["aware_at"] = (
                "Give when the landlord became aware (no complaint or contact to take it from)"
            )
        return received or now
    aware = aware_time(data.aware_at, "aware_at")
    if aware > now:
        errors["aware_at"] = "The landlord cannot become aware in the future"
    elif received is not None and aware != received and not data.aware_reason.strip():
        errors["aware_reason"] = "Say why the landlord became aware at a different time from receipt"
    return aware


def hazard_record(*, actor: Actor | None, now: datetime, data: NewHazard) -> Hazard:
    """Record a hazard; its duties start from `aware_at` (by default the source's receipt)."""
    errors = _check_fields(data)
    complaint, contact, request, received = _source(data, errors)
    aware = _aware_at(data, received, now, errors)
    if errors:
        raise InvalidInput(errors)
    with regulations():
        check_record(data.kind, data.hazard, aware_at=aware)
    resident = (complaint.resident if complaint else None) or (contact.resident if contact else None)
    if request is not None and resident is None:
        resident = request.resident

    def write(reference: str) -> Hazard:
        # Everything written is made here, so that a clash of references can run it again.
        hazard = Hazard.objects.create(
            reference=reference,
            complaint=complaint,
            contact=contact,
            service_request=request,
            resident=resident,
            home=data.home.strip() or (resident.address if resident else ""),
            household=data.household.strip(),
            vulnerable=data.vulnerable or bool(complaint and complaint.vulnerable),
            reported_by=data.reported_by.strip() or (resident.name if resident else ""),
            kind=data.kind,
            hazard=data.hazard,
            description=data.description.strip(),
            aware_at=aware,
            aware_reason=data.aware_reason.strip(),
            recorded_at=now,
            recorded_by=user_or_none(actor),
        )
        label = f"{data.kind.title()} hazard recorded: {hazard_label(data.hazard)}"
        save_with_event(hazard, actor=actor, now=now, action=EventAction.HAZARD_RECORDED, summary=label)
        _close_screens(data, hazard, actor, now)
        if complaint is not None:
            complaint_refresh_hazards(complaint.pk)
        return hazard

    return with_new_reference(Hazard, "HAZ", write)


def _close_screens(data: NewHazard, hazard: Hazard, actor: Actor | None, now: datetime) -> None:
    screens = HazardScreen.objects.filter(state=HazardScreen.State.OPEN)
    if data.screen_id is not None:
        screens = screens.filter(pk=data.screen_id)
    elif data.complaint_id is not None:
        screens = screens.filter(complaint_id=data.complaint_id)
    elif data.contact_id is not None:
        screens = screens.filter(contact_id=data.contact_id)
    else:
        return
    screens.update(
        state=HazardScreen.State.RECORDED,
        decided_at=now,
        decided_by=user_or_none(actor),
        recorded=hazard,
    )
