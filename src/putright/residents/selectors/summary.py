"""The list of a resident's complaints, and the confirmations after complaining or asking for stage 2."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Prefetch

from putright.cases.models import Complaint, StageRecord
from putright.residents.access import access_resident_complaints
from putright.residents.policy import policy_timescales
from putright.residents.wording import Standing, standing

PAGE_SIZE = 20


@dataclass(frozen=True)
class ComplaintSummary:
    reference: str
    stage: int
    received_on: date
    standing: Standing
    about: str


def _stage_of(complaint: Complaint) -> StageRecord | None:
    records = [r for r in complaint.stages.all() if r.stage == complaint.stage]
    return records[0] if records else None


def standing_of(complaint: Complaint) -> Standing:
    record = _stage_of(complaint)
    return standing(
        status=complaint.status,
        stage=complaint.stage,
        acknowledge_by=record.acknowledge_by if record else None,
        respond_by=record.respond_by if record else None,
        responded_on=record.responded_on if record else None,
        withdrawn_on=complaint.withdrawn_on,
        closed_on=complaint.closed_on,
    )


def about_of(description: str) -> str:
    first = description.strip().splitlines()[0] if description.strip() else ""
    return first if len(first) <= 120 else first[:117].rstrip() + "..."


def resident_complaints_page(*, email: str, page: int = 1) -> tuple[list[ComplaintSummary], bool]:
    """The complaints this email may reach, newest first, one page at a time. Two queries."""
    start = (max(page, 1) - 1) * PAGE_SIZE
    rows = list(
        access_resident_complaints(email=email)
        .prefetch_related(Prefetch("stages", queryset=StageRecord.objects.order_by("stage")))
        .order_by("-received_at", "-id")[start : start + PAGE_SIZE + 1]
    )
    return [
        ComplaintSummary(
            reference=c.reference,
            stage=c.stage,
            received_on=c.received_on,
            standing=standing_of(c),
            about=about_of(c.description),
        )
        for c in rows[:PAGE_SIZE]
    ], len(rows) > PAGE_SIZE


@dataclass(frozen=True)
class Submitted:
    reference: str
    acknowledge_by: date
    email: str
    for_someone_else: bool


def resident_submitted(*, reference: str) -> Submitted | None:
    """The confirmation of a complaint just made. The caller holds its reference from the session."""
    complaint = (
        Complaint.objects.select_related("resident", "representative").filter(reference=reference).first()
    )
    if complaint is None:
        return None
    first = StageRecord.objects.get(complaint=complaint, stage=1)
    rep = complaint.representative
    return Submitted(
        reference=complaint.reference,
        acknowledge_by=first.acknowledge_by,
        email=rep.email if rep else complaint.resident.email,
        for_someone_else=rep is not None,
    )


@dataclass(frozen=True)
class StageTwo:
    reference: str
    requested_on: date
    acknowledge_by: date
    respond_days: int


def resident_stage_two(*, email: str, reference: str) -> StageTwo | None:
    """The stage 2 request on a complaint the email may reach (Code 6.11): None if there is none."""
    complaint = access_resident_complaints(email=email).filter(reference=reference.strip().upper()).first()
    record = StageRecord.objects.filter(complaint=complaint, stage=2).first() if complaint else None
    if complaint is None or record is None:
        return None
    days = policy_timescales().stage2_respond
    return StageTwo(complaint.reference, record.requested_on, record.acknowledge_by, respond_days=days)
