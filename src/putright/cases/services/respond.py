"""Responding at a stage: the decision, its reasons and what it promises (Code 6.3-6.9, 6.14-6.19, 7)."""

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
    Remedy,
    RemedyKind,
    StageRecord,
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
    told_outside,
)
from putright.cases.services.compensation import remedy_bands
from putright.cases.services.promises import check_actions, check_remedies
from putright.cases.services.stage_actors import check_stage_two
from putright.core.actor import Actor
from putright.core.dates import long_date
from putright.core.entries import dated_entry, entry_details
from putright.rules import lifecycle, notices
from putright.rules.entries import Entry
from putright.rules.lifecycle import Action as Move


@dataclass(frozen=True)
class RemedyInput:
    kind: str
    description: str
    amount: Decimal | None = None
    due_on: date | None = None
    agreed_with_resident: bool = False
    # The compensation band the caseworker judged fits the impact (7.4); outside it, a reason.
    band: str = ""
    band_reason: str = ""


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
    for i, act in enumerate(actions):
        if not act.description.strip():
            errors[f"outstanding_actions.{i}.description"] = "Describe the outstanding action (Code 6.6)"
    raise_if(errors)
    return text


@dataclass(frozen=True)
class _Response:
    """A stage response once its input is checked: what the stage record, the remedies and
    actions, and the event keep."""

    responded_on: date
    decision: str
    reasons: str
    no_remedy_reason: str
    sent_outside: str
    entry: Entry
    remedies: list[RemedyInput]
    # The compensation band each remedy was weighed against, in step with `remedies` (7.4).
    bands: list[str]
    actions: list[ActionInput]


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
    no_remedy_reason: str = "",
    sent_outside: bool = False,
    sent_outside_note: str = "",
    late_entry_reason: str = "",
    expected_version: int | None = None,
) -> Complaint:
    """Issue the stage response (Code 6.3, 6.9, 6.14, 6.19) with remedies and outstanding actions (6.6, 7.1-7.3).

    The response goes when the answer is known; outstanding actions are then tracked. An
    upheld or partly upheld complaint needs a remedy or `no_remedy_reason` (6.9e, 6.19e);
    every remedy says what and by when (7.3), and no date promised is before the response.
    The response counts only when the resident is told, by putright's letter or as
    `sent_outside` records. At stage 2 nobody who acted at stage 1 may respond (6.13). A
    response dated before today is a late entry and needs `late_entry_reason` (5.12).
    """
    response = _checked_response(
        now=now,
        responded_on=responded_on,
        decision=decision,
        reasons=reasons,
        remedies=remedies or [],
        actions=outstanding_actions or [],
        no_remedy_reason=no_remedy_reason,
        sent_outside=sent_outside,
        sent_outside_note=sent_outside_note,
        late_entry_reason=late_entry_reason,
    )
    with transaction.atomic():
        complaint = lock_complaint(complaint_id, expected_version=expected_version)
        record = current_stage(complaint)
        before = snapshot(complaint, record)
        move(complaint, Move.RESPOND)
        _check_at_stage(complaint, record, response, actor=actor)
        _stage_answered(record, response)
        _promises_create(complaint, record, response)
        refresh_due(complaint, record)
        record_event(
            complaint,
            actor=actor,
            now=now,
            action=EventAction.RESPONDED,
            summary=f"Stage {record.stage} response sent on {long_date(responded_on)}: {Decision(decision).label.lower()}",
            before=before,
            after=snapshot(complaint, record),
            details=_response_details(response),
        )
    return complaint


