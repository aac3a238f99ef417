"""Keeping the resident informed and putting things right (Code 5.6, 5.9, 6.6, 6.8, 7.3)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from django.db import transaction

from putright.cases.models import (
    Complaint,
    EventAction,
    Remedy,
    StageRecord,
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
)
from putright.cases.services.intake import NewComplaint, complaint_log
from putright.core.actor import Actor
from putright.core.dates import code_calendar, england_date, long_date
from putright.core.entries import dated_entry, entry_details
from putright.core.errors import InvalidInput
from putright.rules import lifecycle
from putright.rules.lifecycle import Action as Move


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
    text = _checked_issue(description, raised_at)
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
        route = _issue_route(complaint, related=related, would_unreasonably_delay=would_unreasonably_delay)
        new: Complaint | None = None
        if route == "fold_in":
            move(complaint, Move.ADD_ISSUE)
            _fold_in(record, text, raised_at)
            summary = "New related issue added to the stage 1 complaint"
        else:
            new = _log_apart(complaint, text, raised_at, actor=actor, now=now)
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


def _checked_issue(description: str, raised_at: datetime) -> str:
    """The issue, trimmed; every field error at once (a time raised needs its UTC offset)."""
    errors: dict[str, str] = {}
    text = require_text(errors, "description", description, "Describe the new issue")
    if raised_at.tzinfo is None:
        errors["raised_at"] = "Give the time with its UTC offset"
    raise_if(errors)
    return text


def _issue_route(
    complaint: Complaint, *, related: bool, would_unreasonably_delay: bool
) -> Literal["fold_in", "new_complaint"]:
    """Whether the issue joins this complaint or is logged apart (6.8): the rules core decides."""
    return lifecycle.new_issue_route(
        stage=complaint.stage,
        status=lifecycle.Status(complaint.status),
        related=related,
        would_unreasonably_delay=would_unreasonably_delay,
    )


def _fold_in(record: StageRecord, text: str, raised_at: datetime) -> None:
    """The issue added to the stage 1 definition, dated, so the response answers it too."""
    stamp = long_date(england_date(raised_at))
    record.definition = f"{record.definition}\n\nAdditional issue raised on {stamp}: {text}".strip()
    record.save(update_fields=["definition"])


def _log_apart(
    complaint: Complaint, text: str, raised_at: datetime, *, actor: Actor | None, now: datetime
) -> Complaint:
    """The issue logged as a new complaint of the same resident, linked to this one."""
    return complaint_log(
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


__all__ = [
    "complaint_add_issue",
    "complaint_agree_updates",
    "complaint_request_clarification",
    "remedy_complete",
]
