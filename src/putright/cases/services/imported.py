"""Writing a complaint from the landlord's past records (`putright.imports`).

Imported history is a record of what already happened, so it runs no event hooks: no
letter is drafted or sent and no webhook fires. It still leaves one event on the complaint's
log (Code 5.12); writing the complaint marks it for the figures to recount (a trigger,
`cases` migration 0024).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from django.db import transaction

from putright.cases.hooks import run_import_hooks
from putright.cases.models import (
    CaseEvent,
    Channel,
    Complaint,
    Refusal,
    Resident,
    StageRecord,
    Status,
)
from putright.cases.models.record import EventAction
from putright.cases.services._common import refresh_due, refresh_priority, snapshot
from putright.cases.services.deadlines import acknowledge_due, landlord_policy, respond_due
from putright.cases.services.queue_key import refresh_queue_key
from putright.core.actor import Actor, actor_label, user_or_none
from putright.core.dates import ENGLAND
from putright.core.references import with_new_reference
from putright.landlord.models import Category
from putright.rules.editions import Policy, Ruleset

# Marks the refusals an import wrote, so a re-import replaces them and no refusal staff made.
IMPORTED_EVIDENCE = "Imported from the landlord's records"


@dataclass(frozen=True)
class PastStage:
    stage: int
    requested_on: date
    acknowledged_on: date | None = None
    responded_on: date | None = None
    extension_days: int = 0
    decision: str = ""


@dataclass(frozen=True)
class PastComplaint:
    """One complaint as the landlord recorded it, already checked by the importer."""

    received_on: date
    resident_name: str
    tenure: str
    channel: str
    description: str
    category: Category | None
    stages: tuple[PastStage, ...]
    refused_reason: str = ""
    closed_on: date | None = None


# Imported complaints still being handled are screened for hazards; closed ones are history.
OPEN_FOR_SCREENING = (Status.RECEIVED, Status.ACKNOWLEDGED, Status.RESPONDED)


def _status(past: PastComplaint) -> Status:
    last = past.stages[-1]
    if past.refused_reason:
        return Status.REFUSED
    if past.closed_on is not None:
        return Status.CLOSED
    if last.responded_on is not None:
        return Status.RESPONDED
    return Status.ACKNOWLEDGED if last.acknowledged_on is not None else Status.RECEIVED


def _stage_fields(past: PastStage, ruleset: Ruleset, policy: Policy | None) -> dict[str, Any]:
    # History is judged by the Code of its own edition; the landlord's timescales then are not
    # known, so the dates the resident was told are taken to be the Code's.
    ack = acknowledge_due(
        edition=ruleset.key, stage=past.stage, requested_on=past.requested_on, policy=policy
    )
    due = None
    if past.acknowledged_on is not None:
        due = respond_due(
            edition=ruleset.key,
            stage=past.stage,
            requested_on=past.requested_on,
            acknowledged_on=past.acknowledged_on,
            extension_days=past.extension_days,
            policy=policy,
        ).code
    return {
        "requested_at": datetime.combine(past.requested_on, time(12), tzinfo=ENGLAND),
        "requested_on": past.requested_on,
        "acknowledge_by": ack.code,
        "code_acknowledge_by": ack.code,
        "acknowledged_on": past.acknowledged_on,
        "respond_by": due,
        "code_respond_by": due,
        "extension_days": past.extension_days,
        "responded_on": past.responded_on,
        "decision": past.decision,
    }


def _stages_write(
    complaint: Complaint, stages: tuple[PastStage, ...], ruleset: Ruleset, policy: Policy | None, *, new: bool
) -> list[StageRecord]:
    """State the stages again from the row: a stage's imported facts are set (and written only
    when they changed), a stage the row no longer has goes, a new one is added. What staff
    added to a stage since (a definition, a handler, an extension) stays with it."""
    held = {} if new else {r.stage: r for r in StageRecord.objects.filter(complaint=complaint)}
    records, added = [], []
    for past in stages:
        fields = _stage_fields(past, ruleset, policy)
        record = held.pop(past.stage, None)
        if record is None:
            record = StageRecord(complaint=complaint, stage=past.stage, **fields)
            added.append(record)
        elif any(getattr(record, name) != value for name, value in fields.items()):
            for name, value in fields.items():
                setattr(record, name, value)
            record.save(update_fields=list(fields))
        records.append(record)
    if held:
        StageRecord.objects.filter(pk__in=[r.pk for r in held.values()]).delete()
    StageRecord.objects.bulk_create(added)
    return records


def complaint_import(
    *,
    actor: Actor | None,
    now: datetime,
    past: PastComplaint,
    ruleset: Ruleset,
    complaint_id: int | None,
    provenance: dict[str, Any],
    policy: Policy | None = None,
) -> Complaint:
    """Create the complaint, or replace the imported facts of `complaint_id`, in one transaction.

    Deadlines are worked out with `ruleset`, the edition of the Code in force on the day the
    complaint was received, so the complaint is judged on the rules of its own time. `policy`
    is the landlord's timescales, read once by an import of many rows (default: read here).
    """
    fields = _complaint_fields(past, ruleset)
    facts = functools.partial(
        _facts_write,
        actor=actor,
        now=now,
        past=past,
        ruleset=ruleset,
        provenance=provenance,
        policy=policy,
        new=complaint_id is None,
    )

    def create(reference: str) -> Complaint:
        # Everything written is made here, so that a clash of references can run it again.
        resident = Resident.objects.create(name=past.resident_name, tenure=past.tenure)
        return facts(Complaint.objects.create(reference=reference, resident=resident, **fields), {})

    if complaint_id is None:
        return with_new_reference(Complaint, "CMP", create)
    with transaction.atomic():
        return facts(*_complaint_restate(complaint_id, past, fields))


def _facts_write(
    complaint: Complaint,
    before: dict[str, Any],
    *,
    actor: Actor | None,
    now: datetime,
    past: PastComplaint,
    ruleset: Ruleset,
    provenance: dict[str, Any],
    policy: Policy | None,
    new: bool,
) -> Complaint:
    """The stages, refusal, deadlines and the one event of an imported complaint."""
    records = _stages_write(complaint, past.stages, ruleset, policy or landlord_policy(), new=new)
    if past.refused_reason:
        Refusal.objects.create(
            complaint=complaint,
            stage=1,
            reason=past.refused_reason,
            evidence=IMPORTED_EVIDENCE,
            explanation="Recorded as not accepted in the landlord's records before putright.",
            refused_on=past.closed_on or past.received_on,
        )
    refresh_due(complaint, records[-1])
    refresh_priority(complaint)
    refresh_queue_key(complaint)
    complaint.version += 1
    complaint.save()
    _imported_event(
        complaint,
        records[-1],
        actor=actor,
        now=now,
        before=before,
        after={**provenance, "code_edition": ruleset.key},
        summary=(
            f"Imported from {provenance['file']}, row {provenance['row']}"
            if new
            else f"Updated by a new import of {provenance['file']}, row {provenance['row']}"
        ),
    )
    if new and complaint.status in OPEN_FOR_SCREENING:
        # Still being handled: screened for hazards like every complaint logged (Awaab's Law).
        run_import_hooks(complaint, now)
    return complaint


def _complaint_fields(past: PastComplaint, ruleset: Ruleset) -> dict[str, Any]:
    """The complaint's own facts as the row states them."""
    status = _status(past)
    return {
        "category": past.category,
        "channel": past.channel if past.channel in Channel.values else Channel.OTHER,
        "description": past.description,
        # Noon in England: the spreadsheet gives a day, not a time, and noon is that day
        # in England whatever the offset.
        "received_at": datetime.combine(past.received_on, time(12), tzinfo=ENGLAND),
        "received_on": past.received_on,
        "status": status,
        "stage": past.stages[-1].stage,
        "closed_on": past.closed_on if status in (Status.CLOSED, Status.REFUSED) else None,
        "code_edition": ruleset.key,
    }


