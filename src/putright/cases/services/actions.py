"""Outstanding actions after a response (Code 6.9f, 6.19f): updates, moved dates, completion."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.db import transaction

from putright.cases.models import (
    Action,
    ActionUpdate,
    EventAction,
)
from putright.cases.services._common import (
    lock_complaint,
    raise_if,
    record_event,
    require_text,
    stage_record,
)
from putright.core.actor import Actor, user_or_none
from putright.core.dates import long_date
from putright.core.entries import dated_entry, entry_details
from putright.core.errors import ActionRefused, InvalidInput
from putright.rules.entries import Entry
from putright.rules.promises import PromiseDateInvalid, check_promise_move


@dataclass(frozen=True)
class _PromiseMove:
    """A new promise date an update may bring, why it moved, and when and how the resident was
    told (6.6, 6.17); `new_on` is None when the promise stays."""

    new_on: date | None
    reason: str
    told_on: date | None
    told_how: str


def action_update(
    *,
    actor: Actor | None,
    now: datetime,
    action_id: int,
    text: str,
    given_on: date,
    completed: bool = False,
    new_promise_on: date | None = None,
    promise_change_reason: str = "",
    resident_told_on: date | None = None,
    resident_told_how: str = "",
    late_entry_reason: str = "",
) -> Action:
    """Update the resident on an outstanding action, or record it done (Code 6.6, 6.17).

    Moving the promise date needs a reason and when (and how) the resident was told; the
    first promise date is kept and stays the measure of "kept on time". An update given
    before today is a late entry and needs `late_entry_reason` (5.12).
    """
    move = _PromiseMove(new_promise_on, promise_change_reason, resident_told_on, resident_told_how)
    body, entry = _checked_update(text, given_on, move, now=now, late_entry_reason=late_entry_reason)
    with transaction.atomic():
        action = Action.objects.select_for_update().get(pk=action_id)
        if action.completed_on:
            raise InvalidInput({"action": "This action is already complete"})
        complaint = lock_complaint(action.complaint_id)
        before = {"promise_on": action.promise_on, "completed_on": action.completed_on}
        moved_from = action.promise_on if move.new_on else None
        if move.new_on:
            _check_move(action, move)
            action.promise_on = move.new_on
        _update_store(action, body, entry, moved_from=moved_from, move=move, actor=actor)
        if completed:
            action.completed_on = given_on
        action.save(update_fields=["promise_on", "completed_on"])
        record_event(
            complaint,
            actor=actor,
            now=now,
            action=EventAction.ACTION_COMPLETED if completed else EventAction.ACTION_UPDATED,
            summary=_update_summary(action, completed=completed, moved_from=moved_from),
            before=before,
            after={"promise_on": action.promise_on, "completed_on": action.completed_on},
            details={
                "action": action.pk,
                "update": body,
                **_move_details(action, moved_from, move),
                **entry_details(entry),
            },
        )
    return action


def _checked_update(
    text: str, given_on: date, move: _PromiseMove, *, now: datetime, late_entry_reason: str
) -> tuple[str, Entry]:
    """The update's text, trimmed, and its date as a dated entry (5.12); the resident cannot
    have been told of a moved promise after today."""
    errors: dict[str, str] = {}
    body = require_text(errors, "text", text, "Write the update given to the resident")
    raise_if(errors)
    entry = dated_entry(
        given_on=given_on,
        now=now,
        late_entry_reason=late_entry_reason,
        field="given_on",
        what="the date the update was given",
    )
    if move.told_on is not None and move.told_on > entry.recorded_on:
        raise InvalidInput({"resident_told_on": "The date the resident was told cannot be in the future"})
    return body, entry


def _update_store(
    action: Action,
    body: str,
    entry: Entry,
    *,
    moved_from: date | None,
    move: _PromiseMove,
    actor: Actor | None,
) -> None:
    """The update as given, with the promise's move when it moved (from, to, why, told)."""
    moved = bool(move.new_on)
    ActionUpdate.objects.create(
        action=action,
        text=body,
        given_on=entry.given_on,
        recorded_on=entry.recorded_on,
        late_entry_reason=entry.late_entry_reason,
        promise_moved_from=moved_from,
        promise_moved_to=move.new_on,
        promise_change_reason=move.reason.strip() if moved else "",
        resident_told_on=move.told_on if moved else None,
        resident_told_how=move.told_how.strip()[:60] if moved else "",
        created_by=user_or_none(actor),
    )


def _check_move(action: Action, move: _PromiseMove) -> None:
    assert move.new_on is not None
    record = stage_record(action.complaint, action.stage)
    try:
        check_promise_move(
            stage=action.stage,
            current_on=action.promise_on,
            new_on=move.new_on,
            responded_on=record.responded_on if record else None,
            reason=move.reason,
            resident_told_on=move.told_on,
        )
    except PromiseDateInvalid as violation:
        raise ActionRefused.from_rule(violation, field=violation.field or None) from violation


def _move_details(action: Action, moved_from: date | None, move: _PromiseMove) -> dict[str, Any]:
    if moved_from is None:
        return {}
    return {
        "first_promise_on": action.first_promise_on,
        "promise_moved_from": moved_from,
        "promise_change_reason": move.reason.strip(),
        "resident_told_on": move.told_on,
        "resident_told_how": move.told_how.strip()[:60],
    }


def _update_summary(action: Action, *, completed: bool, moved_from: date | None) -> str:
    if completed:
        return "Outstanding action completed: " + action.description[:200]
    if moved_from is not None:
        # Both dates in the summary: the record shows the promise moved, not only where it is now.
        return (
            f"Promise moved from {long_date(moved_from)} to {long_date(action.promise_on)} "
            f"(first promised {long_date(action.first_promise_on)}): " + action.description[:160]
        )
    return "Update on action: " + action.description[:200]
