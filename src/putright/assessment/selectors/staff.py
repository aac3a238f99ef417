"""Reads for the staff pages: lists, the task list by section, one provision, the plan.

Every function runs a fixed number of queries whatever the size of the assessment.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet

from putright.assessment.document import EDITION_LABELS
from putright.assessment.models import (
    COMPLY_NEEDS_EXPLANATION,
    ActionStatus,
    Answer,
    Approval,
    Assessment,
    Comply,
    EvidenceDocument,
    ImprovementAction,
    Publication,
    Version,
)
from putright.assessment.transfer import ActionCell, format_actions
from putright.rules.provisions import Provision, provisions_for, sections_for

PAGE_SIZE = 25


def assessments_page(*, page: int = 1) -> Page[Any]:
    """Assessments, latest period first, each marked approved and published or not."""
    approved = Approval.objects.filter(assessment=OuterRef("pk"))
    published = Publication.objects.filter(assessment=OuterRef("pk"))
    qs = Assessment.objects.annotate(approved=Exists(approved), published=Exists(published)).order_by(
        "-period_end", "-id"
    )
    return Paginator(qs, PAGE_SIZE).get_page(page)


def assessment_choices(*, limit: int = 20) -> list[tuple[int, str]]:
    """Recent assessments as (id, title), for choosing one to carry forward or compare."""
    return list(Assessment.objects.order_by("-period_end", "-id").values_list("pk", "title")[:limit])


def assessment_get(*, assessment_id: int) -> Assessment | None:
    return Assessment.objects.filter(pk=assessment_id).first()


@dataclass(frozen=True)
class TaskItem:
    provision_id: str
    requirement: str
    comply: str
    comply_label: str
    needs_explanation: bool
    rag: str
    open_actions: int


@dataclass(frozen=True)
class TaskSection:
    number: int
    title: str
    items: tuple[TaskItem, ...]


@dataclass(frozen=True)
class Overview:
    assessment: Assessment
    edition_label: str
    sections: tuple[TaskSection, ...]
    answered: int
    total: int
    unfinished: tuple[str, ...]
    latest_approval: Approval | None
    latest_publication: Publication | None
    open_actions: int
    overdue_actions: int


def _short(text: str, limit: int = 110) -> str:
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def assessment_overview(*, assessment: Assessment, today: date) -> Overview:
    """The task list of provisions by section, with where each one stands. Five queries."""
    open_q = Q(actions__status__in=(ActionStatus.OPEN, ActionStatus.IN_PROGRESS))
    answers = {
        a.provision_id: a
        for a in Answer.objects.filter(assessment=assessment).annotate(
            open_actions=Count("actions", filter=open_q)
        )
    }
    titles = dict(sections_for(assessment.edition))
    grouped: dict[int, list[TaskItem]] = {n: [] for n in titles}
    unfinished: list[str] = []
    for provision in provisions_for(assessment.edition):
        answer = answers.get(provision.id)
        comply = answer.comply if answer else ""
        needs = comply in COMPLY_NEEDS_EXPLANATION and not (answer.commentary.strip() if answer else "")
        if comply == Comply.NOT_ANSWERED or needs:
            unfinished.append(provision.id)
        grouped[provision.section].append(
            TaskItem(
                provision_id=provision.id,
                requirement=_short(provision.requirement),
                comply=comply,
                comply_label=Comply(comply).label,
                needs_explanation=needs,
                rag=answer.rag if answer else "",
                open_actions=getattr(answer, "open_actions", 0),
            )
        )
    actions = ImprovementAction.objects.filter(answer__assessment=assessment).exclude(
        status=ActionStatus.DONE
    )
    counts = actions.aggregate(open=Count("pk"), overdue=Count("pk", filter=Q(due_on__lt=today)))
    return Overview(
        assessment=assessment,
        edition_label=EDITION_LABELS.get(assessment.edition, assessment.edition),
        sections=tuple(TaskSection(n, titles[n], tuple(items)) for n, items in grouped.items()),
        answered=sum(1 for a in answers.values() if a.comply),
        total=len(answers),
        unfinished=tuple(unfinished),
        latest_approval=Approval.objects.filter(assessment=assessment)
        .order_by("-approved_on", "-id")
        .first(),
        latest_publication=Publication.objects.filter(assessment=assessment)
        .order_by("-published_at", "-id")
        .first(),
        open_actions=counts["open"],
        overdue_actions=counts["overdue"],
    )


def approval_latest(*, assessment: Assessment) -> Approval | None:
    """The governing body's most recent approval: the version that would be published."""
    return Approval.objects.filter(assessment=assessment).order_by("-approved_on", "-id").first()