def _complaint_restate(
    complaint_id: int, past: PastComplaint, fields: dict[str, Any]
) -> tuple[Complaint, dict[str, Any]]:
    """A complaint imported before, locked, with the row's facts set on it (saved by the
    caller) and its resident's restated; and how it stood before."""
    complaint = Complaint.objects.select_for_update().get(pk=complaint_id)
    before = snapshot(complaint)
    Resident.objects.filter(pk=complaint.resident_id).update(name=past.resident_name, tenure=past.tenure)
    for name, value in fields.items():
        setattr(complaint, name, value)
    # The earlier import's refusal goes; the row states it again if it still holds.
    Refusal.objects.filter(complaint=complaint, evidence=IMPORTED_EVIDENCE).delete()
    return complaint, before


def _imported_event(
    complaint: Complaint,
    record: StageRecord,
    *,
    actor: Actor | None,
    now: datetime,
    before: dict[str, Any],
    after: dict[str, Any],
    summary: str,
) -> None:
    """The one event of the import, written directly: imported history runs no event hooks
    (see the module docstring)."""
    CaseEvent.objects.create(
        complaint=complaint,
        at=now,
        actor=user_or_none(actor),
        actor_label=actor_label(actor),
        action=EventAction.IMPORTED,
        summary=summary[:500],
        before=_json(before),
        after=_json({**snapshot(complaint, record), **after}),
    )


def _json(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v.isoformat() if isinstance(v, date | datetime) else v for k, v in data.items()}
