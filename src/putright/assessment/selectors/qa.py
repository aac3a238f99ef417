"""Reads of quality assurance samples and their scores."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import Count, Q

from putright.assessment.evidence.qa import CHECKLIST
from putright.assessment.models import QASample, QASampleCase, QAScore

PAGE_SIZE = 25


def qa_samples_page(*, page: int = 1) -> Page[Any]:
    qs = QASample.objects.annotate(scored=Count("cases", filter=Q(cases__scored_at__isnull=False))).order_by(
        "-quarter_start", "-id"
    )
    return Paginator(qs, PAGE_SIZE).get_page(page)


def qa_sample_get(*, sample_id: int) -> QASample | None:
    return QASample.objects.filter(pk=sample_id).first()


def qa_sample_cases(*, sample: QASample) -> list[QASampleCase]:
    return list(QASampleCase.objects.filter(sample=sample).order_by("position"))


def qa_case_get(*, sample: QASample, case_id: int) -> QASampleCase | None:
    return QASampleCase.objects.filter(sample=sample, pk=case_id).first()


@dataclass(frozen=True)
class ChecklistResult:
    field: str
    label: str
    provisions: tuple[str, ...]
    yes: int
    no: int
    not_applicable: int


def qa_sample_results(*, sample: QASample) -> list[ChecklistResult]:
    """Yes, no and not applicable counts for each checklist point, in one query."""
    aggregates: dict[str, Any] = {}
    for field, _label, _provisions in CHECKLIST:
        for value, name in ((QAScore.YES, "yes"), (QAScore.NO, "no"), (QAScore.NOT_APPLICABLE, "na")):
            aggregates[f"{field}__{name}"] = Count("pk", filter=Q(**{field: value}))
    counts = QASampleCase.objects.filter(sample=sample).aggregate(**aggregates)
    return [
        ChecklistResult(
            field=field,
            label=label,
            provisions=provisions,
            yes=counts[f"{field}__yes"],
            no=counts[f"{field}__no"],
            not_applicable=counts[f"{field}__na"],
        )
        for field, label, provisions in CHECKLIST
    ]
