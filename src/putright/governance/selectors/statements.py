"""Statements of fact the reports make, each counted from the record (Code 8.1b, 8.5, 9.7).

A report never says "each resident was told" as fixed text: it says how many of how many.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Q

from putright.cases.models import Correspondence, Refusal
from putright.governance.models import ExceptionalCircumstance
from putright.governance.selectors.periods import Period


@dataclass(frozen=True)
class Counted:
    """`count` of `total`, so a report prints both."""

    count: int
    total: int


def refusals_told_of_ombudsman(period: Period) -> Counted:
    """Refusals in the period (not accepted, 2.4; escalation refused, 5.11) after which the resident
    was sent a message that names the Housing Ombudsman, on or after the day of the refusal.

    The same counting rule as the self-assessment's evidence for 2.4, over both stages.
    """
    told = Correspondence.objects.filter(
        complaint=OuterRef("complaint"),
        direction=Correspondence.Direction.OUT,
        body__icontains="ombudsman",
        occurred_at__date__gte=OuterRef("refused_on"),
    )
    refusals = Refusal.objects.filter(refused_on__range=(period.start, period.end)).annotate(
        told=Exists(told)
    )
    return Counted(count=refusals.filter(told=True).count(), total=refusals.count())


def exceptional_circumstances_in(period: Period) -> list[ExceptionalCircumstance]:
    """Exceptional circumstances (8.5) in force at any time in the period."""
    return list(
        ExceptionalCircumstance.objects.filter(started_on__lte=period.end)
        .filter(Q(returned_on__isnull=True) | Q(returned_on__gte=period.start))
        .order_by("started_on", "id")
    )
