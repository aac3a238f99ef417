"""Complaint endpoints: create, list, read and the record of events. Each lifecycle action
has its own endpoint in `api/lifecycle.py`."""

from __future__ import annotations

import hashlib
from typing import Annotated, Any

from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.utils import timezone
from ninja import Header, Query, Router
from ninja import Status as Reply
from ninja.errors import HttpError

from putright.api.gates import caseworker, caseworker_named, caseworker_on
from putright.api.schemas.common import ERRORS, READ_ERRORS, ComplaintId
from putright.api.schemas.complaints import ComplaintEventOut, ComplaintIn, ComplaintOut, ComplaintPage
from putright.api.serialise import complaint_data
from putright.cases import access, selectors, services
from putright.cases.models import IdempotencyKey, Status
from putright.core.dates import england_date
from putright.core.errors import InvalidInput
from putright.landlord.models import ServiceArea
from putright.landlord.service_areas import SLUG

router = Router(tags=["complaints"])
LIST_FILTERS = frozenset({"stage", "status", "overdue", "handler", "service_area", "page", "page_size"})


def _complaint_out(complaint_id: int) -> dict[str, Any]:
    complaint = selectors.complaint_get(complaint_id=complaint_id)
    if complaint is None:
        raise HttpError(404, "No complaint with that id")
    return complaint_data(complaint)


def _replay(earlier: IdempotencyKey, fingerprint: str) -> Reply[dict[str, Any]]:
    """The first answer again for a true retry; a 422 for a reused key with another body."""
    if earlier.body_sha256 and earlier.body_sha256 != fingerprint:
        return Reply(
            422,
            {"detail": "This Idempotency-Key was used with a different request body: use a new key"},
        )
    return Reply(201, _complaint_out(earlier.complaint_id))


@router.post("/complaints", response={201: ComplaintOut, **ERRORS}, summary="Log a complaint")
def create_complaint(
    request: HttpRequest,
    payload: ComplaintIn,
    idempotency_key: Annotated[str | None, Header(alias="Idempotency-Key", max_length=200)] = None,
) -> Reply[dict[str, Any]]:
    """Log a complaint at stage 1. The acknowledgement is due 5 working days after the date
    in England of `received_at` (Code 6.2). A retry with the same `Idempotency-Key` returns
    the complaint made first; the same key with a different body is refused with 422."""
    user = caseworker(request)
    fingerprint = hashlib.sha256(request.body).hexdigest()
    if idempotency_key:
        earlier = IdempotencyKey.objects.filter(user=user, key=idempotency_key).first()
        if earlier:
            return _replay(earlier, fingerprint)
    data = services.NewComplaint(
        channel=payload.channel,
        received_at=payload.received_at,
        description=payload.description,
        resident=services.ResidentDetails(**payload.resident.dict()),
        category=payload.category,
        service_area=payload.service_area,
        issue_occurred_on=payload.issue_occurred_on,
        aware_on=payload.aware_on,
        representative=services.RepresentativeDetails(**payload.representative.dict())
        if payload.representative
        else None,
    )
    if not idempotency_key:
        # The service's own transaction is the only one: no savepoint round trips.
        complaint = services.complaint_log(actor=user, now=timezone.now(), data=data)
        return Reply(201, complaint_data(complaint, new_stage=complaint.logged_stage))
    try:
        with transaction.atomic():
            complaint = services.complaint_log(actor=user, now=timezone.now(), data=data)
            IdempotencyKey.objects.create(
                user=user, key=idempotency_key, complaint=complaint, body_sha256=fingerprint
            )
    except IntegrityError:
        # A concurrent retry with the same key won the race: answer with its complaint.
        earlier = IdempotencyKey.objects.filter(user=user, key=idempotency_key).first()
        if earlier is None:
            raise
        return _replay(earlier, fingerprint)
    # Answered from the objects in hand: reading the new complaint back cost about 40% of a create.
    return Reply(201, complaint_data(complaint, new_stage=complaint.logged_stage))


@router.get("/complaints", response={200: ComplaintPage, **READ_ERRORS}, summary="List complaints")
def list_complaints(
    request: HttpRequest,
    stage: Annotated[int | None, Query(ge=1, le=2)] = None,
    status: Annotated[Status | None, Query()] = None,
    overdue: bool = False,
    handler: Annotated[str | None, Query(max_length=150)] = None,
    service_area: Annotated[str | None, Query(max_length=60)] = None,
    page: Annotated[int, Query(ge=1, le=100000)] = 1,
    page_size: Annotated[int, Query(ge=1, le=100)] = 25,
) -> dict[str, Any]:
    """Complaints, most urgent first: the next running deadline (overdue first), flags among
    complaints due at the same moment, then those with nothing running.

    An unknown query parameter is refused: a misspelt filter would otherwise quietly
    return every complaint."""
    caseworker(request)
    unknown = sorted(set(request.GET) - LIST_FILTERS)
    if unknown:
        raise InvalidInput({name or "(unnamed)": ["Unknown filter"] for name in unknown})
    handler_id = None
    if handler:
        found = caseworker_named(handler, "handler")
        handler_id = found.pk if found else None
    if service_area and not (
        SLUG.match(service_area) and ServiceArea.objects.filter(slug=service_area).exists()
    ):
        raise InvalidInput({"service_area": f"No service area '{service_area}'"})
    filters = selectors.ComplaintFilters(
        stage=stage,
        status=status.value if status else None,
        overdue=overdue,
        handler_id=handler_id,
        service_area=service_area or None,
    )
    items, has_next = selectors.complaints_page(
        filters=filters, today=england_date(timezone.now()), page=page, page_size=page_size
    )
    return {
        "items": [complaint_data(c) for c in items],
        "page": page,
        "page_size": page_size,
        "has_next": has_next,
    }


@router.get(
    "/complaints/{complaint_id}", response={200: ComplaintOut, **READ_ERRORS}, summary="Read a complaint"
)
def get_complaint(request: HttpRequest, complaint_id: ComplaintId) -> dict[str, Any]:
    caseworker(request)
    return _complaint_out(complaint_id)


@router.get(
    "/complaints/{complaint_id}/events",
    response={200: list[ComplaintEventOut], **READ_ERRORS},
    summary="The full record of a complaint (Code 5.12)",
)
def complaint_events(request: HttpRequest, complaint_id: ComplaintId) -> list[dict[str, Any]]:
    user = caseworker_on(request, complaint_id)
    return [
        {
            "at": e.at,
            "actor": e.actor_label,
            "action": e.action,
            "summary": access.access_event_summary(user, action=e.action, summary=e.summary),
            "before": e.before,
            "after": e.after,
        }
        for e in selectors.complaint_events(complaint_id=complaint_id)
    ]
