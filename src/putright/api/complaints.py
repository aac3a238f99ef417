"""Complaint endpoints: create, list, read, and one endpoint per lifecycle action."""

from __future__ import annotations

import hashlib
from typing import Annotated, Any

from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.utils import timezone
from ninja import Header, Path, Query, Router
from ninja import Status as Reply
from ninja.errors import HttpError

from putright.accounts.models import User
from putright.api.gates import caseworker
from putright.api.schemas import (
    AcknowledgeIn,
    AssignIn,
    CloseIn,
    ComplaintEventOut,
    ComplaintIn,
    ComplaintOut,
    ComplaintPage,
    ErrorOut,
    EscalateIn,
    ExtendIn,
    RefuseEscalationIn,
    RefuseIn,
    ReopenIn,
    RespondIn,
    WithdrawIn,
)
from putright.api.serialise import complaint_data
from putright.cases import access, selectors, services
from putright.cases.models import IdempotencyKey, Status
from putright.core.dates import england_date
from putright.core.errors import InvalidInput
from putright.landlord.models import ServiceArea
from putright.landlord.service_areas import SLUG

router = Router(tags=["complaints"])
ComplaintId = Annotated[int, Path(ge=1, le=2**62)]
ERRORS = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut, 429: ErrorOut}
LIST_FILTERS = frozenset({"stage", "status", "overdue", "handler", "service_area", "page", "page_size"})
READ_ERRORS = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut, 429: ErrorOut}


def _complaint_out(complaint_id: int) -> dict[str, Any]:
    complaint = selectors.complaint_get(complaint_id=complaint_id)
    if complaint is None:
        raise HttpError(404, "No complaint with that id")
    return complaint_data(complaint)


def _exists(complaint_id: int) -> None:
    if not selectors.complaint_queryset().filter(pk=complaint_id).exists():
        raise HttpError(404, "No complaint with that id")


def _staff(username: str | None, field: str) -> User | None:
    if username is None:
        return None
    user = User.objects.filter(username=username, is_active=True).first()
    if user is None or not access.access_can_work_cases(user):
        raise InvalidInput({field: f"No active caseworker called '{username}'"})
    return user


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
        found = _staff(handler, "handler")
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
    user = caseworker(request)
    _exists(complaint_id)
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


@router.post("/complaints/{complaint_id}/acknowledge", response={200: ComplaintOut, **ERRORS})
def acknowledge(request: HttpRequest, complaint_id: ComplaintId, payload: AcknowledgeIn) -> dict[str, Any]:
    """Acknowledge, define and log (Code 5.6, 5.7, 6.2, 6.11). The response is due 10 (stage 1)
    or 20 (stage 2) working days after `acknowledged_on`."""
    user = caseworker(request)
    _exists(complaint_id)
    services.complaint_acknowledge(
        actor=user,
        now=timezone.now(),
        complaint_id=complaint_id,
        acknowledged_on=payload.acknowledged_on,
        definition=payload.definition,
        outcomes_sought=payload.outcomes_sought,
        responsibility=payload.responsibility,
        handler=_staff(payload.handler, "handler"),
        sent_outside=payload.sent_outside,
        sent_outside_note=payload.sent_outside_note,
        late_entry_reason=payload.late_entry_reason,
        expected_version=payload.version,
    )
    return _complaint_out(complaint_id)


@router.post("/complaints/{complaint_id}/extend", response={200: ComplaintOut, **ERRORS})
def extend(request: HttpRequest, complaint_id: ComplaintId, payload: ExtendIn) -> dict[str, Any]:
    """Extend the response deadline. Extensions at a stage add up: without `good_reason` the total
    may not pass 10 working days at stage 1 (Code 6.4) or 20 at stage 2 (6.15); past it, with
    `good_reason`, `good_reason_explanation` is required and goes into the notice. `notified_on`
    must be on or before the response date in force and not in the future (422, 6.4 / 6.15)."""
    user = caseworker(request)
    _exists(complaint_id)
    services.complaint_extend(
        actor=user,
        now=timezone.now(),
        complaint_id=complaint_id,
        working_days=payload.working_days,
        reason=payload.reason,
        good_reason=payload.good_reason,
        good_reason_explanation=payload.good_reason_explanation,
        notified_on=payload.notified_on,
        late_entry_reason=payload.late_entry_reason,
        expected_version=payload.version,
    )
    return _complaint_out(complaint_id)


@router.post("/complaints/{complaint_id}/respond", response={200: ComplaintOut, **ERRORS})
def respond(request: HttpRequest, complaint_id: ComplaintId, payload: RespondIn) -> dict[str, Any]:
    """Send the stage response (Code 6.9, 6.19) with remedies (7.1) and outstanding actions (6.6).

    An upheld or partly upheld response needs a remedy or `no_remedy_reason` (422, 6.9 / 6.19).
    A letter sent outside putright is recorded with `sent_outside` and `sent_outside_note`."""
    user = caseworker(request)
    _exists(complaint_id)
    services.complaint_respond(
        actor=user,
        now=timezone.now(),
        complaint_id=complaint_id,
        responded_on=payload.responded_on,
        decision=payload.decision,
        reasons=payload.reasons,
        remedies=[services.RemedyInput(**r.dict()) for r in payload.remedies],
        outstanding_actions=[
            services.ActionInput(
                description=a.description,
                promise_on=a.promise_on,
                owner=_staff(a.owner, f"outstanding_actions.{i}.owner"),
            )
            for i, a in enumerate(payload.outstanding_actions)
        ],
        no_remedy_reason=payload.no_remedy_reason,
        sent_outside=payload.sent_outside,
        sent_outside_note=payload.sent_outside_note,
        late_entry_reason=payload.late_entry_reason,
        expected_version=payload.version,
    )
    return _complaint_out(complaint_id)


