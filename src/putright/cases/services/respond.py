"""Extending and responding at a stage (Code 6.3-6.9, 6.14-6.19, 7.1-7.3)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.db import transaction

from putright.cases.models import (
    Action,
    Complaint,
    Decision,
    EventAction,
    Extension,
    Remedy,
    RemedyKind,
)
from putright.cases.services._common import (
    current_stage,
    lock_complaint,
    move,
    raise_if,
    record_event,
    refresh_due,
    require_text,
    rules,
    snapshot,
)
from putright.core.actor import Actor, user_or_none
from putright.core.dates import code_calendar, england_date, long_date
from putright.core.errors import ActionRefused, InvalidInput
from putright.rules import lifecycle
from putright.rules.lifecycle import Action as Move
from putright.rules.timescales import (
    check_extension,
    respond_by,
)


def complaint_extend(
    *,
    actor: Actor | None,
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
            created_by=user_or_none(actor),
        )
        refresh_due(complaint, record)
        record_event(
            complaint,
            actor=actor,
            now=now,
            action=EventAction.EXTENDED,
            summary=f"Stage {record.stage} response extended by {working_days} working days to {long_date(record.respond_by)}",
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
    actor: Actor | None,
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
            action=EventAction.RESPONDED,
            summary=f"Stage {record.stage} response sent on {long_date(responded_on)}: {Decision(decision).label.lower()}",
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
