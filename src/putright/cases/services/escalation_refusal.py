"""Refusing to escalate a complaint to stage 2, only for reasons consistent with section 2 (Code 5.11).

The request is kept with its date and the refusal answers it, measured against the 5 working
days a stage 2 acknowledgement has (6.11).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django.db import transaction

from putright.cases.models import Complaint, EventAction, Refusal, RefusalReason, StageRecord
from putright.cases.services._common import (
    current_stage,
    lock_complaint,
    move,
    raise_if,
    record_event,
    refresh_due,
    require_text,
    snapshot,
)
from putright.cases.services._refusals import beside_the_field, decision_entry, refusal_create
from putright.cases.services.deadlines import acknowledge_due
from putright.core.actor import Actor
from putright.core.dates import england_date, long_date
from putright.core.entries import entry_details
from putright.core.errors import InvalidInput
from putright.rules.entries import Entry
from putright.rules.exclusions import check_refusal_evidence
from putright.rules.lifecycle import Action as Move


def complaint_refuse_escalation(
    *,
    actor: Actor | None,
    now: datetime,
    complaint_id: int,
    requested_at: datetime,
    reason: str,
    explanation: str,
    evidence: str = "",
    refused_on: date | None = None,
    late_entry_reason: str = "",
    expected_version: int | None = None,
) -> Complaint:
    """Refuse to escalate, only for reasons consistent with section 2 (Code 5.11).

    The request for stage 2 is kept with its date, and the refusal is an answer to it: it
    is due within the 5 working days a stage 2 acknowledgement has (6.11), and a refusal
    sent later counts as late.
    """
    text = _checked_escalation_refusal(reason, explanation, requested_at)
    requested_on = england_date(requested_at)
    entry = decision_entry(refused_on, now, late_entry_reason)
    when = entry.given_on
    with transaction.atomic():
        complaint = lock_complaint(complaint_id, expected_version=expected_version)
        record = current_stage(complaint)
        before = snapshot(complaint, record)
        move(complaint, Move.REFUSE_ESCALATION)
        _check_escalation_refusal(record, requested_on, when, reason=reason, evidence=evidence)
        # Measured against the Code's stage 2 acknowledgement (6.11), in the complaint's edition.
        due = acknowledge_due(edition=complaint.code_edition, stage=2, requested_on=requested_on).code
        refusal = refusal_create(
            complaint,
            2,
            actor=actor,
            entry=entry,
            reason=reason,
            evidence=evidence.strip(),
            explanation=text,
            requested_at=requested_at,
            requested_on=requested_on,
            acknowledge_by=due,
        )
        complaint.closed_on = complaint.closed_on or when
        refresh_due(complaint, record)
        late = " (after the 5 working days, Code 6.11)" if when > due else ""
        record_event(
            complaint,
            actor=actor,
            now=now,
            action=EventAction.ESCALATION_REFUSED,
            summary=f"Escalation requested on {long_date(requested_on)} refused{late}: "
            f"{RefusalReason(reason).label.lower()}",
            before=before,
            after=snapshot(complaint, record),
            details=_refusal_details(refusal, entry),
        )
    return complaint


def _refusal_details(refusal: Refusal, entry: Entry) -> dict[str, Any]:
    """What the event keeps of the refusal: its grounds and the request it answers."""
    return {
        "reason": refusal.reason,
        "explanation": refusal.explanation,
        "evidence": refusal.evidence,
        "requested_on": refusal.requested_on,
        **entry_details(entry),
    }


def _checked_escalation_refusal(reason: str, explanation: str, requested_at: datetime) -> str:
    """The explanation, trimmed, or every field error at once."""
    errors: dict[str, str] = {}
    if reason not in RefusalReason.values:
        errors["reason"] = f"Choose a reason: {', '.join(RefusalReason.values)}"
    text = require_text(
        errors, "explanation", explanation, "Set out the reasons clearly for the resident (Code 5.11)"
    )
    if requested_at.tzinfo is None:
        errors["requested_at"] = "Give the time with its UTC offset"
    raise_if(errors)
    return text


def _check_escalation_refusal(
    record: StageRecord, requested_on: date, refused_on: date, *, reason: str, evidence: str
) -> None:
    """Stage 2 asked for after the stage 1 response and refused after it was asked for, for a
    reason the Code allows with its evidence (5.11, 2.1, 2.2)."""
    if record.responded_on and requested_on < record.responded_on:
        raise InvalidInput({"requested_at": "Stage 2 cannot have been asked for before the stage 1 response"})
    if refused_on < requested_on:
        raise InvalidInput({"refused_on": "The refusal cannot be before stage 2 was asked for"})
    with beside_the_field():
        check_refusal_evidence(reason=reason, evidence_given=bool(evidence.strip()))
