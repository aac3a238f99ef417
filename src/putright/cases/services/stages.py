"""Moving a complaint through its two stages (Code sections 2, 5 and 6).

Each function is one action: one transaction, the rules asked first, one event written.
Dates given by the caller (acknowledged_on, responded_on...) are dates in England;
`now` is the moment the action is recorded.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.db import transaction

from putright.cases.errors import ActionRefused, InvalidInput
from putright.cases.models import (
    Action,
    Complaint,
    Decision,
    Extension,
    Refusal,
    RefusalReason,
    Remedy,
    RemedyKind,
    StageRecord,
)
from putright.cases.services._common import (
    code_calendar,
    current_stage,
    england_date,
    lock_complaint,
    move,
    raise_if,
    record_event,
    refresh_due,
    require_text,
    rules,
    snapshot,
    stage_record,
)
from putright.rules import lifecycle
from putright.rules.lifecycle import Action as Move
from putright.rules.timescales import (
    acknowledge_by,
    check_extension,
    check_refusal_time_limit,
    respond_by,
)


def _check_handler_for_stage(complaint: Complaint, stage: int, handler: Any) -> None:
    if stage == 2 and handler is not None:
        first = stage_record(complaint, 1)
        with rules():
            lifecycle.check_stage_two_handler(
                stage_one_handler=first.handler_id if first else None,
                stage_two_handler=handler.pk,
            )


def complaint_acknowledge(
    *,
    actor: Any,
    now: datetime,
    complaint_id: int,
    acknowledged_on: date,
    definition: str,
    outcomes_sought: str,
    responsibility: str = "",
    handler: Any = None,
    expected_version: int | None = None,
) -> Complaint:
    """Acknowledge, define and log the complaint at its stage (Code 5.6, 5.7, 6.2, 6.11).

    The response deadline runs from the actual acknowledgement date (6.3, 6.14), so an
    early acknowledgement brings it forward.
    """
    errors: dict[str, str] = {}
    definition = require_text(
        errors, "definition", definition, "Set out your understanding of the complaint (Code 5.6)"
    )
    outcomes = require_text(
        errors,
        "outcomes_sought",
        outcomes_sought,
        "Record the outcomes the resident is seeking (Code 5.6)",
    )
    raise_if(errors)
    with transaction.atomic():
        complaint = lock_complaint(complaint_id, expected_version=expected_version)
        record = current_stage(complaint)
        before = snapshot(complaint, record)
        move(complaint, Move.ACKNOWLEDGE)
        with rules():
            lifecycle.check_acknowledgement_date(
                stage=record.stage,
                requested_on=record.requested_on,
                acknowledged_on=acknowledged_on,
            )
        if acknowledged_on > england_date(now):
            raise InvalidInput({"acknowledged_on": "The acknowledgement date cannot be in the future"})
        owner = handler or record.handler or (actor if _is_caseworker(actor) else None)
        _check_handler_for_stage(complaint, record.stage, owner)
        record.acknowledged_on = acknowledged_on
        record.definition = definition
        record.outcomes_sought = outcomes
        record.responsibility = responsibility.strip()
        record.handler = owner
        record.respond_by = respond_by(
            code_calendar(),
            stage=record.stage,
            acknowledged_on=acknowledged_on,
            extension_days=record.extension_days,
        )
        record.save()
        complaint.handler = owner
        refresh_due(complaint, record)
        record_event(
            complaint,
            actor=actor,
            now=now,
            action="acknowledged",
            summary=f"Stage {record.stage} acknowledged on {acknowledged_on:%d %B %Y}; response due {record.respond_by:%d %B %Y}",
            before=before,
            after=snapshot(complaint, record),
            details={
                "definition": definition,
                "outcomes_sought": outcomes,
                "responsibility": record.responsibility,
            },
        )
    return complaint


def _is_caseworker(actor: Any) -> bool:
    return getattr(actor, "role", None) in {"handler", "reviewer", "complaints_officer"}


def complaint_assign(
    *,
    actor: Any,
    now: datetime,
    complaint_id: int,
    handler: Any,
    expected_version: int | None = None,
) -> Complaint:
    """Give the complaint to a handler. At stage 2 that must be someone other than the stage 1 handler (6.13)."""
    if handler is None or not getattr(handler, "is_active", False):
        raise InvalidInput({"handler": "Choose an active member of staff"})
    with transaction.atomic():
        complaint = lock_complaint(complaint_id, expected_version=expected_version)
        record = current_stage(complaint)
        before = snapshot(complaint, record)
        move(complaint, Move.ASSIGN)
        _check_handler_for_stage(complaint, record.stage, handler)
        record.handler = handler
        record.save(update_fields=["handler"])
        complaint.handler = handler
        record_event(
            complaint,
            actor=actor,
            now=now,
            action="assigned",
            summary=f"Assigned to {handler.username} at stage {record.stage}",
            before=before,
            after=snapshot(complaint, record),
        )
    return complaint


def complaint_extend(
    *,
    actor: Any,
    now: datetime,
    complaint_id: int,
    working_days: int,
    reason: str,
    good_reason: bool = False,
    notified_on: date | None = None,
    ombudsman_details_given: bool = True,
    expected_version: int | None = None,
) -> Complaint:
    """Extend the response deadline (Code 6.4, 6.15), telling the resident with the Ombudsman's details (6.5, 6.16).

    Extensions at a stage add up; without good reason their total may not pass the cap.
    """
    errors: dict[str, str] = {}
    text = require_text(
        errors, "reason", reason, "Explain the reason for the extension to the resident (Code 6.4)"
    )
    if not isinstance(working_days, int) or working_days < 1:
        errors["working_days"] = "Enter the extension as a whole number of working days, 1 or more"
    raise_if(errors)
    with transaction.atomic():
        complaint = lock_complaint(complaint_id, expected_version=expected_version)
        record = current_stage(complaint)
        para = "6.16" if record.stage == 2 else "6.5"
        if not ombudsman_details_given:
            raise ActionRefused(
                "The resident must be given the Ombudsman's contact details with the extension",
                code_paragraph=para,
                field="ombudsman_details_given",
            )
        before = snapshot(complaint, record)
        move(complaint, Move.EXTEND)
        with rules():
            check_extension(
                stage=record.stage,
                already_extended_days=record.extension_days,
                requested_days=working_days,
                good_reason=good_reason,
            )
        assert record.acknowledged_on is not None
        record.extension_days += working_days
        record.respond_by = respond_by(
            code_calendar(),
            stage=record.stage,
            acknowledged_on=record.acknowledged_on,
            extension_days=record.extension_days,
        )
        record.save(update_fields=["extension_days", "respond_by"])
        Extension.objects.create(
            stage_record=record,
            working_days=working_days,
            reason=text,
            good_reason=good_reason,
            notified_on=notified_on or england_date(now),
            ombudsman_details_given=True,
            new_respond_by=record.respond_by,
            created_by=actor if getattr(actor, "pk", None) else None,
        )
        refresh_due(complaint, record)
        record_event(
            complaint,
            actor=actor,
            now=now,
            action="extended",
            summary=f"Stage {record.stage} response extended by {working_days} working days to {record.respond_by:%d %B %Y}",
            before=before,
            after=snapshot(complaint, record),
            details={"reason": text, "good_reason": good_reason, "working_days": working_days},
        )
    return complaint


@dataclass(frozen=True)
class RemedyInput:
    kind: str
    description: str
    amount: Decimal | None = None
    due_on: date | None = None
    agreed_with_resident: bool = False


@dataclass(frozen=True)
class ActionInput:
    description: str
    promise_on: date
    owner: Any = None


def _validate_response(
    decision: str, reasons: str, remedies: list[RemedyInput], actions: list[ActionInput]
) -> str:
    errors: dict[str, str] = {}
    if decision not in Decision.values:
        errors["decision"] = f"Choose a decision: {', '.join(Decision.values)}"
    text = require_text(errors, "reasons", reasons, "Give the reasons for the decision (Code 6.7, 6.9d)")
    for i, remedy in enumerate(remedies):
        if remedy.kind not in RemedyKind.values:
            errors[f"remedies.{i}.kind"] = f"Remedy kind must be one of {', '.join(RemedyKind.values)}"
        if not remedy.description.strip():
            errors[f"remedies.{i}.description"] = "Say what will happen to put things right (Code 7.3)"
        if remedy.kind == RemedyKind.FINANCIAL and (remedy.amount is None or remedy.amount <= 0):
            errors[f"remedies.{i}.amount"] = "A financial remedy needs an amount above £0 (Code 7.3)"
        if remedy.amount is not None and remedy.amount < 0:
            errors[f"remedies.{i}.amount"] = "The amount cannot be negative"
    for i, act in enumerate(actions):
        if not act.description.strip():
            errors[f"outstanding_actions.{i}.description"] = "Describe the outstanding action (Code 6.6)"
    raise_if(errors)
    return text


def complaint_respond(
    *,
    actor: Any,
    now: datetime,
    complaint_id: int,
    responded_on: date,
    decision: str,
    reasons: str,
    remedies: list[RemedyInput] | None = None,
    outstanding_actions: list[ActionInput] | None = None,
    expected_version: int | None = None,
) -> Complaint:
    """Issue the stage response (Code 6.3, 6.9, 6.14, 6.19) with remedies and outstanding actions (6.6, 7.1-7.3).

    The response goes when the answer is known; outstanding actions are then tracked.
    """
    remedies = remedies or []
    actions = outstanding_actions or []
    text = _validate_response(decision, reasons, remedies, actions)
    with transaction.atomic():
        complaint = lock_complaint(complaint_id, expected_version=expected_version)
        record = current_stage(complaint)
        before = snapshot(complaint, record)
        move(complaint, Move.RESPOND)
        with rules():
            lifecycle.check_response_dates(
                stage=record.stage,
                acknowledged_on=record.acknowledged_on,
                responded_on=responded_on,
            )
        if responded_on > england_date(now):
            raise InvalidInput({"responded_on": "The response date cannot be in the future"})
        record.responded_on = responded_on
        record.decision = decision
        record.reasons = text
        record.save(update_fields=["responded_on", "decision", "reasons"])
        Remedy.objects.bulk_create(
            Remedy(
                complaint=complaint,
                stage=record.stage,
                kind=r.kind,
                description=r.description.strip(),
                amount=r.amount,
                due_on=r.due_on,
                agreed_with_resident=r.agreed_with_resident,
            )
            for r in remedies
        )
        Action.objects.bulk_create(
            Action(
                complaint=complaint,
                stage=record.stage,
                description=a.description.strip(),
                promise_on=a.promise_on,
                owner=a.owner or record.handler,
            )
            for a in actions
        )
        refresh_due(complaint, record)
        record_event(
            complaint,
            actor=actor,
            now=now,
            action="responded",
            summary=f"Stage {record.stage} response sent on {responded_on:%d %B %Y}: {Decision(decision).label.lower()}",
            before=before,
            after=snapshot(complaint, record),
            details={
                "reasons": text,
                "remedies": [
                    {
                        "kind": r.kind,
                        "description": r.description,
                        "amount": r.amount,
                        "due_on": r.due_on,
                    }
                    for r in remedies
                ],
                "outstanding_actions": [
                    {"description": a.description, "promise_on": a.promise_on} for a in actions
                ],
            },
        )
    return complaint


def complaint_escalate(
    *,
    actor: Any,
    now: datetime,
    complaint_id: int,
    requested_at: datetime,
    reason: str = "",
    expected_version: int | None = None,
) -> Complaint:
    """Start stage 2 at the resident's request. No reason is needed (Code 6.12); there is no stage 3 (5.3)."""
    if requested_at.tzinfo is None:
        raise InvalidInput({"requested_at": "Give the time with its UTC offset"})
    with transaction.atomic():
        complaint = lock_complaint(complaint_id, expected_version=expected_version)
        first = current_stage(complaint)
        before = snapshot(complaint, first)
        move(complaint, Move.ESCALATE)
        requested_on = england_date(requested_at)
        if first.responded_on and requested_on < first.responded_on:
            raise InvalidInput(
                {"requested_at": "The escalation request cannot be before the stage 1 response"}
            )
        record = StageRecord.objects.create(
            complaint=complaint,
            stage=2,
            requested_at=requested_at,
            requested_on=requested_on,
            escalation_reason=(reason or "").strip(),
            acknowledge_by=acknowledge_by(code_calendar(), stage=2, requested_on=requested_on),
        )
        # The stage 1 handler may not consider stage 2 (6.13): the case waits for a reviewer.
        complaint.handler = None
        complaint.escalation_requested_on = requested_on
        complaint.closed_on = None
        refresh_due(complaint, record)
        record_event(
            complaint,
            actor=actor,
            now=now,
            action="escalated",
            summary=f"Stage 2 requested on {requested_on:%d %B %Y}; acknowledge by {record.acknowledge_by:%d %B %Y}",
            before=before,
            after=snapshot(complaint, record),
            details={"reason": record.escalation_reason},
        )
    return complaint


