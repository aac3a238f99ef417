"""Reads of self-assessments for other apps: the approved and the published assessment.

`assessment_latest_approved` is what the annual complaints performance and service
improvement report includes as its self-assessment (Code 8.1a); it returns plain data
built from the version the governing body approved, never from later draft edits.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from datetime import date

from django.utils import timezone

from putright.assessment.document import (
    ApprovalLine,
    AssessmentDocument,
    VersionFacts,
    build_document,
)
from putright.assessment.models import ActionStatus, Approval, Assessment, Publication, Version
from putright.assessment.state import assessment_state
from putright.landlord.models import LandlordSettings


@dataclass(frozen=True)
class ApprovedAssessment:
    """An assessment as the governing body approved it (Appendix A; Code 8.1a, 8.2)."""

    assessment_id: int
    title: str
    edition: str
    reason: str
    period_start: date
    period_end: date
    version_number: int
    approval: ApprovalLine
    comply_counts: dict[str, int]
    rag_counts: dict[str, int]
    open_actions: int
    published_on: date | None
    document: AssessmentDocument


def _approval_lines(assessment_id: int) -> list[ApprovalLine]:
    return [
        ApprovalLine(
            version_number=a.version_number,
            approver_name=a.approver_name,
            body=a.body,
            approved_on=a.approved_on,
            response=a.response,
        )
        for a in Approval.objects.filter(assessment_id=assessment_id).order_by("approved_on", "id")
    ]


def _version_facts(assessment_id: int) -> list[VersionFacts]:
    rows = Version.objects.filter(assessment_id=assessment_id).order_by("number")
    return [
        VersionFacts(number=n, at=at, actor_label=label, summary=summary)
        for n, at, label, summary in rows.values_list("number", "at", "actor_label", "summary")
    ]


def assessment_document(
    *, assessment_id: int, version_number: int | None = None
) -> AssessmentDocument | None:
    """The document at a saved version, or at the live state when no version is given."""
    assessment = Assessment.objects.filter(pk=assessment_id).first()
    if assessment is None:
        return None
    if version_number is None:
        state = assessment_state(assessment)
        number = assessment.revision
    else:
        saved = Version.objects.filter(assessment_id=assessment_id, number=version_number).first()
        if saved is None:
            return None
        state, number = saved.state, saved.number
    return build_document(
        assessment_id=assessment_id,
        landlord_name=LandlordSettings.current().name,
        state=state,
        version_number=number,
        versions=_version_facts(assessment_id),
        approvals=_approval_lines(assessment_id),
    )


def _approved(approval: Approval) -> ApprovedAssessment:
    document = assessment_document(
        assessment_id=approval.assessment_id, version_number=approval.version_number
    )
    assert document is not None
    assessment = approval.assessment
    published = (
        Publication.objects.filter(assessment_id=assessment.pk, version_number=approval.version_number)
        .order_by("published_at")
        .first()
    )
    assert document.approval is not None
    return ApprovedAssessment(
        assessment_id=assessment.pk,
        title=document.title,
        edition=document.edition,
        reason=document.reason,
        period_start=document.period_start,
        period_end=document.period_end,
        version_number=approval.version_number,
        approval=document.approval,
        comply_counts=dict(Counter(row.comply for row in document.rows)),
        rag_counts=dict(Counter(row.rag for row in document.rows)),
        open_actions=sum(1 for row in document.rows for a in row.actions if a.status != ActionStatus.DONE),
        published_on=timezone.localdate(published.published_at) if published else None,
        document=document,
    )


def assessment_latest_approved(
    *, on_or_before: date | None = None, covering: tuple[date, date] | None = None
) -> ApprovedAssessment | None:
    """The most recently approved self-assessment, as approved, or None if none is.

    "Most recent" is by the governing body's approval date, then by the order approvals
    were recorded. With `on_or_before`, approvals dated after that day are ignored, so an
    annual report for a past year shows the assessment approved by then. `comply_counts`
    and `rag_counts` are keyed by the stored values (`"yes"`, `"no"`, `"partly"`, `"n/a"`,
    `""` for unanswered; `"green"`, `"amber"`, `"red"`, `""`).

    With `covering` (a report's first and last day), only assessments whose own period overlaps
    that year count (Code 8.1a): approving a later year's reassessment never changes a past
    year's annual report.
    """
    approvals = Approval.objects.select_related("assessment").order_by("-approved_on", "-id")
    if on_or_before is not None:
        approvals = approvals.filter(approved_on__lte=on_or_before)
    if covering is not None:
        approvals = approvals.filter(
            assessment__period_start__lte=covering[1], assessment__period_end__gte=covering[0]
        )
    approval = approvals.first()
    return _approved(approval) if approval else None


def assessment_latest_published() -> AssessmentDocument | None:
    """The most recently published self-assessment as it was published (Code 8.2)."""
    publication = Publication.objects.order_by("-published_at", "-id").first()
    if publication is None:
        return None
    document = assessment_document(
        assessment_id=publication.assessment_id, version_number=publication.version_number
    )
    if document is None:
        return None
    return replace(document, published_on=timezone.localdate(publication.published_at))


def assessment_published_document(*, assessment_id: int) -> AssessmentDocument | None:
    """An assessment's latest publication, or None if it was never published."""
    publication = (
        Publication.objects.filter(assessment_id=assessment_id).order_by("-published_at", "-id").first()
    )
    if publication is None:
        return None
    return assessment_document(assessment_id=assessment_id, version_number=publication.version_number)
