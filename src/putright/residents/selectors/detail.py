"""One complaint as its resident or representative sees it.

What a resident sees of the record is what was said to or by them: staff notes and
correspondence with other parties stay out.
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
from putright.core.dates import england_date
from putright.letters.selectors import letters_for_complaint
from putright.residents.access import Role, access_resident_complaints, access_role_on
from putright.residents.selectors.summary import ComplaintSummary, about_of, standing_of
from putright.residents.services.follow import can_add_information, can_escalate, can_withdraw
from putright.residents.wording import decision_words
from putright.rules.letters import letter_label


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
class LetterView:
    id: int
    title: str
    issued_on: date
    large_print: bool
    has_docx: bool


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
    letters: list[LetterView]
    messages: list[MessageView]
    refusal: str
    can_escalate: bool
    can_withdraw: bool
    can_add: bool


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


def shared_with_resident(complaint: Complaint) -> Q:
    """What the resident sent, and what was sent to the resident or their representative."""
    to_them = Q(party__icontains=complaint.resident.name)
    if complaint.representative is not None:
        to_them |= Q(party__icontains=complaint.representative.name)
    return Q(direction=Correspondence.Direction.IN, channel="web") | (
        Q(direction=Correspondence.Direction.OUT) & to_them
    )


def _letters(complaint: Complaint) -> list[LetterView]:
    """Letters issued to the resident (never drafts), oldest first (Code 6.9, 6.19)."""
    return [
        LetterView(
            id=letter.pk,
            title=letter.subject or letter_label(letter.kind).capitalize(),
            issued_on=england_date(letter.issued_at) if letter.issued_at else complaint.received_on,
            large_print=letter.large_print,
            has_docx=bool(letter.docx),
        )
        for letter in letters_for_complaint(complaint_id=complaint.pk, issued_only=True)
    ]


def _messages(complaint: Complaint) -> list[MessageView]:
    # A sent letter is also kept as correspondence; it is listed once, with the letters.
    items = (
        Correspondence.objects.filter(complaint=complaint, letter__isnull=True)
        .filter(shared_with_resident(complaint))
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
        standing=standing_of(complaint),
        about=about_of(complaint.description),
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
        letters=_letters(complaint),
        messages=_messages(complaint),
        refusal=" ".join(r.explanation for r in refusals),
        can_escalate=can_escalate(complaint, escalation_refused=any(r.stage == 2 for r in refusals)),
        can_withdraw=can_withdraw(complaint),
        can_add=can_add_information(complaint),
    )
