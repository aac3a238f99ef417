"""Keeping the resident informed and putting things right (Code 5.6, 5.9, 6.6, 6.8, 7.3)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Literal

from django.db import transaction

from putright.cases.models import (
    Action,
    ActionUpdate,
    Complaint,
    EventAction,
    Remedy,
    UpdateAgreement,
)
from putright.cases.services._common import (
    current_stage,
    lock_complaint,
    move,
    raise_if,
    record_event,
    require_text,
    snapshot,
    stage_record,
)
from putright.cases.services.intake import NewComplaint, complaint_log
from putright.core.actor import Actor, user_or_none
from putright.core.dates import code_calendar, england_date, long_date
from putright.core.entries import dated_entry, entry_details
from putright.core.errors import ActionRefused, InvalidInput
from putright.rules import lifecycle
from putright.rules.lifecycle import Action as Move
from putright.rules.promises import PromiseDateInvalid, check_promise_move


def complaint_request_clarification(
    *,
    actor: Actor | None,
    now: datetime,
    complaint_id: int,
    questions: str,
    expected_version: int | None = None,
) -> Complaint:
    """Ask the resident to clarify an unclear aspect of the complaint (Code 5.6, 5.7)."""
    errors: dict[str, str] = {}
    text = require_text(errors, "questions", questions, "Write what you need the resident to clarify")
    raise_if(errors)
    with transaction.atomic():
        complaint = lock_complaint(complaint_id, expected_version=expected_version)
        record = current_stage(complaint)
        before = snapshot(complaint, record)
        move(complaint, Move.REQUEST_CLARIFICATION)
        # The clarification letter itself (drafted by the letters hook) is the record of
        # what was sent (5.12); the questions are kept in the event.
        record_event(
            complaint,
            actor=actor,
            now=now,
            action=EventAction.CLARIFICATION_REQUESTED,
            summary=f"Asked the resident for clarification: {text}",
            before=before,
            after=snapshot(complaint, record),
            details={"questions": text},
        )
    return complaint


def complaint_add_issue(
    *,
    actor: Actor | None,
    now: datetime,
    complaint_id: int,
    description: str,
    raised_at: datetime,
    related: bool,
    would_unreasonably_delay: bool = False,
    late_entry_reason: str = "",
    expected_version: int | None = None,
) -> tuple[Complaint, Complaint | None]:
    """A new issue raised during stage 1 (Code 6.8).

    It joins the stage 1 response when related, the response has not gone and it would
    not unreasonably delay it; otherwise it is logged as a new complaint, linked to this one.
    Returns the complaint and the new complaint, if one was opened. An issue raised on a day
    before today is a late entry and needs `late_entry_reason` (5.12).
    """
    errors: dict[str, str] = {}
    text = require_text(errors, "description", description, "Describe the new issue")
    if raised_at.tzinfo is None:
        errors["raised_at"] = "Give the time with its UTC offset"
    raise_if(errors)
    entry = dated_entry(
        given_on=england_date(raised_at),
        now=now,
        late_entry_reason=late_entry_reason,
        field="raised_at",
        what="the date the new issue was raised",
    )
    with transaction.atomic():
        complaint = lock_complaint(complaint_id, expected_version=expected_version)
        record = current_stage(complaint)
        before = snapshot(complaint, record)
        route: Literal["fold_in", "new_complaint"] = lifecycle.new_issue_route(
            stage=complaint.stage,
            status=lifecycle.Status(complaint.status),
            related=related,
            would_unreasonably_delay=would_unreasonably_delay,
        )
        new: Complaint | None = None
        if route == "fold_in":
            move(complaint, Move.ADD_ISSUE)
            stamp = long_date(england_date(raised_at))
            record.definition = f"{record.definition}\n\nAdditional issue raised on {stamp}: {text}".strip()
            record.save(update_fields=["definition"])
            summary = "New related issue added to the stage 1 complaint"
        else:
            new = complaint_log(
                actor=actor,
                now=now,
                data=NewComplaint(
                    channel=complaint.channel,
                    received_at=raised_at,
                    description=text,
                    resident_id=complaint.resident_id,
                    category=complaint.category.slug if complaint.category else None,
                    representative=None,
                    extra={"linked_from": complaint},
                ),
            )
            summary = f"New issue logged as a separate complaint {new.reference}"
        record_event(
            complaint,
            actor=actor,
            now=now,
            action=EventAction.ISSUE_ADDED,
            summary=summary,
            before=before,
            after=snapshot(complaint, record),
            details={
                "issue": text,
                "route": route,
                "new_complaint": new.reference if new else None,
                **entry_details(entry),
            },
        )
    return complaint, new


def complaint_agree_updates(
    *,
    actor: Actor | None,
    now: datetime,
    complaint_id: int,
    interval_working_days: int,
    agreed_on: date,
    method: str = "",
    late_entry_reason: str = "",
    expected_version: int | None = None,
) -> Complaint:
    """Agree with the resident how often they will hear from us while a response is late (Code 5.9).

    An agreement dated before today is a late entry and needs `late_entry_reason` (5.12): the
    next update is counted from `agreed_on`, so a backdated agreement would move it.
    """
    if not isinstance(interval_working_days, int) or not 1 <= interval_working_days <= 20:
        raise InvalidInput({"interval_working_days": "Enter an interval between 1 and 20 working days"})
    entry = dated_entry(
        given_on=agreed_on,
        now=now,
        late_entry_reason=late_entry_reason,
        field="agreed_on",
        what="the date the update intervals were agreed",
    )
    with transaction.atomic():
        complaint = lock_complaint(complaint_id, expected_version=expected_version)
        record = current_stage(complaint)
        before = snapshot(complaint, record)
        move(complaint, Move.AGREE_UPDATES)
        UpdateAgreement.objects.filter(complaint=complaint, active=True).update(active=False)
        agreement = UpdateAgreement.objects.create(
            complaint=complaint,
            interval_working_days=interval_working_days,
            agreed_on=agreed_on,
            next_update_on=code_calendar().add_working_days(agreed_on, interval_working_days),
            method=method.strip(),
            recorded_on=entry.recorded_on,
            late_entry_reason=entry.late_entry_reason,
        )
        record_event(
            complaint,
            actor=actor,
            now=now,
            action=EventAction.UPDATES_AGREED,
            summary=f"Agreed to update the resident every {interval_working_days} working days",
            before=before,
            after=snapshot(complaint, record),
            details={
                "next_update_on": agreement.next_update_on,
                "method": agreement.method,
                **entry_details(entry),
            },
        )
    return complaint


def remedy_complete(
    *,
    actor: Actor | None,
    now: datetime,
    remedy_id: int,
    completed_on: date,
    note: str = "",
    late_entry_reason: str = "",
) -> Remedy:
    """Record that a remedy was delivered (Code 7.3: followed through to completion).

    A completion dated before today is a late entry and needs `late_entry_reason` (5.12).
    """
    entry = dated_entry(
        given_on=completed_on,
        now=now,
        late_entry_reason=late_entry_reason,
        field="completed_on",
        what="the completion date",
    )
    with transaction.atomic():
        remedy = Remedy.objects.select_for_update().get(pk=remedy_id)
        if remedy.completed_on:
            raise InvalidInput({"remedy": "This remedy is already recorded as completed"})
        complaint = lock_complaint(remedy.complaint_id)
        remedy.completed_on = completed_on
        remedy.completion_recorded_on = entry.recorded_on
        remedy.completion_late_reason = entry.late_entry_reason
        remedy.save(update_fields=["completed_on", "completion_recorded_on", "completion_late_reason"])
        record_event(
            complaint,
            actor=actor,
            now=now,
            action=EventAction.REMEDY_COMPLETED,
            summary=f"Remedy completed: {remedy.get_kind_display()}",
            before={},
            after={},
            details={"remedy": remedy.pk, "completed_on": completed_on, "note": note, **entry_details(entry)},
        )
    return remedy


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


__all__ = [
    "action_update",
    "complaint_add_issue",
    "complaint_agree_updates",
    "complaint_request_clarification",
    "remedy_complete",
]
