"""Escalating, refusing, withdrawing and closing (Code 2.1-2.5, 5.3, 5.11, 6.10-6.12)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from decimal import Decimal
from typing import Any

from django.db import transaction

from putright.cases.models import Channel, Complaint, EventAction, StageRecord
from putright.cases.selectors import OpenWork, complaint_open_work
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
from putright.cases.services.deadlines import acknowledge_due
from putright.core.actor import Actor
from putright.core.dates import england_date, long_date
from putright.core.entries import dated_entry, entry_details
from putright.core.errors import ActionRefused, InvalidInput
from putright.rules.endings import deadline_missed_by
from putright.rules.entries import Entry
from putright.rules.lifecycle import Action as Move


def complaint_escalate(
    *,
    actor: Actor | None,
    now: datetime,
    complaint_id: int,
    requested_at: datetime,
    reason: str = "",
    late_entry_reason: str = "",
    expected_version: int | None = None,
) -> Complaint:
    """Start stage 2 at the resident's request. No reason is needed (Code 6.12); there is no stage 3 (5.3).

    A request recorded after the day it was made is a late entry and needs `late_entry_reason` (5.12).
    """
    if requested_at.tzinfo is None:
        raise InvalidInput({"requested_at": "Give the time with its UTC offset"})
    entry = dated_entry(
        given_on=england_date(requested_at),
        now=now,
        late_entry_reason=late_entry_reason,
        field="requested_at",
        what="the date stage 2 was requested",
    )
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
        record = _stage_two_open(complaint, requested_at, entry, reason=reason)
        # The stage 1 handler may not consider stage 2 (6.13): the case waits for a reviewer.
        complaint.handler = None
        complaint.escalation_requested_on = requested_on
        complaint.closed_on = None
        refresh_due(complaint, record)
        record_event(
            complaint,
            actor=actor,
            now=now,
            action=EventAction.ESCALATED,
            summary=f"Stage 2 requested on {long_date(requested_on)}; acknowledge by {long_date(record.acknowledge_by)}",
            before=before,
            after=snapshot(complaint, record),
            details={"reason": record.escalation_reason, **entry_details(entry)},
        )
    return complaint


def _stage_two_open(
    complaint: Complaint, requested_at: datetime, entry: Entry, *, reason: str
) -> StageRecord:
    """Stage 2 as requested, with the day the request was entered (5.12) and its acknowledgement
    deadline (6.11) in the complaint's edition of the Code."""
    requested_on = entry.given_on
    due = acknowledge_due(edition=complaint.code_edition, stage=2, requested_on=requested_on)
    return StageRecord.objects.create(
        complaint=complaint,
        stage=2,
        requested_at=requested_at,
        requested_on=requested_on,
        request_recorded_on=entry.recorded_on,
        request_late_reason=entry.late_entry_reason,
        escalation_reason=(reason or "").strip(),
        acknowledge_by=due.policy,
        code_acknowledge_by=due.code,
    )


def _finish(
    actor: Actor | None,
    now: datetime,
    complaint_id: int,
    step: Move,
    action: EventAction,
    summary: str,
    field: str,
    expected_version: int | None,
    note: str = "",
    check: Callable[[Complaint], None] | None = None,
) -> Complaint:
    with transaction.atomic():
        complaint = lock_complaint(complaint_id, expected_version=expected_version)
        if check is not None:
            check(complaint)
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
    actor: Actor | None,
    now: datetime,
    complaint_id: int,
    channel: str,
    note: str,
    expected_version: int | None = None,
) -> Complaint:
    """The resident withdraws the complaint. The record stays (5.12).

    How they told us (`channel`) and why (`note`) are required, and a letter confirming the
    withdrawal is drafted. Whether a Code deadline at the stage had already passed unmet is
    kept, so the report can count withdrawals after a deadline apart from the others.
    """
    errors: dict[str, str] = {}
    if channel not in Channel.values:
        errors["channel"] = "Say how the resident told us they were withdrawing"
    text = require_text(errors, "note", note, "Say why the resident is withdrawing the complaint")
    raise_if(errors)
    with transaction.atomic():
        complaint = lock_complaint(complaint_id, expected_version=expected_version)
        record = current_stage(complaint)
        before = snapshot(complaint, record)
        move(complaint, Move.WITHDRAW)
        today = england_date(now)
        complaint.withdrawn_on = today
        complaint.withdrawal_channel = channel
        complaint.withdrawal_note = text
        complaint.withdrawn_after_deadline = deadline_missed_by(
            on=today,
            # Withdrawn after a deadline is judged against the Code's dates, as CH02 is.
            acknowledge_by=record.code_acknowledge_by or record.acknowledge_by,
            acknowledged_on=record.acknowledged_on,
            respond_by=record.code_respond_by,
            responded_on=record.responded_on,
        )
        refresh_due(complaint, record)
        late = " after a deadline had passed" if complaint.withdrawn_after_deadline else ""
        record_event(
            complaint,
            actor=actor,
            now=now,
            action=EventAction.WITHDRAWN,
            summary=f"Complaint withdrawn{late} ({complaint.get_withdrawal_channel_display().lower()})",
            before=before,
            after=snapshot(complaint, record),
            details={"note": text, "channel": channel, "after_deadline": complaint.withdrawn_after_deadline},
        )
    return complaint


def complaint_close(
    *,
    actor: Actor | None,
    now: datetime,
    complaint_id: int,
    note: str = "",
    expected_version: int | None = None,
    confirm_open_work: bool = False,
) -> Complaint:
    """Close after a response. Outstanding actions are still tracked after closing, in their
    owners' work, until done (6.6); closing with actions or remedies still open must be
    confirmed (`confirm_open_work`), so nobody closes a case thinking the work is over."""

    def confirmed(complaint: Complaint) -> None:
        work = complaint_open_work(complaint_id=complaint.pk)
        if work and not confirm_open_work:
            raise ActionRefused(open_work_message(work), code_paragraph="6.6", field="confirm_open_work")

    return _finish(
        actor,
        now,
        complaint_id,
        Move.CLOSE,
        EventAction.CLOSED,
        "Complaint closed",
        "closed_on",
        expected_version,
        note,
        check=confirmed,
    )


def _remedy_text(remedy: Any) -> str:
    amount = f" ({money_text(remedy.amount)})" if remedy.amount is not None else ""
    due = f", due {long_date(remedy.due_on)}" if remedy.due_on else ""
    return f"remedy “{remedy.description}”{amount}{due}"


def money_text(amount: Decimal) -> str:
    return f"£{amount:,.2f}"


def open_work_message(work: OpenWork) -> str:
    """What is still open, item by item, so that the person closing sees what they confirm."""
    items = [
        f"action “{a.description}” promised by {long_date(a.promise_on)}"
        + (f" ({a.owner.display_name})" if a.owner else "")
        for a in work.actions
    ] + [_remedy_text(r) for r in work.remedies]
    return (
        "This complaint still has open work: "
        + "; ".join(items)
        + ". Confirm that you are closing it with this work open: open actions stay in their "
        "owner's work until they are done"
    )
