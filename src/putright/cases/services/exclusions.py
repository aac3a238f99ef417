"""Refusing a complaint or its escalation, and reopening a refused complaint (Code 2.1-2.5, 5.11)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from putright.cases.models import Complaint, EventAction, Refusal, RefusalReason
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
from putright.cases.services.people import attachment_store
from putright.cases.uploads import check_upload
from putright.core.actor import Actor, user_or_none
from putright.core.dates import england_date, long_date
from putright.core.entries import dated_entry, entry_details
from putright.core.errors import ActionRefused, InvalidInput
from putright.rules.errors import RefusalNotEvidenced
from putright.rules.exclusions import (
    OVER_12_MONTHS,
    check_out_of_time_refusal,
    check_refusal_evidence,
)
from putright.rules.lifecycle import Action as Move


@dataclass(frozen=True)
class RefusalInput:
    """What a refusal records. `aware_on`, `aware_when_occurred` and `discretion` matter for
    a refusal as over 12 months (2.3); `evidence` or `files` for the other reasons (2.1)."""

    reason: str
    explanation: str
    evidence: str = ""
    aware_on: date | None = None
    aware_when_occurred: bool = False
    discretion: str = ""
    refused_on: date | None = None
    files: list[UploadedFile[Any]] = field(default_factory=list)


def _checked(data: RefusalInput, explain: str) -> tuple[str, list[tuple[UploadedFile[Any], str]]]:
    errors: dict[str, str] = {}
    if data.reason not in RefusalReason.values:
        errors["reason"] = f"Choose a reason: {', '.join(RefusalReason.values)}"
    text = require_text(errors, "explanation", data.explanation, explain)
    checked = []
    for i, upload in enumerate(data.files):
        try:
            checked.append((upload, check_upload(upload)))
        except InvalidInput as exc:
            errors[f"files.{i}"] = exc.message
    raise_if(errors)
    return text, checked


@contextmanager
def _beside_the_field() -> Iterator[None]:
    # The missing fact is named, so a form shows the message beside the field to fill in.
    try:
        yield
    except RefusalNotEvidenced as violation:
        raise ActionRefused.from_rule(violation, field=violation.field) from violation


def _ground(complaint: Complaint, data: RefusalInput, has_files: bool) -> None:
    """The Code's conditions for this reason (2.1-2.3), on the facts as they will be recorded."""
    if data.aware_on is not None and data.aware_on > complaint.received_on:
        raise InvalidInput({"aware_on": "This date cannot be after the complaint was received"})
    with rules(), _beside_the_field():
        if data.reason == OVER_12_MONTHS:
            check_out_of_time_refusal(
                received_on=complaint.received_on,
                issue_occurred_on=complaint.issue_occurred_on,
                aware_on=data.aware_on or complaint.aware_on,
                aware_when_occurred=data.aware_when_occurred,
                discretion=data.discretion,
            )
        check_refusal_evidence(reason=data.reason, evidence_given=bool(data.evidence.strip()) or has_files)


