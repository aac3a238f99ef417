"""One endpoint per lifecycle action on a complaint: acknowledge, extend, respond, escalate,
refuse, reopen, refuse an escalation, assign, withdraw and close. Each calls the one service
for it and answers the complaint as it now is.

These lived in `api/complaints.py` until it was split; their OpenAPI `operationId`s are
kept as they were (`putright_api_complaints_<name>`), since clients generated from the
schema name their methods after them."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from ninja import Router
from ninja.errors import HttpError

from putright.api.gates import caseworker, caseworker_named, caseworker_on, complaint_out
from putright.api.schemas.common import ERRORS, ComplaintId
from putright.api.schemas.complaints import ComplaintOut
from putright.api.schemas.lifecycle import (
    AcknowledgeIn,
    AssignIn,
    CloseIn,
    EscalateIn,
    ExtendIn,
    RefuseEscalationIn,
    RefuseIn,
    ReopenIn,
    RespondIn,
    WithdrawIn,
)
from putright.cases import access, services

router = Router(tags=["complaints"])


@router.post(
    "/complaints/{complaint_id}/acknowledge",
    response={200: ComplaintOut, **ERRORS},
    operation_id="putright_api_complaints_acknowledge",
)
def acknowledge(request: HttpRequest, complaint_id: ComplaintId, payload: AcknowledgeIn) -> dict[str, Any]:
    """Acknowledge, define and log (Code 5.6, 5.7, 6.2, 6.11). The response is due 10 (stage 1)
    or 20 (stage 2) working days after `acknowledged_on`."""
    user = caseworker_on(request, complaint_id)
    services.complaint_acknowledge(
        actor=user,
        now=timezone.now(),
        complaint_id=complaint_id,
        acknowledged_on=payload.acknowledged_on,
        definition=payload.definition,
        outcomes_sought=payload.outcomes_sought,
        responsibility=payload.responsibility,
        handler=caseworker_named(payload.handler, "handler"),
        sent_outside=payload.sent_outside,
        sent_outside_note=payload.sent_outside_note,
        late_entry_reason=payload.late_entry_reason,
        expected_version=payload.version,
    )
    return complaint_out(complaint_id)


@router.post(
    "/complaints/{complaint_id}/extend",
    response={200: ComplaintOut, **ERRORS},
    operation_id="putright_api_complaints_extend",
)
def extend(request: HttpRequest, complaint_id: ComplaintId, payload: ExtendIn) -> dict[str, Any]:
    """Extend the response deadline. Extensions at a stage add up: without `good_reason` the total
    may not pass 10 working days at stage 1 (Code 6.4) or 20 at stage 2 (6.15); past it, with
    `good_reason`, `good_reason_explanation` is required and goes into the notice. `notified_on`
    must be on or before the response date in force and not in the future (422, 6.4 / 6.15)."""
    user = caseworker_on(request, complaint_id)
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
    return complaint_out(complaint_id)


@router.post(
    "/complaints/{complaint_id}/respond",
    response={200: ComplaintOut, **ERRORS},
    operation_id="putright_api_complaints_respond",
)
def respond(request: HttpRequest, complaint_id: ComplaintId, payload: RespondIn) -> dict[str, Any]:
    """Send the stage response (Code 6.9, 6.19) with remedies (7.1) and outstanding actions (6.6).

    An upheld or partly upheld response needs a remedy or `no_remedy_reason` (422, 6.9 / 6.19).
    A letter sent outside putright is recorded with `sent_outside` and `sent_outside_note`."""
    user = caseworker_on(request, complaint_id)
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
                owner=caseworker_named(a.owner, f"outstanding_actions.{i}.owner"),
            )
            for i, a in enumerate(payload.outstanding_actions)
        ],
        no_remedy_reason=payload.no_remedy_reason,
        sent_outside=payload.sent_outside,
        sent_outside_note=payload.sent_outside_note,
        late_entry_reason=payload.late_entry_reason,
        expected_version=payload.version,
    )
    return complaint_out(complaint_id)


@router.post(
    "/complaints/{complaint_id}/escalate",
    response={200: ComplaintOut, **ERRORS},
    operation_id="putright_api_complaints_escalate",
)
def escalate(request: HttpRequest, complaint_id: ComplaintId, payload: EscalateIn) -> dict[str, Any]:
    """Start stage 2. No reason is needed (Code 6.12); there is no third stage (5.3)."""
    user = caseworker_on(request, complaint_id)
    services.complaint_escalate(
        actor=user,
        now=timezone.now(),
        complaint_id=complaint_id,
        requested_at=payload.requested_at,
        reason=payload.reason,
        late_entry_reason=payload.late_entry_reason,
        expected_version=payload.version,
    )
    return complaint_out(complaint_id)


@router.post(
    "/complaints/{complaint_id}/refuse",
    response={200: ComplaintOut, **ERRORS},
    operation_id="putright_api_complaints_refuse",
)
def refuse(request: HttpRequest, complaint_id: ComplaintId, payload: RefuseIn) -> dict[str, Any]:
    """Do not accept the complaint, for a valid evidenced reason (Code 2.1-2.5).

    `over_12_months` needs `aware_on` (or `aware_when_occurred`) and `discretion` (422, 2.3);
    `legal_proceedings` and `previously_considered` need `evidence` (422, 2.1)."""
    user = caseworker_on(request, complaint_id)
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
    return complaint_out(complaint_id)


@router.post(
    "/complaints/{complaint_id}/reopen",
    response={200: ComplaintOut, **ERRORS},
    operation_id="putright_api_complaints_reopen",
)
def reopen(request: HttpRequest, complaint_id: ComplaintId, payload: ReopenIn) -> dict[str, Any]:
    """Take on a complaint that was not accepted (Code 2.4). Stage 1 starts again: the
    acknowledgement is due 5 working days after the date in England of `reopened_at`. The
    refusal stays in the record. A complaint that was not refused answers 422 (2.4)."""
    user = caseworker_on(request, complaint_id)
    services.complaint_reopen(
        actor=user,
        now=timezone.now(),
        complaint_id=complaint_id,
        reason=payload.reason,
        reopened_at=payload.reopened_at,
        expected_version=payload.version,
    )
    return complaint_out(complaint_id)


@router.post(
    "/complaints/{complaint_id}/refuse-escalation",
    response={200: ComplaintOut, **ERRORS},
    operation_id="putright_api_complaints_refuse_escalation",
)
def refuse_escalation(
    request: HttpRequest, complaint_id: ComplaintId, payload: RefuseEscalationIn
) -> dict[str, Any]:
    """Refuse to escalate, only for reasons consistent with section 2 (Code 5.11). The date
    stage 2 was asked for is kept; a refusal more than 5 working days after it is late (6.11)."""
    user = caseworker_on(request, complaint_id)
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
    return complaint_out(complaint_id)


@router.post(
    "/complaints/{complaint_id}/assign",
    response={200: ComplaintOut, **ERRORS},
    operation_id="putright_api_complaints_assign",
)
def assign(request: HttpRequest, complaint_id: ComplaintId, payload: AssignIn) -> dict[str, Any]:
    """Assign a handler. At stage 2 it must not be anyone who acted at stage 1 or was its handler (422, Code 6.13)."""
    user = caseworker(request)
    if not access.access_can_assign(user):
        raise HttpError(403, "Your role cannot assign complaints")
    caseworker_on(request, complaint_id)  # the roles answer 403 before a missing complaint's 404
    services.complaint_assign(
        actor=user,
        now=timezone.now(),
        complaint_id=complaint_id,
        handler=caseworker_named(payload.handler, "handler"),
        expected_version=payload.version,
    )
    return complaint_out(complaint_id)


@router.post(
    "/complaints/{complaint_id}/withdraw",
    response={200: ComplaintOut, **ERRORS},
    operation_id="putright_api_complaints_withdraw",
)
def withdraw(request: HttpRequest, complaint_id: ComplaintId, payload: WithdrawIn) -> dict[str, Any]:
    """The resident withdraws: how they told us (`channel`) and why (`note`) are required, and
    a letter confirming the withdrawal is drafted. The record stays (Code 5.12)."""
    user = caseworker_on(request, complaint_id)
    services.complaint_withdraw(
        actor=user,
        now=timezone.now(),
        complaint_id=complaint_id,
        channel=payload.channel,
        note=payload.note,
        expected_version=payload.version,
    )
    return complaint_out(complaint_id)


@router.post(
    "/complaints/{complaint_id}/close",
    response={200: ComplaintOut, **ERRORS},
    operation_id="putright_api_complaints_close",
)
def close(request: HttpRequest, complaint_id: ComplaintId, payload: CloseIn) -> dict[str, Any]:
    user = caseworker_on(request, complaint_id)
    services.complaint_close(
        actor=user,
        now=timezone.now(),
        complaint_id=complaint_id,
        note=payload.note,
        expected_version=payload.version,
        confirm_open_work=payload.confirm_open_work,
    )
    return complaint_out(complaint_id)