@router.post("/complaints/{complaint_id}/escalate", response={200: ComplaintOut, **ERRORS})
def escalate(request: HttpRequest, complaint_id: ComplaintId, payload: EscalateIn) -> dict[str, Any]:
    """Start stage 2. No reason is needed (Code 6.12); there is no third stage (5.3)."""
    user = caseworker(request)
    _exists(complaint_id)
    services.complaint_escalate(
        actor=user,
        now=timezone.now(),
        complaint_id=complaint_id,
        requested_at=payload.requested_at,
        reason=payload.reason,
        late_entry_reason=payload.late_entry_reason,
        expected_version=payload.version,
    )
    return _complaint_out(complaint_id)


@router.post("/complaints/{complaint_id}/refuse", response={200: ComplaintOut, **ERRORS})
def refuse(request: HttpRequest, complaint_id: ComplaintId, payload: RefuseIn) -> dict[str, Any]:
    """Do not accept the complaint, for a valid evidenced reason (Code 2.1-2.5).

    `over_12_months` needs `aware_on` (or `aware_when_occurred`) and `discretion` (422, 2.3);
    `legal_proceedings` and `previously_considered` need `evidence` (422, 2.1)."""
    user = caseworker(request)
    _exists(complaint_id)
    services.complaint_refuse(
        actor=user,
        now=timezone.now(),
        complaint_id=complaint_id,
        reason=payload.reason,
        explanation=payload.explanation,
        evidence=payload.evidence,
        aware_on=payload.aware_on,
        aware_when_occurred=payload.aware_when_occurred,
        discretion=payload.discretion,
        expected_version=payload.version,
    )
    return _complaint_out(complaint_id)


@router.post("/complaints/{complaint_id}/reopen", response={200: ComplaintOut, **ERRORS})
def reopen(request: HttpRequest, complaint_id: ComplaintId, payload: ReopenIn) -> dict[str, Any]:
    """Take on a complaint that was not accepted (Code 2.4). Stage 1 starts again: the
    acknowledgement is due 5 working days after the date in England of `reopened_at`. The
    refusal stays in the record. A complaint that was not refused answers 422 (2.4)."""
    user = caseworker(request)
    _exists(complaint_id)
    services.complaint_reopen(
        actor=user,
        now=timezone.now(),
        complaint_id=complaint_id,
        reason=payload.reason,
        reopened_at=payload.reopened_at,
        expected_version=payload.version,
    )
    return _complaint_out(complaint_id)


@router.post("/complaints/{complaint_id}/refuse-escalation", response={200: ComplaintOut, **ERRORS})
def refuse_escalation(
    request: HttpRequest, complaint_id: ComplaintId, payload: RefuseEscalationIn
) -> dict[str, Any]:
    """Refuse to escalate, only for reasons consistent with section 2 (Code 5.11). The date
    stage 2 was asked for is kept; a refusal more than 5 working days after it is late (6.11)."""
    user = caseworker(request)
    _exists(complaint_id)
    services.complaint_refuse_escalation(
        actor=user,
        now=timezone.now(),
        complaint_id=complaint_id,
        requested_at=payload.requested_at,
        reason=payload.reason,
        explanation=payload.explanation,
        evidence=payload.evidence,
        expected_version=payload.version,
    )
    return _complaint_out(complaint_id)


@router.post("/complaints/{complaint_id}/assign", response={200: ComplaintOut, **ERRORS})
def assign(request: HttpRequest, complaint_id: ComplaintId, payload: AssignIn) -> dict[str, Any]:
    """Assign a handler. At stage 2 it must not be anyone who acted at stage 1 or was its handler (422, Code 6.13)."""
    user = caseworker(request)
    if not access.access_can_assign(user):
        raise HttpError(403, "Your role cannot assign complaints")
    _exists(complaint_id)
    services.complaint_assign(
        actor=user,
        now=timezone.now(),
        complaint_id=complaint_id,
        handler=_staff(payload.handler, "handler"),
        expected_version=payload.version,
    )
    return _complaint_out(complaint_id)


@router.post("/complaints/{complaint_id}/withdraw", response={200: ComplaintOut, **ERRORS})
def withdraw(request: HttpRequest, complaint_id: ComplaintId, payload: WithdrawIn) -> dict[str, Any]:
    """The resident withdraws: how they told us (`channel`) and why (`note`) are required, and
    a letter confirming the withdrawal is drafted. The record stays (Code 5.12)."""
    user = caseworker(request)
    _exists(complaint_id)
    services.complaint_withdraw(
        actor=user,
        now=timezone.now(),
        complaint_id=complaint_id,
        channel=payload.channel,
        note=payload.note,
        expected_version=payload.version,
    )
    return _complaint_out(complaint_id)


@router.post("/complaints/{complaint_id}/close", response={200: ComplaintOut, **ERRORS})
def close(request: HttpRequest, complaint_id: ComplaintId, payload: CloseIn) -> dict[str, Any]:
    user = caseworker(request)
    _exists(complaint_id)
    services.complaint_close(
        actor=user,
        now=timezone.now(),
        complaint_id=complaint_id,
        note=payload.note,
        expected_version=payload.version,
        confirm_open_work=payload.confirm_open_work,
    )
    return _complaint_out(complaint_id)