def complaint_refuse(
    *,
    actor: Any,
    now: datetime,
    complaint_id: int,
    reason: str,
    explanation: str,
    evidence: str = "",
    refused_on: date | None = None,
    expected_version: int | None = None,
) -> Complaint:
    """Decline to accept a complaint for a valid, evidenced reason (Code 2.1-2.5).

    A complaint within 12 months of the issue or of the resident becoming aware of it
    may not be refused as out of time (2.3). The explanation goes to the resident with
    the right to take the decision to the Ombudsman (2.4).
    """
    errors: dict[str, str] = {}
    if reason not in RefusalReason.values:
        errors["reason"] = f"Choose a reason: {', '.join(RefusalReason.values)}"
    text = require_text(
        errors,
        "explanation",
        explanation,
        "Explain to the resident why the complaint is not accepted (Code 2.4)",
    )
    raise_if(errors)
    with transaction.atomic():
        complaint = lock_complaint(complaint_id, expected_version=expected_version)
        record = current_stage(complaint)
        before = snapshot(complaint, record)
        move(complaint, Move.REFUSE)
        if reason == RefusalReason.OVER_12_MONTHS:
            with rules():
                check_refusal_time_limit(
                    received_on=complaint.received_on,
                    issue_occurred_on=complaint.issue_occurred_on,
                    aware_on=complaint.aware_on,
                )
        when = refused_on or england_date(now)
        Refusal.objects.create(
            complaint=complaint,
            stage=1,
            reason=reason,
            evidence=evidence.strip(),
            explanation=text,
            refused_on=when,
            created_by=actor if getattr(actor, "pk", None) else None,
        )
        complaint.closed_on = when
        refresh_due(complaint, record)
        record_event(
            complaint,
            actor=actor,
            now=now,
            action="refused",
            summary=f"Not accepted: {RefusalReason(reason).label.lower()}",
            before=before,
            after=snapshot(complaint, record),
            details={"reason": reason, "explanation": text, "evidence": evidence.strip()},
        )
    return complaint


