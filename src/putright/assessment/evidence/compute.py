"""Figures from the record for a provision and period, and the cases behind them.

A figure is one aggregate query; the failing cases are a paginated list. The RAG it
suggests is shown beside the assessor's own answer and never written into it.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import Count, F, QuerySet

from putright.assessment.evidence.catalogue import MEASURES
from putright.assessment.evidence.measures import Measure, Period
from putright.assessment.evidence.qa import qa_measures
from putright.assessment.evidence.rag import percentage, suggest_rag
from putright.assessment.evidence.sources import extra_measures, unavailable_sources
from putright.assessment.models import Rag
from putright.rules.provisions import Edition

FAILURES_PAGE_SIZE = 50


@dataclass(frozen=True)
class Figure:
    measure: Measure
    period: Period
    total: int
    failed: int

    @property
    def passed(self) -> int:
        return self.total - self.failed

    @property
    def percent(self) -> Decimal | None:
        return percentage(self.passed, self.total)

    @property
    def suggestion(self) -> tuple[Rag, str]:
        return suggest_rag(self.passed, self.total)

    @property
    def suggested_rag(self) -> Rag:
        return self.suggestion[0]

    @property
    def suggestion_reason(self) -> str:
        return self.suggestion[1]

    @property
    def summary(self) -> str:
        """One sentence fit for the evidence column of the published assessment."""
        span = f"{self.period.start:%-d %B %Y} to {self.period.end:%-d %B %Y}"
        if self.total == 0:
            return f"{self.measure.title}: no {self.measure.counted} ({span})."
        return (
            f"{self.measure.title}: {self.passed} of {self.total} {self.measure.counted} "
            f"({span}), {self.percent}%."
        )


@dataclass(frozen=True)
class Unavailable:
    """A provision the record could speak to, but whose source is not there yet."""

    provision_id: str
    title: str
    reason: str


def _all_measures() -> tuple[Measure, ...]:
    return MEASURES + extra_measures() + qa_measures()


def measures_for(*, edition: str, provision_id: str) -> tuple[Measure, ...]:
    """Measures for a provision. Only the 2024 Code's numbering is mapped."""
    if edition != Edition.HOS_2024:
        return ()
    return tuple(m for m in _all_measures() if m.provision_id == provision_id)


def measure_by_key(key: str) -> Measure | None:
    return next((m for m in _all_measures() if m.key == key), None)


def measured_provisions(*, edition: str) -> frozenset[str]:
    if edition != Edition.HOS_2024:
        return frozenset()
    return frozenset(m.provision_id for m in _all_measures())


def evidence_figure(*, measure: Measure, period: Period) -> Figure:
    """Count the population and its failures for the period in one SQL query."""
    totals = measure.population(period).aggregate(
        total=Count("pk"), failed=Count("pk", filter=measure.failing(period))
    )
    return Figure(measure=measure, period=period, total=totals["total"], failed=totals["failed"])


def evidence_for_provision(*, edition: str, provision_id: str, period: Period) -> list[Figure | Unavailable]:
    """Every figure the record gives for a provision, and what it cannot give yet."""
    found: list[Figure | Unavailable] = [
        evidence_figure(measure=m, period=period)
        for m in measures_for(edition=edition, provision_id=provision_id)
    ]
    if edition == Edition.HOS_2024:
        found.extend(
            Unavailable(provision_id=pid, title=title, reason=reason)
            for pid, title, reason in unavailable_sources()
            if pid == provision_id
        )
    return found


def _failing_references(measure: Measure, period: Period) -> QuerySet[Any]:
    expression = F(measure.reference) if isinstance(measure.reference, str) else measure.reference
    failing: QuerySet[Any] = (
        measure.population(period)
        .filter(measure.failing(period))
        .annotate(failing_reference=expression)
        .order_by("failing_reference")
        .values_list("failing_reference", flat=True)
        .distinct()
    )
    return failing


def evidence_failures(*, measure: Measure, period: Period, page: int = 1) -> Page[Any]:
    """The references of the failing cases, a page at a time (two queries)."""
    paginator = Paginator(_failing_references(measure, period), FAILURES_PAGE_SIZE)
    return paginator.get_page(page)
