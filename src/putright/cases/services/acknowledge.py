"""Acknowledging and assigning a complaint at its stage (Code 5.6, 5.7, 6.2, 6.11, 6.13)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.db import transaction

from putright.cases.models import Complaint, EventAction, StageRecord
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
from putright.cases.services.deadlines import set_respond_due
from putright.cases.services.stage_actors import check_stage_two
from putright.core.actor import Actor, user_or_none
from putright.core.dates import long_date
from putright.core.entries import dated_entry, entry_details
from putright.core.errors import InvalidInput
from putright.core.roles import HANDLING
from putright.rules import lifecycle, notices
from putright.rules.entries import Entry
from putright.rules.lifecycle import Action as Move


@dataclass(frozen=True)
class _Acknowledgement:
    """An acknowledgement once its input is checked: what the stage record and the event keep."""

    definition: str
    outcomes_sought: str
    responsibility: str
    sent_outside: str
    entry: Entry


def complaint_acknowledge(
    *,
    actor: Actor | None,
    now: datetime,
    complaint_id: int,
    acknowledged_on: date,
    definition: str,
    outcomes_sought: str,
    responsibility: str = "",
    handler: Any = None,
    sent_outside: bool = False,
    sent_outside_note: str = "",
    late_entry_reason: str = "",
    expected_version: int | None = None,
) -> Complaint:
    """Acknowledge, define and log the complaint at its stage (Code 5.6, 5.7, 6.2, 6.11).

    The response deadline runs from the actual acknowledgement date (6.3, 6.14), so an
    early acknowledgement brings it forward. The acknowledgement counts only when the
    resident is told: putright sends the letter, or `sent_outside` says how it was sent
    (`sent_outside_note`). At stage 2 nobody who acted at stage 1 may acknowledge or be
    the handler (6.13). A date before today is a late entry and needs `late_entry_reason` (5.12).
    """
    ack = _checked_acknowledgement(
        now=now,
        acknowledged_on=acknowledged_on,
        definition=definition,
        outcomes_sought=outcomes_sought,
        responsibility=responsibility,
        sent_outside=sent_outside,
        sent_outside_note=sent_outside_note,
        late_entry_reason=late_entry_reason,
    )
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
        owner = handler or record.handler or (user_or_none(actor) if _is_caseworker(actor) else None)
        check_stage_two(complaint, record.stage, acting=actor, handler=owner)
        _stage_acknowledged(complaint, record, ack, handler=owner)
        refresh_due(complaint, record)
        record_event(
            complaint,
            actor=actor,
            now=now,
            action=EventAction.ACKNOWLEDGED,
            summary=f"Stage {record.stage} acknowledged on {long_date(acknowledged_on)}; response due {long_date(record.respond_by)}",
            before=before,
            after=snapshot(complaint, record),
            details=_acknowledgement_details(ack, record, handler=owner),
        )
    return complaint


def _checked_acknowledgement(
    *,
    now: datetime,
    acknowledged_on: date,
    definition: str,
    outcomes_sought: str,
    responsibility: str,
    sent_outside: bool,
    sent_outside_note: str,
    late_entry_reason: str,
) -> _Acknowledgement:
    """The checks that need no record: the definition and outcomes (5.6), what the landlord is
    responsible for (5.7), how the resident was told, and the date as a dated entry (5.12)."""
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
    with rules("responsibility"):
        notices.check_responsibility(responsibility=responsibility or "")
    outside = told_outside(sent_outside, sent_outside_note)
    entry = dated_entry(
        given_on=acknowledged_on,
        now=now,
        late_entry_reason=late_entry_reason,
        field="acknowledged_on",
        what="the acknowledgement date",
    )
    return _Acknowledgement(definition, outcomes, responsibility, outside, entry)


def _stage_acknowledged(
    complaint: Complaint, record: StageRecord, ack: _Acknowledgement, *, handler: Any
) -> None:
    """The acknowledgement on the stage record, with the day it was entered (5.12), and the
    response date it starts (6.3, 6.14); the handler on the stage and the complaint."""
    record.acknowledged_on = ack.entry.given_on
    record.acknowledgement_recorded_on = ack.entry.recorded_on
    record.acknowledgement_late_reason = ack.entry.late_entry_reason
    record.definition = ack.definition
    record.outcomes_sought = ack.outcomes_sought
    record.responsibility = ack.responsibility.strip()
    record.handler = handler
    record.acknowledgement_sent_outside = ack.sent_outside
    set_respond_due(complaint, record)
    record.save()
    complaint.handler = handler


def _acknowledgement_details(ack: _Acknowledgement, record: StageRecord, *, handler: Any) -> dict[str, Any]:
    return {
        "definition": ack.definition,
        "outcomes_sought": ack.outcomes_sought,
        "responsibility": record.responsibility,
        "handler_id": handler.pk if handler is not None else None,
        **({"sent_outside": ack.sent_outside} if ack.sent_outside else {}),
        **entry_details(ack.entry),
    }


def _is_caseworker(actor: Actor | None) -> bool:
    return getattr(actor, "role", None) in HANDLING


def complaint_assign(
    *,
    actor: Actor | None,
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
        check_stage_two(complaint, record.stage, handler=handler)
        record.handler = handler
        record.save(update_fields=["handler"])
        complaint.handler = handler
        record_event(
            complaint,
            actor=actor,
            now=now,
            action=EventAction.ASSIGNED,
            summary=f"Assigned to {getattr(handler, 'display_name', handler.username)} at stage {record.stage}",
            before=before,
            after=snapshot(complaint, record),
            details={"handler_id": handler.pk, "stage": record.stage},
        )
    return complaint