def complaint_refuse(
    *,
    actor: Actor | None,
    now: datetime,
    complaint_id: int,
    reason: str,
    explanation: str,
    evidence: str = "",
    aware_on: date | None = None,
    aware_when_occurred: bool = False,
    discretion: str = "",
    refused_on: date | None = None,
    files: list[UploadedFile[Any]] | None = None,
    late_entry_reason: str = "",
    expected_version: int | None = None,
) -> Complaint:
    """Decline to accept a complaint for a valid, evidenced reason (Code 2.1-2.5).

    Over 12 months needs the awareness date (or that the resident was aware when it
    occurred) and a recorded consideration of discretion (2.3); legal proceedings and
    matters already considered need evidence (2.1, 2.2). The explanation goes to the
    resident with the right to take the decision to the Ombudsman (2.4).
    """
    data = RefusalInput(
        reason=reason,
        explanation=explanation,
        evidence=evidence or "",
        aware_on=aware_on,
        aware_when_occurred=aware_when_occurred,
        discretion=discretion or "",
        refused_on=refused_on,
        files=list(files or []),
    )
    text, checked = _checked(data, "Explain to the resident why the complaint is not accepted (Code 2.4)")
    entry = dated_entry(
        given_on=data.refused_on or england_date(now),
        now=now,
        late_entry_reason=late_entry_reason,
        field="refused_on",
        what="the date of the decision",
    )
    with transaction.atomic():
        complaint = lock_complaint(complaint_id, expected_version=expected_version)
        record = current_stage(complaint)
        before = snapshot(complaint, record)
        before["aware_on"] = complaint.aware_on
        move(complaint, Move.REFUSE)
        _ground(complaint, data, bool(checked))
        if data.aware_on is not None:
            complaint.aware_on = data.aware_on
        when = entry.given_on
        refusal = Refusal.objects.create(
            complaint=complaint,
            stage=1,
            reason=data.reason,
            evidence=data.evidence.strip(),
            explanation=text,
            refused_on=when,
            recorded_on=entry.recorded_on,
            late_entry_reason=entry.late_entry_reason,
            aware_when_occurred=data.aware_when_occurred,
            discretion=data.discretion.strip(),
            created_by=user_or_none(actor),
        )
        for upload, content_type in checked:
            attachment_store(
                complaint=complaint,
                correspondence=None,
                upload=upload,
                content_type=content_type,
                actor=actor,
            )
        complaint.closed_on = complaint.closed_on or when
        refresh_due(complaint, record)
        record_event(
            complaint,
            actor=actor,
            now=now,
            action=EventAction.REFUSED,
            summary=f"Not accepted: {RefusalReason(data.reason).label.lower()}",
            before=before,
            after={**snapshot(complaint, record), "aware_on": complaint.aware_on},
            details={
                "refusal": refusal.pk,
                "reason": data.reason,
                "explanation": text,
                "evidence": refusal.evidence,
                "files": len(checked),
                "discretion": refusal.discretion,
                **entry_details(entry),
            },
        )
    return complaint


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
    errors: dict[str, str] = {}
    if reason not in RefusalReason.values:
        errors["reason"] = f"Choose a reason: {', '.join(RefusalReason.values)}"
    text = require_text(
        errors, "explanation", explanation, "Set out the reasons clearly for the resident (Code 5.11)"
    )
    if requested_at.tzinfo is None:
        errors["requested_at"] = "Give the time with its UTC offset"
    raise_if(errors)
    requested_on = england_date(requested_at)
    entry = dated_entry(
        given_on=refused_on or england_date(now),
        now=now,
        late_entry_reason=late_entry_reason,
        field="refused_on",
        what="the date of the decision",
    )
    when = entry.given_on
    with transaction.atomic():
        complaint = lock_complaint(complaint_id, expected_version=expected_version)
        record = current_stage(complaint)
        before = snapshot(complaint, record)
        move(complaint, Move.REFUSE_ESCALATION)
        if record.responded_on and requested_on < record.responded_on:
            raise InvalidInput(
                {"requested_at": "Stage 2 cannot have been asked for before the stage 1 response"}
            )
        if when < requested_on:
            raise InvalidInput({"refused_on": "The refusal cannot be before stage 2 was asked for"})
        with _beside_the_field():
            check_refusal_evidence(reason=reason, evidence_given=bool(evidence.strip()))
        # Measured against the Code's stage 2 acknowledgement (6.11), in the complaint's edition.
        due = acknowledge_due(edition=complaint.code_edition, stage=2, requested_on=requested_on).code
        Refusal.objects.create(
            complaint=complaint,
            stage=2,
            reason=reason,
            evidence=evidence.strip(),
            explanation=text,
            refused_on=when,
            requested_at=requested_at,
            requested_on=requested_on,
            acknowledge_by=due,
            recorded_on=entry.recorded_on,
            late_entry_reason=entry.late_entry_reason,
            created_by=user_or_none(actor),
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
            details={
                "reason": reason,
                "explanation": text,
                "evidence": evidence.strip(),
                "requested_on": requested_on,
                **entry_details(entry),
            },
        )
    return complaint
