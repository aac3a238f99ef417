"""Shared machinery for the case services: loading under lock, the event log, deadlines.

Private to `putright.cases.services` (tests/test_architecture.py enforces it): other apps
write the case record through the public services. Dates, references and dated entries
are the kernel's (`putright.core.dates`, `.references`, `.entries`).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from typing import Any

from putright.cases.hooks import run_event_hooks
from putright.cases.models import (
    CaseEvent,
    Complaint,
    EventAction,
    Hazard,
    StageRecord,
    Status,
)
from putright.cases.services.queue_key import refresh_queue_key
from putright.core.actor import Actor, actor_label, user_or_none
from putright.core.errors import ActionRefused, EditConflict, InvalidInput
from putright.rules import lifecycle, notices
from putright.rules.errors import RuleViolation


@contextmanager
def rules(field: str | None = None) -> Iterator[None]:
    """Turn a rule violation into the application error the interfaces understand.

    `field` names the input the refusal is about, so a form shows it beside that field.
    """
    try:
        yield
    except RuleViolation as violation:
        raise ActionRefused.from_rule(violation, field=field) from violation


def lock_complaint(complaint_id: int, *, expected_version: int | None = None) -> Complaint:
    """Load a complaint for change inside the caller's transaction.

    `select_for_update` serialises writers on PostgreSQL; `expected_version` makes a
    write based on a stale page fail with a clear conflict instead of overwriting.
    """
    # Lock the row alone, then load related rows: a row joined under FOR UPDATE OF the
    # complaint would come from the snapshot before the wait, naming a stale handler.
    complaint = Complaint.objects.select_for_update().filter(pk=complaint_id).first()
    if complaint is None:
        raise InvalidInput({"complaint": "No such complaint"})
    if expected_version is not None and expected_version != complaint.version:
        raise EditConflict(
            f"{complaint.reference} was changed by someone else while you were working on it. "
            "Reload it to see their change; what you entered has not been saved."
        )
    return complaint


def current_stage(complaint: Complaint) -> StageRecord:
    return StageRecord.objects.select_for_update().get(complaint=complaint, stage=complaint.stage)


def stage_record(complaint: Complaint, stage: int) -> StageRecord | None:
    return StageRecord.objects.filter(complaint=complaint, stage=stage).first()


def move(complaint: Complaint, action: lifecycle.Action) -> None:
    """Apply the lifecycle table: forbidden moves raise with their Code paragraph."""
    with rules():
        status, stage = lifecycle.next_status(
            status=lifecycle.Status(complaint.status), stage=complaint.stage, action=action
        )
    complaint.status = str(status)
    complaint.stage = stage


def refresh_due(complaint: Complaint, record: StageRecord | None) -> None:
    """Store the next deadline at the current stage, so queues are one index scan.

    The landlord's date (the one the resident was told), never later than the Code's.
    """
    if record is None or complaint.status not in {Status.RECEIVED, Status.ACKNOWLEDGED}:
        complaint.next_due = None
    elif complaint.status == Status.RECEIVED:
        complaint.next_due = record.acknowledge_by
    else:
        complaint.next_due = record.respond_by


def refresh_priority(complaint: Complaint) -> None:
    """Hazards first, then vulnerable residents (Code 6.1)."""
    # `hazard` is the most urgent hazard the complaint revealed; it raises the priority only
    # while one is open (the hazard services keep `hazard_due_at` set exactly then).
    score = {Hazard.EMERGENCY: 30, Hazard.SIGNIFICANT: 20}.get(Hazard(complaint.hazard or ""), 0)
    if complaint.hazard_due_at is None:
        score = 0
    complaint.priority = score + (10 if complaint.vulnerable else 0)


def snapshot(complaint: Complaint, record: StageRecord | None = None) -> dict[str, Any]:
    data: dict[str, Any] = {
        "status": complaint.status,
        "stage": complaint.stage,
        "handler": complaint.handler.username if complaint.handler_id and complaint.handler else None,
        "next_due": complaint.next_due,
        "priority": complaint.priority,
        "hazard": complaint.hazard,
        "vulnerable": complaint.vulnerable,
    }
    if record is not None:
        for name in (
            "acknowledge_by",
            "acknowledged_on",
            "respond_by",
            "extension_days",
            "responded_on",
            "decision",
        ):
            data[f"stage{record.stage}_{name}"] = getattr(record, name)
    return data


def _jsonable(value: Any) -> Any:
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if hasattr(value, "quantize"):
        return str(value)
    return value


def record_event(
    complaint: Complaint,
    *,
    actor: Actor | None,
    now: datetime,
    action: EventAction,
    summary: str,
    before: dict[str, Any],
    after: dict[str, Any],
    details: dict[str, Any] | None = None,
    saved: bool = False,
) -> CaseEvent:
    """Append the one event for this action; only the fields that changed are kept.

    `saved`: the caller has just inserted the complaint already at the version this event
    gives it (logging a new complaint), so it is not written again."""
    changed = {k for k in after if before.get(k) != after.get(k)}
    payload_after = {k: after[k] for k in changed}
    if details:
        payload_after.update(details)
    if not saved:
        complaint.version += 1
        refresh_queue_key(complaint)
        complaint.save()
    event = CaseEvent.objects.create(
        complaint=complaint,
        at=now,
        actor=user_or_none(actor),
        actor_label=actor_label(actor),
        action=action,
        summary=summary[:500],
        before=_jsonable({k: before.get(k) for k in changed}),
        after=_jsonable(payload_after),
    )
    run_event_hooks(event)
    return event


def require_text(errors: dict[str, str], name: str, value: str | None, message: str) -> str:
    text = (value or "").strip()
    if not text:
        errors[name] = message
    return text


def raise_if(errors: dict[str, str]) -> None:
    if errors:
        raise InvalidInput(errors)


def told_outside(sent_outside: bool, note: str) -> str:
    """The record of a letter sent outside putright ('' when putright sends it) (Code 5.12)."""
    text = (note or "").strip()
    with rules("sent_outside_note"):
        notices.check_sent_outside(sent_outside=sent_outside, note=text)
    return text if sent_outside else ""