def complaint_refuse_escalation(
    *,
    actor: Any,
    now: datetime,
    complaint_id: int,
    reason: str,
    explanation: str,
    evidence: str = "",
    expected_version: int | None = None,
) -> Complaint:
    """Refuse to escalate, only for reasons consistent with section 2 (Code 5.11)."""
    errors: dict[str, str] = {}
    if reason not in RefusalReason.values:
        errors["reason"] = f"Choose a reason: {', '.join(RefusalReason.values)}"
    text = require_text(
        errors,
        "explanation",
        explanation,
        "Set out the reasons clearly for the resident (Code 5.11)",
    )
    raise_if(errors)
    with transaction.atomic():
        complaint = lock_complaint(complaint_id, expected_version=expected_version)
        record = current_stage(complaint)
        before = snapshot(complaint, record)
        move(complaint, Move.REFUSE_ESCALATION)
        if reason == RefusalReason.OVER_12_MONTHS:
            with rules():
                check_refusal_time_limit(
                    received_on=complaint.received_on,
                    issue_occurred_on=complaint.issue_occurred_on,
                    aware_on=complaint.aware_on,
                )
        when = england_date(now)
        Refusal.objects.create(
            complaint=complaint,
            stage=2,
            reason=reason,
            evidence=evidence.strip(),
            explanation=text,
            refused_on=when,
            created_by=actor if getattr(actor, "pk", None) else None,
        )
        complaint.closed_on = complaint.closed_on or when
        refresh_due(complaint, record)
        record_event(
            complaint,
            actor=actor,
            now=now,
            action="escalation_refused",
            summary=f"Escalation refused: {RefusalReason(reason).label.lower()}",
            before=before,
            after=snapshot(complaint, record),
            details={"reason": reason, "explanation": text},
        )
    return complaint