def _checked_response(
    *,
    now: datetime,
    responded_on: date,
    decision: str,
    reasons: str,
    remedies: list[RemedyInput],
    actions: list[ActionInput],
    no_remedy_reason: str,
    sent_outside: bool,
    sent_outside_note: str,
    late_entry_reason: str,
) -> _Response:
    """The checks that need no record: the fields, each remedy and its band (7.3, 7.4), how
    the resident was told, and the response date as a dated entry (5.12)."""
    text = _validate_response(decision, reasons, remedies, actions)
    why_none = (no_remedy_reason or "").strip() if not remedies else ""
    outside = told_outside(sent_outside, sent_outside_note)
    check_remedies(remedies, responded_on=responded_on)
    bands = remedy_bands(remedies, on=responded_on)
    entry = dated_entry(
        given_on=responded_on,
        now=now,
        late_entry_reason=late_entry_reason,
        field="responded_on",
        what="the response date",
    )
    return _Response(responded_on, decision, text, why_none, outside, entry, remedies, bands, actions)


def _check_at_stage(
    complaint: Complaint, record: StageRecord, response: _Response, *, actor: Actor | None
) -> None:
    """The checks against the stage: its dates, a remedy or the reason for none (6.9e, 6.19e),
    who may respond at stage 2 (6.13), and the actions' dates (6.6, 6.17)."""
    with rules():
        lifecycle.check_response_dates(
            stage=record.stage,
            acknowledged_on=record.acknowledged_on,
            responded_on=response.responded_on,
        )
    with rules("no_remedy_reason"):
        notices.check_remedy_or_reason(
            stage=record.stage,
            decision=response.decision,
            remedies=len(response.remedies),
            no_remedy_reason=response.no_remedy_reason,
        )
    check_stage_two(complaint, record.stage, acting=actor, handler=record.handler)
    check_actions(response.actions, stage=record.stage, responded_on=response.responded_on)


def _stage_answered(record: StageRecord, response: _Response) -> None:
    """The response on the stage record, with the day it was entered (5.12)."""
    record.responded_on = response.responded_on
    record.response_recorded_on = response.entry.recorded_on
    record.response_late_reason = response.entry.late_entry_reason
    record.decision = response.decision
    record.reasons = response.reasons
    record.no_remedy_reason = response.no_remedy_reason
    record.response_sent_outside = response.sent_outside
    record.save(
        update_fields=[
            "responded_on",
            "response_recorded_on",
            "response_late_reason",
            "decision",
            "reasons",
            "no_remedy_reason",
            "response_sent_outside",
        ]
    )


def _promises_create(complaint: Complaint, record: StageRecord, response: _Response) -> None:
    """The remedies (7.3) and outstanding actions (6.6, 6.17) the response promises; an action
    with no owner named is the handler's."""
    Remedy.objects.bulk_create(
        Remedy(
            complaint=complaint,
            stage=record.stage,
            kind=r.kind,
            description=r.description.strip(),
            amount=r.amount,
            due_on=r.due_on,
            agreed_with_resident=r.agreed_with_resident,
            band=band,
            band_reason=(r.band_reason or "").strip() if r.band else "",
        )
        for r, band in zip(response.remedies, response.bands, strict=True)
    )
    Action.objects.bulk_create(
        Action(
            complaint=complaint,
            stage=record.stage,
            description=a.description.strip(),
            promise_on=a.promise_on,
            first_promise_on=a.promise_on,
            owner=a.owner or record.handler,
        )
        for a in response.actions
    )


def _response_details(response: _Response) -> dict[str, Any]:
    """What the event keeps of the response beyond the stage record's fields."""
    return {
        "reasons": response.reasons,
        **({"no_remedy_reason": response.no_remedy_reason} if response.no_remedy_reason else {}),
        **({"sent_outside": response.sent_outside} if response.sent_outside else {}),
        "remedies": [
            {
                "kind": r.kind,
                "description": r.description,
                "amount": r.amount,
                "due_on": r.due_on,
                **({"band": band} if band else {}),
                **({"band_reason": r.band_reason.strip()} if r.band and r.band_reason.strip() else {}),
            }
            for r, band in zip(response.remedies, response.bands, strict=True)
        ],
        "outstanding_actions": [
            {"description": a.description, "promise_on": a.promise_on} for a in response.actions
        ],
        **entry_details(response.entry),
    }
