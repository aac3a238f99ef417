"""Escalating, refusing, withdrawing and closing (Code 2.1-2.5, 5.3, 5.11, 6.10-6.12)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.db import transaction

from putright.cases.models import (
    Complaint,
    EventAction,
    Refusal,
    RefusalReason,
    StageRecord,
)
from putright.cases.selectors import OpenWork, complaint_open_work
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
from putright.rules.lifecycle import Action as Move
from putright.rules.timescales import (
    acknowledge_by,
    check_refusal_time_limit,
)


def complaint_escalate(
    *,
    actor: Actor | None,
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
            action=EventAction.ESCALATED,
            summary=f"Stage 2 requested on {long_date(requested_on)}; acknowledge by {long_date(record.acknowledge_by)}",
            before=before,
            after=snapshot(complaint, record),
            details={"reason": record.escalation_reason},
        )
    return complaint


@dataclass(frozen=True)
class _RefusalKind:
    move: Move
    stage: int  # 1: the complaint is not accepted; 2: stage 2 is refused
    action: EventAction
    summary: str
    explain: str


_NOT_ACCEPTED = _RefusalKind(
    Move.REFUSE,
    1,
    EventAction.REFUSED,
    "Not accepted",
    "Explain to the resident why the complaint is not accepted (Code 2.4)",
)
_NO_ESCALATION = _RefusalKind(
    Move.REFUSE_ESCALATION,
    2,
    EventAction.ESCALATION_REFUSED,
    "Escalation refused",
    "Set out the reasons clearly for the resident (Code 5.11)",
)


def _refuse(
    kind: _RefusalKind,
    *,
    actor: Actor | None,
    now: datetime,
    complaint_id: int,
    reason: str,
    explanation: str,
    evidence: str,
    refused_on: date | None,
    expected_version: int | None,
) -> Complaint:
    errors: dict[str, str] = {}
    if reason not in RefusalReason.values:
        errors["reason"] = f"Choose a reason: {', '.join(RefusalReason.values)}"
    text = require_text(errors, "explanation", explanation, kind.explain)
    raise_if(errors)
    with transaction.atomic():
        complaint = lock_complaint(complaint_id, expected_version=expected_version)
        record = current_stage(complaint)
        before = snapshot(complaint, record)
        move(complaint, kind.move)
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
            stage=kind.stage,
            reason=reason,
            evidence=evidence.strip(),
            explanation=text,
            refused_on=when,
            created_by=user_or_none(actor),
        )
        complaint.closed_on = complaint.closed_on or when
        refresh_due(complaint, record)
        record_event(
            complaint,
            actor=actor,
            now=now,
            action=kind.action,
            summary=f"{kind.summary}: {RefusalReason(reason).label.lower()}",
            before=before,
            after=snapshot(complaint, record),
            details={"reason": reason, "explanation": text, "evidence": evidence.strip()},
        )
    return complaint


def complaint_refuse(
    *,
    actor: Actor | None,
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
    return _refuse(
        _NOT_ACCEPTED,
        actor=actor,
        now=now,
        complaint_id=complaint_id,
        reason=reason,
        explanation=explanation,
        evidence=evidence,
        refused_on=refused_on,
        expected_version=expected_version,
    )


def complaint_refuse_escalation(
    *,
    actor: Actor | None,
    now: datetime,
    complaint_id: int,
    reason: str,
    explanation: str,
    evidence: str = "",
    expected_version: int | None = None,
) -> Complaint:
    """Refuse to escalate, only for reasons consistent with section 2 (Code 5.11)."""
    return _refuse(
        _NO_ESCALATION,
        actor=actor,
        now=now,
        complaint_id=complaint_id,
        reason=reason,
        explanation=explanation,
        evidence=evidence,
        refused_on=None,
        expected_version=expected_version,
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
    note: str = "",
    expected_version: int | None = None,
) -> Complaint:
    """The resident withdraws the complaint. The record stays (5.12)."""
    return _finish(
        actor,
        now,
        complaint_id,
        Move.WITHDRAW,
        EventAction.WITHDRAWN,
        "Complaint withdrawn",
        "withdrawn_on",
        expected_version,
        note,
    )


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