def _finish(
    actor: Any,
    now: datetime,
    complaint_id: int,
    step: Move,
    action: str,
    summary: str,
    field: str,
    expected_version: int | None,
    note: str = "",
) -> Complaint:
    with transaction.atomic():
        complaint = lock_complaint(complaint_id, expected_version=expected_version)
        record = current_stage(complaint)
        before = snapshot(complaint, record)
        move(complaint, step)
        setattr(complaint, field, england_date(now))
        refresh_due(complaint, record)
        record_event(
            complaint,
            actor=actor,
            now=now,
            action=action,
            summary=summary,
            before=before,
            after=snapshot(complaint, record),
            details={"note": note} if note else None,
        )
    return complaint


def complaint_withdraw(
    *,
    actor: Any,
    now: datetime,
    complaint_id: int,
    note: str = "",
    expected_version: int | None = None,
) -> Complaint:
    """The resident withdraws the complaint. The record stays (5.12)."""
    return _finish(
        actor,
        now,
        complaint_id,
        Move.WITHDRAW,
        "withdrawn",
        "Complaint withdrawn",
        "withdrawn_on",
        expected_version,
        note,
    )


def complaint_close(
    *,
    actor: Any,
    now: datetime,
    complaint_id: int,
    note: str = "",
    expected_version: int | None = None,
) -> Complaint:
    """Close after a response. Outstanding actions are still tracked (6.6)."""
    return _finish(
        actor,
        now,
        complaint_id,
        Move.CLOSE,
        "closed",
        "Complaint closed",
        "closed_on",
        expected_version,
        note,
    )
