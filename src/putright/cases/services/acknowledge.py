"""Acknowledging and assigning a complaint at its stage (Code 5.6, 5.7, 6.2, 6.11, 6.13)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django.db import transaction

from putright.cases.models import (
    Complaint,
    EventAction,
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
    stage_record,
)
from putright.core.actor import Actor, user_or_none
from putright.core.dates import code_calendar, england_date, long_date
from putright.core.errors import InvalidInput
from putright.core.roles import HANDLING
from putright.rules import lifecycle
from putright.rules.lifecycle import Action as Move
from putright.rules.timescales import (
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
    actor: Actor | None,
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
        owner = handler or record.handler or (user_or_none(actor) if _is_caseworker(actor) else None)
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
            action=EventAction.ACKNOWLEDGED,
            summary=f"Stage {record.stage} acknowledged on {long_date(acknowledged_on)}; response due {long_date(record.respond_by)}",
            before=before,
            after=snapshot(complaint, record),
            details={
                "definition": definition,
                "outcomes_sought": outcomes,
                "responsibility": record.responsibility,
            },
        )
    return complaint


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
        _check_handler_for_stage(complaint, record.stage, handler)
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
        )
    return complaint
