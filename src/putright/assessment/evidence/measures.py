"""What the complaint record can show for a provision, as counting rules over the cases models.

Each measure is a population (a queryset of the things counted in the period) and a
failing filter over it; both are SQL, so a figure is one aggregate query whatever the
volume. Deadlines still running on `today` are never failures: a case not yet due is
left out until it is answered or its deadline passes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import CharField, Exists, F, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.expressions import Combinable
from django.db.models.functions import Cast, Concat

from putright.cases.models import (
    Action,
    Adjustment,
    Correspondence,
    Extension,
    Refusal,
    Remedy,
    Restriction,
    StageRecord,
    Status,
)

CLOSED_UNANSWERED = (Status.REFUSED, Status.WITHDRAWN)


@dataclass(frozen=True)
class Period:
    """The assessment period, and the day the figure is computed."""

    start: date
    end: date
    today: date

    @property
    def as_of(self) -> date:
        """The day reviews are judged overdue by: the end of the period, or today if earlier."""
        return min(self.end, self.today)


@dataclass(frozen=True)
class Measure:
    provision_id: str
    key: str
    title: str
    counted: str
    rule: str
    population: Callable[[Period], QuerySet[Any]]
    failing: Callable[[Period], Q]
    # What identifies a failing item: a complaint reference, or a record number where the
    # item is about a resident (never a name: governance sees these lists too).
    reference: str | Combinable
    source: str = "record"


def _stage_records(stage: int, period: Period) -> QuerySet[StageRecord]:
    return StageRecord.objects.filter(stage=stage, requested_on__range=(period.start, period.end))


def _acknowledged(stage: int) -> Callable[[Period], QuerySet[Any]]:
    def population(period: Period) -> QuerySet[Any]:
        return (
            _stage_records(stage, period)
            .exclude(acknowledged_on__isnull=True, acknowledge_by__gte=period.today)
            .exclude(acknowledged_on__isnull=True, complaint__status__in=CLOSED_UNANSWERED)
        )

    return population


def _late_acknowledgement(period: Period) -> Q:
    return Q(acknowledged_on__isnull=True) | Q(acknowledged_on__gt=F("acknowledge_by"))


def _responded(stage: int) -> Callable[[Period], QuerySet[Any]]:
    def population(period: Period) -> QuerySet[Any]:
        return (
            _stage_records(stage, period)
            .filter(acknowledged_on__isnull=False)
            .exclude(responded_on__isnull=True, respond_by__gte=period.today)
            .exclude(responded_on__isnull=True, complaint__status__in=CLOSED_UNANSWERED)
        )

    return population


def _late_response(period: Period) -> Q:
    return Q(responded_on__isnull=True) | Q(responded_on__gt=F("respond_by"))


def _extended(stage: int) -> Callable[[Period], QuerySet[Any]]:
    def population(period: Period) -> QuerySet[Any]:
        good = Extension.objects.filter(stage_record=OuterRef("pk"), good_reason=True)
        return _stage_records(stage, period).filter(extension_days__gt=0).annotate(good_reason=Exists(good))

    return population


def _over_cap(cap: int) -> Callable[[Period], Q]:
    return lambda period: Q(extension_days__gt=cap, good_reason=False)


def _extensions(stage: int) -> Callable[[Period], QuerySet[Any]]:
    return lambda period: Extension.objects.filter(
        stage_record__stage=stage, notified_on__range=(period.start, period.end)
    )


def _no_ombudsman_details(period: Period) -> Q:
    return Q(ombudsman_details_given=False)


def _stage_two_handled(period: Period) -> QuerySet[Any]:
    first = StageRecord.objects.filter(complaint=OuterRef("complaint"), stage=1).values("handler")[:1]
    return _stage_records(2, period).filter(handler__isnull=False).annotate(stage_one_handler=Subquery(first))


def _same_handler(period: Period) -> Q:
    return Q(handler_id=F("stage_one_handler"))


def _refusals(period: Period) -> QuerySet[Any]:
    told = Correspondence.objects.filter(
        complaint=OuterRef("complaint"),
        direction=Correspondence.Direction.OUT,
        body__icontains="ombudsman",
        occurred_at__date__gte=OuterRef("refused_on"),
    )
    return Refusal.objects.filter(stage=1, refused_on__range=(period.start, period.end)).annotate(
        ombudsman_told=Exists(told)
    )


def _refusal_unexplained(period: Period) -> Q:
    return Q(explanation="") | (~Q(explanation__icontains="ombudsman") & Q(ombudsman_told=False))


def _adjustments(period: Period) -> QuerySet[Any]:
    return Adjustment.objects.filter(recorded_on__lte=period.end).filter(
        Q(active=True) | Q(reviewed_on__gte=period.start)
    )


def _review_overdue(period: Period) -> Q:
    return Q(review_on__lt=period.as_of)


def _adjustment_overdue(period: Period) -> Q:
    return Q(active=True) & _review_overdue(period)


def _restrictions(period: Period) -> QuerySet[Any]:
    return Restriction.objects.filter(starts_on__lte=period.end).filter(
        Q(ends_on__isnull=True) | Q(ends_on__gte=period.start)
    )


def _restriction_overdue(period: Period) -> Q:
    return Q(ends_on__isnull=True) & _review_overdue(period)


def _remedies(period: Period) -> QuerySet[Any]:
    return Remedy.objects.filter(due_on__range=(period.start, period.end)).exclude(
        completed_on__isnull=True, due_on__gte=period.today
    )


def _late_completion(period: Period) -> Q:
    return Q(completed_on__isnull=True) | Q(completed_on__gt=F("due_on"))


def _actions(stage: int) -> Callable[[Period], QuerySet[Any]]:
    return lambda period: Action.objects.filter(
        stage=stage, promise_on__range=(period.start, period.end)
    ).exclude(completed_on__isnull=True, promise_on__gte=period.today)


def _late_action(period: Period) -> Q:
    return Q(completed_on__isnull=True) | Q(completed_on__gt=F("promise_on"))


_DUE = " Cases whose deadline has not yet passed, and refused or withdrawn complaints never acknowledged, are left out."
_RESPONSE_DUE = (
    " The deadline is the one in force, extensions included; cases still within it, and refused or "
    "withdrawn complaints never answered, are left out."
)

MEASURES: tuple[Measure, ...] = (
    Measure(
        "2.4",
        "refusals-explained",
        "Refusals explained with the right to go to the Ombudsman",
        "complaints not accepted in the period",
        "A refusal counts when its explanation is recorded and either mentions the Ombudsman or a "
        "message sent to the resident on or after the refusal does.",
        _refusals,
        _refusal_unexplained,
        "complaint__reference",
    ),
    Measure(
        "5.10",
        "adjustments-reviewed",
        "Reasonable adjustments and disclosures reviewed on time",
        "adjustments active during the period",
        "An adjustment fails when it is still active and its review date passed before the end of the "
        "period (or today, if earlier) without a review.",
        _adjustments,
        _adjustment_overdue,
        Concat(Value("Adjustment "), Cast("pk", CharField())),
    ),
    Measure(
        "5.14",
        "restrictions-reviewed",
        "Contact restrictions reviewed on time",
        "restrictions in force during the period",
        "A restriction fails when it has not been lifted and its review date passed before the end of "
        "the period (or today, if earlier) without a review.",
        _restrictions,
        _restriction_overdue,
        Concat(Value("Restriction "), Cast("pk", CharField())),
    ),
    Measure(
        "6.2",
        "stage1-acknowledged",
        "Stage 1 complaints acknowledged within 5 working days",
        "stage 1 complaints received in the period",
        "A complaint passes when it was acknowledged on or before its acknowledgement deadline (5 "
        "working days after receipt, the day of receipt being day 0)." + _DUE,
        _acknowledged(1),
        _late_acknowledgement,
        "complaint__reference",
    ),
    Measure(
        "6.3",
        "stage1-responded",
        "Stage 1 responses within 10 working days of acknowledgement",
        "acknowledged stage 1 complaints received in the period",
        "A complaint passes when the stage 1 response was sent on or before its response deadline "
        "(10 working days after the acknowledgement, plus any extension)." + _RESPONSE_DUE,
        _responded(1),
        _late_response,
        "complaint__reference",
    ),
    Measure(
        "6.4",
        "stage1-extension-cap",
        "Stage 1 extensions within 10 working days or with good reason",
        "stage 1 complaints received in the period with an extension",
        "A complaint fails when its stage 1 extensions add up to more than 10 working days and none "
        "was recorded as having good reason.",
        _extended(1),
        _over_cap(10),
        "complaint__reference",
    ),
    Measure(
        "6.5",
        "stage1-extension-ombudsman",
        "Stage 1 extensions notified with the Ombudsman's contact details",
        "stage 1 extensions notified in the period",
        "An extension passes when the resident was given the Ombudsman's contact details with it.",
        _extensions(1),
        _no_ombudsman_details,
        "stage_record__complaint__reference",
    ),
    Measure(
        "6.6",
        "stage1-actions",
        "Stage 1 outstanding actions completed by their promised dates",
        "stage 1 actions promised for dates in the period",
        "An action passes when it was completed on or before the date promised; actions not yet due "
        "are left out.",
        _actions(1),
        _late_action,
        "complaint__reference",
    ),
    Measure(
        "6.11",
        "stage2-acknowledged",
        "Stage 2 escalations acknowledged within 5 working days",
        "stage 2 escalations requested in the period",
        "An escalation passes when it was acknowledged on or before its acknowledgement deadline (5 "
        "working days after the request, the day of the request being day 0)." + _DUE,
        _acknowledged(2),
        _late_acknowledgement,
        "complaint__reference",
    ),
    Measure(
        "6.13",
        "stage2-different-handler",
        "Stage 2 considered by someone other than the stage 1 handler",
        "stage 2 escalations requested in the period with a handler",
        "An escalation fails when its stage 2 handler is the person who handled stage 1.",
        _stage_two_handled,
        _same_handler,
        "complaint__reference",
    ),
    Measure(
        "6.14",
        "stage2-responded",
        "Stage 2 responses within 20 working days of acknowledgement",
        "acknowledged stage 2 escalations requested in the period",
        "An escalation passes when the stage 2 response was sent on or before its response deadline "
        "(20 working days after the acknowledgement, plus any extension)." + _RESPONSE_DUE,
        _responded(2),
        _late_response,
        "complaint__reference",
    ),
    Measure(
        "6.15",
        "stage2-extension-cap",
        "Stage 2 extensions within 20 working days or with good reason",
        "stage 2 escalations requested in the period with an extension",
        "An escalation fails when its stage 2 extensions add up to more than 20 working days and none "
        "was recorded as having good reason.",
        _extended(2),
        _over_cap(20),
        "complaint__reference",
    ),
    Measure(
        "6.16",
        "stage2-extension-ombudsman",
        "Stage 2 extensions notified with the Ombudsman's contact details",
        "stage 2 extensions notified in the period",
        "An extension passes when the resident was given the Ombudsman's contact details with it.",
        _extensions(2),
        _no_ombudsman_details,
        "stage_record__complaint__reference",
    ),
    Measure(
        "6.17",
        "stage2-actions",
        "Stage 2 outstanding actions completed by their promised dates",
        "stage 2 actions promised for dates in the period",
        "An action passes when it was completed on or before the date promised; actions not yet due "
        "are left out.",
        _actions(2),
        _late_action,
        "complaint__reference",
    ),
    Measure(
        "7.3",
        "remedies-completed",
        "Remedies completed by the date given",
        "remedies due in the period",
        "A remedy passes when it was completed on or before its due date; remedies not yet due are left out.",
        _remedies,
        _late_completion,
        "complaint__reference",
    ),
)
