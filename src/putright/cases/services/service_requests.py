"""Service requests: something to put right that is not (or not yet) a complaint (Code 1.4, 1.5).

A request is recorded, given a date to review it by and reviewed until it is done. A
resident dissatisfied with one can complain, and the request carries on regardless (1.5).
"""

from __future__ import annotations

from datetime import date, datetime

from django.db import transaction

from putright.cases.models import Complaint, Resident, ServiceRequest
from putright.cases.services._common import raise_if, require_text
from putright.cases.services.intake import NewComplaint, category_resolve, complaint_log
from putright.core.actor import Actor, user_or_none
from putright.core.dates import code_calendar
from putright.core.errors import InvalidInput
from putright.core.references import with_new_reference

SERVICE_REQUEST_REVIEW_DAYS = 10


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
    cat = category_resolve(category, errors)
    raise_if(errors)
    return with_new_reference(
        ServiceRequest,
        "SR",
        lambda reference: ServiceRequest.objects.create(
            reference=reference,
            resident=resident,
            description=text,
            category=cat,
            opened_on=opened_on,
            review_on=code_calendar().add_working_days(opened_on, SERVICE_REQUEST_REVIEW_DAYS),
            owner=user_or_none(actor),
        ),
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
