"""Lists for the governance pages: the Ombudsman's cases, orders, learning, publications.

Each list is a fixed number of queries whatever its length (select_related / prefetch),
and long lists are paged by the caller.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet

from putright.governance import self_assessment
from putright.governance.models import (
    AnnualReport,
    ComplaintHandlingFailureOrder,
    ExceptionalCircumstance,
    Finding,
    LearningItem,
    LearningReport,
    OmbudsmanCase,
    OmbudsmanOrder,
    OrderKind,
    Publication,
)
from putright.governance.models.ombudsman import ADVERSE_FINDINGS
from putright.governance.selectors.periods import Period


def ombudsman_cases() -> QuerySet[OmbudsmanCase]:
    return (
        OmbudsmanCase.objects.select_related("complaint")
        .annotate(
            findings_count=Count("findings", distinct=True),
            open_evidence=Count(
                "evidence_requests", filter=Q(evidence_requests__sent_on__isnull=True), distinct=True
            ),
            open_orders=Count(
                "orders",
                filter=Q(orders__kind=OrderKind.ORDER, orders__completed_on__isnull=True),
                distinct=True,
            ),
        )
        .order_by("state", "-referred_on", "-id")
    )


def ombudsman_case_get(*, case_id: int) -> OmbudsmanCase | None:
    return (
        OmbudsmanCase.objects.select_related("complaint", "complaint__resident")
        .prefetch_related(
            "evidence_requests",
            "findings",
            Prefetch("orders", OmbudsmanOrder.objects.select_related("finding")),
        )
        .filter(pk=case_id)
        .first()
    )


def findings_in(period: Period) -> list[Finding]:
    return list(
        Finding.objects.filter(determined_on__range=(period.start, period.end))
        .select_related("case", "case__complaint")
        .order_by("determined_on", "id")
    )


def non_compliance_findings(period: Period) -> list[Finding]:
    """The Ombudsman's findings against the landlord's complaint handling (Code 8.1c)."""
    return [f for f in findings_in(period) if f.complaint_handling and f.kind in ADVERSE_FINDINGS]


def orders_open(*, as_of: date) -> list[OmbudsmanOrder]:
    """Orders and recommendations not complied with by `as_of`, earliest due first (9.7c)."""
    return list(
        OmbudsmanOrder.objects.filter(Q(completed_on__isnull=True) | Q(completed_on__gt=as_of))
        .select_related("case", "case__complaint", "finding")
        .order_by("due_on", "id")[:200]
    )


def failure_orders_in(period: Period) -> list[ComplaintHandlingFailureOrder]:
    return list(
        ComplaintHandlingFailureOrder.objects.filter(issued_on__range=(period.start, period.end))
        .select_related("complaint")
        .order_by("issued_on", "id")
    )


def failure_orders() -> QuerySet[ComplaintHandlingFailureOrder]:
    return ComplaintHandlingFailureOrder.objects.select_related("complaint").order_by("-issued_on", "-id")


def exceptional_circumstances() -> QuerySet[ExceptionalCircumstance]:
    return ExceptionalCircumstance.objects.select_related("publication").order_by("-started_on", "-id")


def learning_items(*, status: str = "") -> QuerySet[LearningItem]:
    items = LearningItem.objects.select_related("owner", "category").prefetch_related(
        "complaints", Prefetch("reports", LearningReport.objects.order_by("reported_on", "id"))
    )
    if status:
        items = items.filter(status=status)
    return items.order_by("-identified_on", "-id")


def learning_get(*, item_id: int) -> LearningItem | None:
    return learning_items().filter(pk=item_id).first()


def improvements_in(period: Period) -> list[LearningItem]:
    """Learning identified, or improvements completed, in the period (Code 8.1d, 9.3)."""
    return list(
        learning_items()
        .filter(
            Q(identified_on__range=(period.start, period.end))
            | Q(completed_on__range=(period.start, period.end))
        )
        .order_by("identified_on", "id")
    )


def annual_reports() -> QuerySet[AnnualReport]:
    return (
        AnnualReport.objects.select_related("publication")
        .prefetch_related("documents")
        .order_by("-period_end", "-id")
    )


def annual_report_get(*, report_id: int) -> AnnualReport | None:
    return annual_reports().filter(pk=report_id).first()


def publications_public() -> list[dict[str, Any]]:
    """Documents on the public complaints page, newest first: ours and published self-assessments (8.2)."""
    items: list[dict[str, Any]] = [
        {
            "title": p.title,
            "kind": p.get_kind_display(),
            "summary": p.summary,
            "published_on": p.published_on,
            "pdf_url": ("publications:download", p.pk, "pdf"),
            "docx_url": ("publications:download", p.pk, "docx") if p.docx else None,
        }
        for p in Publication.objects.filter(withdrawn_at__isnull=True).order_by("-published_on", "-id")[:100]
    ]
    items.extend(_assessment_publications())
    return sorted(items, key=lambda i: i["published_on"], reverse=True)


def _assessment_publications() -> list[dict[str, Any]]:
    """The self-assessment published by the assessment app, if there is one."""
    document = self_assessment.latest_published()
    if document is None:
        return []
    return [
        {
            "title": document.title,
            "kind": "Self-assessment against the Complaint Handling Code",
            "summary": f"{document.edition_label}, {document.period_start:%-d %B %Y} to {document.period_end:%-d %B %Y}",
            # The day it went on the public page, not the day it was approved.
            "published_on": document.published_on,
            "assessment_id": document.assessment_id,
            "pdf_url": None,
            "docx_url": None,
        }
    ]
