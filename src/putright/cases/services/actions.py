"""Outstanding actions after a response (Code 6.9f, 6.19f): updates, moved dates, completion."""

from __future__ import annotations

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
from putright.rules.promises import PromiseDateInvalid, check_promise_move


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
    if resident_told_on is not None and resident_told_on > entry.recorded_on:
        raise InvalidInput({"resident_told_on": "The date the resident was told cannot be in the future"})
    with transaction.atomic():
        action = Action.objects.select_for_update().get(pk=action_id)
        if action.completed_on:
            raise InvalidInput({"action": "This action is already complete"})
        complaint = lock_complaint(action.complaint_id)
        before = {"promise_on": action.promise_on, "completed_on": action.completed_on}
        moved_from = action.promise_on if new_promise_on else None
        if new_promise_on:
            _check_move(action, new_promise_on, promise_change_reason, resident_told_on)
            action.promise_on = new_promise_on
        ActionUpdate.objects.create(
            action=action,
            text=body,
            given_on=given_on,
            recorded_on=entry.recorded_on,
            late_entry_reason=entry.late_entry_reason,
            promise_moved_from=moved_from,
            promise_moved_to=new_promise_on,
            promise_change_reason=promise_change_reason.strip() if new_promise_on else "",
            resident_told_on=resident_told_on if new_promise_on else None,
            resident_told_how=resident_told_how.strip()[:60] if new_promise_on else "",
            created_by=user_or_none(actor),
        )
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
                **_move_details(
                    action, moved_from, promise_change_reason, resident_told_on, resident_told_how
                ),
                **entry_details(entry),
            },
        )
    return action


def _check_move(action: Action, new_on: date, reason: str, resident_told_on: date | None) -> None:
    record = stage_record(action.complaint, action.stage)
    try:
        check_promise_move(
            stage=action.stage,
            current_on=action.promise_on,
            new_on=new_on,
            responded_on=record.responded_on if record else None,
            reason=reason,
            resident_told_on=resident_told_on,
        )
    except PromiseDateInvalid as violation:
        raise ActionRefused.from_rule(violation, field=violation.field or None) from violation


def _move_details(
    action: Action, moved_from: date | None, reason: str, told_on: date | None, told_how: str
) -> dict[str, Any]:
    if moved_from is None:
        return {}
    return {
        "first_promise_on": action.first_promise_on,
        "promise_moved_from": moved_from,
        "promise_change_reason": reason.strip(),
        "resident_told_on": told_on,
        "resident_told_how": told_how.strip()[:60],
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
