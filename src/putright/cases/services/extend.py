"""Extending a stage's response date (Code 6.4, 6.15): the cap, the notice, the record."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.db import transaction

from putright.cases.models import Complaint, EventAction, Extension, StageRecord
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
from putright.cases.services.deadlines import extend_record_due, ruleset_of
from putright.cases.services.stage_actors import check_stage_two
from putright.core.actor import Actor, user_or_none
from putright.core.dates import england_date, long_date
from putright.core.entries import dated_entry, entry_details
from putright.core.errors import ActionRefused
from putright.rules import notices
from putright.rules.entries import Entry
from putright.rules.lifecycle import Action as Move
from putright.rules.timescales import check_extension


@dataclass(frozen=True)
class _Asked:
    """The extension asked for: how long, why (told to the resident), and whether there is good
    reason to pass the cap, with its explanation."""

    working_days: int
    reason: str
    good_reason: bool
    good_reason_explanation: str


def complaint_extend(
    *,
    actor: Actor | None,
    now: datetime,
    complaint_id: int,
    working_days: int,
    reason: str,
    good_reason: bool = False,
    good_reason_explanation: str = "",
    notified_on: date | None = None,
    ombudsman_details_given: bool = True,
    late_entry_reason: str = "",
    expected_version: int | None = None,
) -> Complaint:
    """Extend the response deadline (Code 6.4, 6.15), telling the resident with the Ombudsman's details (6.5, 6.16).

    Extensions at a stage add up; without good reason their total may not pass the cap, and
    passing it with good reason needs `good_reason_explanation`, which the notice gives the
    resident. The extension must be notified on or before the response date in force and not
    in the future: a response after the deadline is late, whatever is recorded afterwards.
    """
    asked = _Asked(working_days, _checked_reason(reason, working_days), good_reason, good_reason_explanation)
    with transaction.atomic():
        complaint = lock_complaint(complaint_id, expected_version=expected_version)
        record = current_stage(complaint)
        _check_ombudsman_details(record, ombudsman_details_given)
        before = snapshot(complaint, record)
        move(complaint, Move.EXTEND)
        entry = _told_entry(record, notified_on, late_entry_reason, now)
        beyond_cap = _check_extension(complaint, record, asked, entry.given_on, now)
        check_stage_two(complaint, record.stage, acting=actor, handler=record.handler)
        extension = _stage_extended(record, asked, beyond_cap=beyond_cap, entry=entry, actor=actor)
        refresh_due(complaint, record)
        record_event(
            complaint,
            actor=actor,
            now=now,
            action=EventAction.EXTENDED,
            summary=f"Stage {record.stage} response extended by {working_days} working days to {long_date(record.respond_by)}",
            before=before,
            after=snapshot(complaint, record),
            details=_extension_details(extension, beyond_cap=beyond_cap, entry=entry),
        )
    return complaint


def _checked_reason(reason: str, working_days: int) -> str:
    """The reason, trimmed, and a whole number of days, or every field error at once."""
    errors: dict[str, str] = {}
    text = require_text(
        errors, "reason", reason, "Explain the reason for the extension to the resident (Code 6.4)"
    )
    if not isinstance(working_days, int) or working_days < 1:
        errors["working_days"] = "Enter the extension as a whole number of working days, 1 or more"
    raise_if(errors)
    return text


def _check_ombudsman_details(record: StageRecord, given: bool) -> None:
    """The notice must give the Ombudsman's contact details (6.5, 6.16)."""
    if not given:
        raise ActionRefused(
            "The resident must be given the Ombudsman's contact details with the extension",
            code_paragraph="6.16" if record.stage == 2 else "6.5",
            field="ombudsman_details_given",
        )


def _stage_extended(
    record: StageRecord, asked: _Asked, *, beyond_cap: bool, entry: Entry, actor: Actor | None
) -> Extension:
    """The stage's response dates moved on by the extension (in the complaint's edition), and
    the extension recorded with when the resident was told (5.12)."""
    assert record.acknowledged_on is not None
    due = extend_record_due(record, asked.working_days)
    record.extension_days += asked.working_days
    record.respond_by, record.code_respond_by = due.policy, due.code
    record.save(update_fields=["extension_days", "respond_by", "code_respond_by"])
    return Extension.objects.create(
        stage_record=record,
        working_days=asked.working_days,
        reason=asked.reason,
        good_reason=asked.good_reason,
        good_reason_explanation=asked.good_reason_explanation.strip() if beyond_cap else "",
        notified_on=entry.given_on,
        recorded_on=entry.recorded_on,
        late_entry_reason=entry.late_entry_reason,
        ombudsman_details_given=True,
        new_respond_by=record.respond_by,
        created_by=user_or_none(actor),
    )


def _extension_details(extension: Extension, *, beyond_cap: bool, entry: Entry) -> dict[str, Any]:
    return {
        "reason": extension.reason,
        "good_reason": extension.good_reason,
        "working_days": extension.working_days,
        "notified_on": extension.notified_on,
        "beyond_cap": beyond_cap,
        **({"good_reason_explanation": extension.good_reason_explanation} if beyond_cap else {}),
        **entry_details(entry),
    }


def _told_entry(record: Any, notified_on: date | None, late_entry_reason: str, now: datetime) -> Entry:
    """The day the resident was told, as a dated entry (5.12).

    A notice dated in the future is first an extension not yet agreed (6.4 / 6.15), so that
    rule answers before the general one that nothing is recorded before it happens.
    """
    told_on = notified_on or england_date(now)
    if record.respond_by is not None and told_on > england_date(now):
        with rules("notified_on"):
            notices.check_extension_notice(
                stage=record.stage, respond_by=record.respond_by, notified_on=told_on, today=england_date(now)
            )
    return dated_entry(
        given_on=told_on,
        now=now,
        late_entry_reason=late_entry_reason,
        field="notified_on",
        what="the date the resident was told",
    )


def _check_extension(
    complaint: Complaint, record: StageRecord, asked: _Asked, told_on: date, now: datetime
) -> bool:
    """Code 6.4 / 6.15 for one more extension; True when the stage's extensions pass the cap.

    The cap is the complaint's own edition's (2020 or 2024 Code), as the deadlines are.
    """
    assert record.respond_by is not None
    ruleset = ruleset_of(complaint)
    with rules("working_days"):
        check_extension(
            stage=record.stage,
            already_extended_days=record.extension_days,
            requested_days=asked.working_days,
            good_reason=asked.good_reason,
            ruleset=ruleset,
        )
    with rules("notified_on"):
        notices.check_extension_notice(
            stage=record.stage, respond_by=record.respond_by, notified_on=told_on, today=england_date(now)
        )
    total = record.extension_days + asked.working_days
    cap = ruleset.extension_cap_days[record.stage]
    with rules("good_reason_explanation"):
        notices.check_good_reason_explanation(
            stage=record.stage,
            total_days=total,
            cap=cap,
            good_reason=asked.good_reason,
            explanation=asked.good_reason_explanation,
        )
    return asked.good_reason and total > cap