def provision_of(assessment: Assessment, provision_id: str) -> Provision | None:
    return next((p for p in provisions_for(assessment.edition) if p.id == provision_id), None)


def answer_get(*, assessment: Assessment, provision_id: str) -> Answer | None:
    """One answer with its documents, figures and actions (four queries)."""
    return (
        Answer.objects.filter(assessment=assessment, provision_id=provision_id)
        .prefetch_related("documents", "system_evidence", "actions")
        .first()
    )


def document_choices(*, assessment: Assessment) -> list[tuple[int, str]]:
    return list(
        EvidenceDocument.objects.filter(assessment=assessment)
        .order_by("title", "id")
        .values_list("pk", "title")
    )


def documents_for(*, assessment: Assessment) -> list[EvidenceDocument]:
    return list(EvidenceDocument.objects.filter(assessment=assessment).order_by("title", "id"))


def document_get(*, assessment: Assessment, document_id: int) -> EvidenceDocument | None:
    return EvidenceDocument.objects.filter(assessment=assessment, pk=document_id).first()


def plan_actions(*, assessment: Assessment, include_done: bool = False) -> QuerySet[ImprovementAction]:
    """The improvement plan: ACTIONs across provisions, soonest due first."""
    qs = ImprovementAction.objects.filter(answer__assessment=assessment).select_related("answer")
    if not include_done:
        qs = qs.exclude(status=ActionStatus.DONE)
    return qs.order_by("due_on", "answer__position", "id")


def action_get(*, assessment: Assessment, action_id: int) -> ImprovementAction | None:
    return (
        ImprovementAction.objects.filter(answer__assessment=assessment, pk=action_id)
        .select_related("answer")
        .first()
    )


def plan_page(*, assessment: Assessment, page: int = 1) -> Page[Any]:
    return Paginator(plan_actions(assessment=assessment), PAGE_SIZE).get_page(page)


def versions_page(*, assessment: Assessment, page: int = 1) -> Page[Any]:
    """The version history, newest first, without the stored states (they can be large)."""
    qs = Version.objects.filter(assessment=assessment).defer("state", "changes").order_by("-number")
    return Paginator(qs, PAGE_SIZE).get_page(page)


def version_get(*, assessment: Assessment, number: int) -> Version | None:
    return Version.objects.filter(assessment=assessment, number=number).defer("state").first()


@dataclass(frozen=True)
class ComparisonRow:
    provision_id: str
    requirement: str
    earlier_comply: str
    later_comply: str
    earlier_rag: str
    later_rag: str


def assessments_compare(*, earlier: Assessment, later: Assessment) -> list[ComparisonRow]:
    """Provisions whose compliance or RAG differs between two assessments of the same edition."""
    before = dict(
        (pid, (comply, rag))
        for pid, comply, rag in earlier.answers.values_list("provision_id", "comply", "rag")
    )
    after = dict(
        (pid, (comply, rag))
        for pid, comply, rag in later.answers.values_list("provision_id", "comply", "rag")
    )
    rows = []
    for provision in provisions_for(later.edition):
        old, new = before.get(provision.id, ("", "")), after.get(provision.id, ("", ""))
        if old != new:
            rows.append(
                ComparisonRow(
                    provision_id=provision.id,
                    requirement=_short(provision.requirement),
                    earlier_comply=Comply(old[0]).label,
                    later_comply=Comply(new[0]).label,
                    earlier_rag=old[1],
                    later_rag=new[1],
                )
            )
    return rows


def export_rows(*, assessment: Assessment) -> list[list[str]]:
    """One row per provision for CSV or XLSX, in the transfer module's column order."""
    answers = (
        Answer.objects.filter(assessment=assessment)
        .order_by("position")
        .prefetch_related(Prefetch("actions", queryset=ImprovementAction.objects.order_by("due_on", "id")))
    )
    return [
        [
            a.provision_id,
            a.comply,
            a.evidence,
            a.commentary,
            a.rag,
            format_actions(
                ActionCell(x.description, x.owner, x.due_on, x.status, x.completed_on)
                for x in a.actions.all()
            ),
        ]
        for a in answers
    ]
