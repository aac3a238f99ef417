"""Reads for the resident portal: plain data, a fixed number of queries per page.

Only complaints that `putright.residents.access` lets the signed-in email reach are
read. What a resident sees of the record is what was said to or by them: staff notes
and correspondence with other parties stay out.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import Prefetch, Q

from putright.cases.models import (
    Action,
    ActionUpdate,
    Attachment,
    Complaint,
    Correspondence,
    Extension,
    Refusal,
    StageRecord,
)
from putright.residents.access import Role, access_resident_complaints, access_role_on
from putright.residents.policy import policy_timescales
from putright.residents.services.follow import can_add_information, can_escalate, can_withdraw
from putright.residents.wording import Standing, decision_words, standing

PAGE_SIZE = 20


@dataclass(frozen=True)
class StageView:
    stage: int
    requested_on: date
    acknowledge_by: date
    acknowledged_on: date | None
    respond_by: date | None
    responded_on: date | None
    decision: str
    reasons: str
    extensions: list[tuple[int, str, date]]


@dataclass(frozen=True)
class ComplaintSummary:
    reference: str
    stage: int
    received_on: date
    standing: Standing
    about: str


@dataclass(frozen=True)
class FileView:
    id: int
    name: str
    size: int


@dataclass(frozen=True)
class MessageView:
    sent_by_us: bool
    on: date
    subject: str
    body: str
    files: list[FileView]


@dataclass(frozen=True)
class PromiseView:
    what: str
    due_on: date | None
    done_on: date | None
    amount: Decimal | None = None
    updates: list[tuple[date, str]] = field(default_factory=list)


@dataclass(frozen=True)
class ComplaintView(ComplaintSummary):
    description: str
    role: Role
    resident_name: str
    representative: str
    stages: list[StageView]
    remedies: list[PromiseView]
    actions: list[PromiseView]
    messages: list[MessageView]
    refusal: str
    can_escalate: bool
    can_withdraw: bool
    can_add: bool


def _stage_of(complaint: Complaint) -> StageRecord | None:
    records = [r for r in complaint.stages.all() if r.stage == complaint.stage]
    return records[0] if records else None


def _standing(complaint: Complaint) -> Standing:
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


def _about(description: str) -> str:
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
            standing=_standing(c),
            about=_about(c.description),
        )
        for c in rows[:PAGE_SIZE]
    ], len(rows) > PAGE_SIZE


def _stage_views(complaint: Complaint) -> list[StageView]:
    return [
        StageView(
            stage=r.stage,
            requested_on=r.requested_on,
            acknowledge_by=r.acknowledge_by,
            acknowledged_on=r.acknowledged_on,
            respond_by=r.respond_by,
            responded_on=r.responded_on,
            decision=decision_words(r.decision),
            reasons=r.reasons if r.responded_on else "",
            extensions=[(e.working_days, e.reason, e.new_respond_by) for e in r.extensions.all()],
        )
        for r in complaint.stages.all()
    ]


def _shared_with_resident(complaint: Complaint) -> Q:
    """What the resident sent, and what was sent to the resident or their representative."""
    to_them = Q(party__icontains=complaint.resident.name)
    if complaint.representative is not None:
        to_them |= Q(party__icontains=complaint.representative.name)
    return Q(direction=Correspondence.Direction.IN, channel="web") | (
        Q(direction=Correspondence.Direction.OUT) & to_them
    )


def _messages(complaint: Complaint) -> list[MessageView]:
    items = (
        Correspondence.objects.filter(complaint=complaint)
        .filter(_shared_with_resident(complaint))
        .prefetch_related(Prefetch("attachments", queryset=Attachment.objects.order_by("id")))
        .order_by("-occurred_at", "-id")
    )
    return [
        MessageView(
            sent_by_us=item.direction == Correspondence.Direction.OUT,
            on=item.occurred_at.date(),
            subject=item.subject,
            body=item.body,
            files=[FileView(a.pk, a.original_name, a.size) for a in item.attachments.all()],
        )
        for item in items
    ]


def resident_complaint_view(*, email: str, reference: str) -> ComplaintView | None:
    """One complaint as its resident or representative sees it; None if they may not reach it."""
    reference = (reference or "").strip().upper()
    stages = StageRecord.objects.order_by("stage").prefetch_related(
        Prefetch("extensions", queryset=Extension.objects.order_by("created_at", "id"))
    )
    complaint = (
        access_resident_complaints(email=email)
        .select_related("resident", "representative")
        .prefetch_related(
            Prefetch("stages", queryset=stages),
            "remedies",
            Prefetch(
                "actions",
                queryset=Action.objects.order_by("promise_on", "id").prefetch_related(
                    Prefetch("updates", queryset=ActionUpdate.objects.order_by("given_on", "id"))
                ),
            ),
            Prefetch("refusals", queryset=Refusal.objects.order_by("refused_on", "id")),
        )
        .filter(reference=reference)
        .first()
    )
    if complaint is None:
        return None
    refusals = list(complaint.refusals.all())
    rep = complaint.representative
    return ComplaintView(
        reference=complaint.reference,
        stage=complaint.stage,
        received_on=complaint.received_on,
        standing=_standing(complaint),
        about=_about(complaint.description),
        description=complaint.description,
        role=access_role_on(complaint, email=email),
        resident_name=complaint.resident.name,
        representative=f"{rep.name} ({rep.relationship})" if rep else "",
        stages=_stage_views(complaint),
        remedies=[
            PromiseView(r.description, r.due_on, r.completed_on, amount=r.amount)
            for r in sorted(complaint.remedies.all(), key=lambda r: (r.stage, r.pk))
        ],
        actions=[
            PromiseView(
                a.description,
                a.promise_on,
                a.completed_on,
                updates=[(u.given_on, u.text) for u in a.updates.all()],
            )
            for a in complaint.actions.all()
        ],
        messages=_messages(complaint),
        refusal=" ".join(r.explanation for r in refusals),
        can_escalate=can_escalate(complaint, escalation_refused=any(r.stage == 2 for r in refusals)),
        can_withdraw=can_withdraw(complaint),
        can_add=can_add_information(complaint),
    )


def resident_attachment(*, email: str, reference: str, attachment_id: int) -> Attachment | None:
    """A file on a complaint the email may reach, if the resident may see it; otherwise None."""
    complaint = access_resident_complaints(email=email).filter(reference=reference.strip().upper()).first()
    if complaint is None:
        return None
    return (
        Attachment.objects.filter(pk=attachment_id, complaint=complaint)
        .filter(
            correspondence__in=Correspondence.objects.filter(complaint=complaint).filter(
                _shared_with_resident(complaint)
            )
        )
        .first()
    )


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
