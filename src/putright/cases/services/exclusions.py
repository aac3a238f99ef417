"""Not accepting a complaint, for a reason section 2 of the Code allows (Code 2.1-2.5).

Refusing an escalation is `escalation_refusal` (5.11); reopening a refused complaint, `reopen`.
"""

from __future__ import annotations

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
from putright.cases.services._refusals import beside_the_field, decision_entry, refusal_create
from putright.cases.services.people import attachment_store
from putright.cases.uploads import check_upload
from putright.core.actor import Actor
from putright.core.entries import entry_details
from putright.core.errors import InvalidInput
from putright.rules.entries import Entry
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


def _ground(complaint: Complaint, data: RefusalInput, has_files: bool) -> None:
    """The Code's conditions for this reason (2.1-2.3), on the facts as they will be recorded."""
    if data.aware_on is not None and data.aware_on > complaint.received_on:
        raise InvalidInput({"aware_on": "This date cannot be after the complaint was received"})
    with rules(), beside_the_field():
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
    entry = decision_entry(data.refused_on, now, late_entry_reason)
    with transaction.atomic():
        complaint = lock_complaint(complaint_id, expected_version=expected_version)
        record = current_stage(complaint)
        before = snapshot(complaint, record)
        before["aware_on"] = complaint.aware_on
        move(complaint, Move.REFUSE)
        _ground(complaint, data, bool(checked))
        if data.aware_on is not None:
            complaint.aware_on = data.aware_on
        refusal = _refusal_store(complaint, data, text, checked, entry=entry, actor=actor)
        complaint.closed_on = complaint.closed_on or entry.given_on
        refresh_due(complaint, record)
        record_event(
            complaint,
            actor=actor,
            now=now,
            action=EventAction.REFUSED,
            summary=f"Not accepted: {RefusalReason(data.reason).label.lower()}",
            before=before,
            after={**snapshot(complaint, record), "aware_on": complaint.aware_on},
            details=_refusal_details(refusal, files=len(checked), entry=entry),
        )
    return complaint


def _refusal_details(refusal: Refusal, *, files: int, entry: Entry) -> dict[str, Any]:
    """What the event keeps of a refusal to accept, with how many files were its evidence."""
    return {
        "refusal": refusal.pk,
        "reason": refusal.reason,
        "explanation": refusal.explanation,
        "evidence": refusal.evidence,
        "files": files,
        "discretion": refusal.discretion,
        **entry_details(entry),
    }


def _refusal_store(
    complaint: Complaint,
    data: RefusalInput,
    explanation: str,
    files: list[tuple[UploadedFile[Any], str]],
    *,
    entry: Entry,
    actor: Actor | None,
) -> Refusal:
    """The refusal to accept, and the files given as its evidence (2.1, 2.2), on the complaint."""
    refusal = refusal_create(
        complaint,
        1,
        actor=actor,
        entry=entry,
        reason=data.reason,
        evidence=data.evidence.strip(),
        explanation=explanation,
        aware_when_occurred=data.aware_when_occurred,
        discretion=data.discretion.strip(),
    )
    for upload, content_type in files:
        attachment_store(
            complaint=complaint, correspondence=None, upload=upload, content_type=content_type, actor=actor
        )
    return refusal
