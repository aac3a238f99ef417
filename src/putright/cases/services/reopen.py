"""Reopening a refused complaint (Code 2.4): stage 1 starts again from the reopening."""

from __future__ import annotations

from datetime import date, datetime

from django.db import transaction

from putright.cases.models import Complaint, EventAction, Refusal, StageRecord
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
from putright.cases.services.deadlines import acknowledge_due
from putright.cases.services.intake import FUTURE_TOLERANCE
from putright.core.actor import Actor
from putright.core.dates import england_date, long_date
from putright.rules.exclusions import (
    check_reopening,
)
from putright.rules.lifecycle import Action as Move


def complaint_reopen(
    *,
    actor: Actor | None,
    now: datetime,
    complaint_id: int,
    reason: str,
    reopened_at: datetime,
    expected_version: int | None = None,
) -> Complaint:
    """Take on a complaint that was not accepted (Code 2.4): the landlord reconsiders, or the
    Ombudsman finds the exclusion was not fairly applied.

    Stage 1 starts again from the reopening: the acknowledgement is due 5 working days after
    the date in England of `reopened_at` (day 0), as for a new complaint (6.2). The refusal
    stays in the record, marked reopened. The complaint keeps its date of receipt, so every
    figure counts it once, in the period it was first received.
    """
    errors: dict[str, str] = {}
    text = require_text(errors, "reason", reason, "Say why the complaint is now being taken on (Code 2.4)")
    if reopened_at.tzinfo is None:
        errors["reopened_at"] = "Give the time with its UTC offset"
    elif reopened_at > now + FUTURE_TOLERANCE:
        errors["reopened_at"] = "The reopening cannot be in the future"
    raise_if(errors)
    reopened_on = england_date(reopened_at)
    with transaction.atomic():
        complaint = lock_complaint(complaint_id, expected_version=expected_version)
        record = current_stage(complaint)
        before = snapshot(complaint, record)
        move(complaint, Move.REOPEN)
        refusal = (
            Refusal.objects.select_for_update()
            .filter(complaint=complaint, stage=1, reopened_at__isnull=True)
            .order_by("-id")
            .first()
        )
        with rules():
            check_reopening(refused_on=refusal.refused_on if refusal else None, reopened_on=reopened_on)
        assert refusal is not None
        refusal.reopened_at, refusal.reopened_on, refusal.reopen_reason = reopened_at, reopened_on, text
        refusal.save(update_fields=["reopened_at", "reopened_on", "reopen_reason"])
        _restart_stage_one(complaint, record, reopened_on)
        complaint.closed_on = None
        refresh_due(complaint, record)
        record_event(
            complaint,
            actor=actor,
            now=now,
            action=EventAction.REOPENED,
            summary=f"Reopened on {long_date(reopened_on)}; acknowledge by {long_date(record.acknowledge_by)}",
            before=before,
            after=snapshot(complaint, record),
            details={"reason": text, "refusal": refusal.pk, "reopened_at": reopened_at},
        )
    return complaint


def _restart_stage_one(complaint: Complaint, record: StageRecord, reopened_on: date) -> None:
    # `requested_on` stays the day of receipt: the figures count the complaint once, in the
    # period it came in. The clock the Code runs is set from the reopening, and any
    # acknowledgement made before the refusal no longer counts (the event log keeps it).
    due = acknowledge_due(edition=complaint.code_edition, stage=1, requested_on=reopened_on)
    record.acknowledge_by, record.code_acknowledge_by = due.policy, due.code
    record.acknowledged_on = None
    record.respond_by = record.code_respond_by = None
    record.save(
        update_fields=[
            "acknowledge_by",
            "code_acknowledge_by",
            "acknowledged_on",
            "respond_by",
            "code_respond_by",
        ]
    )
