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

from django.contrib.auth import get_user_model
from django.db.models import Exists, F, OuterRef, Q, QuerySet
from django.db.models.expressions import Combinable

from putright.cases.models import (
    Action,
    Adjustment,
    CaseEvent,
    Correspondence,
    EventAction,
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


def acknowledged(stage: int) -> Callable[[Period], QuerySet[Any]]:
    def population(period: Period) -> QuerySet[Any]:
        return (
            _stage_records(stage, period)
            .exclude(acknowledged_on__isnull=True, code_acknowledge_by__gte=period.today)
            .exclude(acknowledged_on__isnull=True, complaint__status__in=CLOSED_UNANSWERED)
        )

    return population


def late_acknowledgement(period: Period) -> Q:
    # Against the Code's date, not the landlord's shorter one: this is evidence of compliance.
    return Q(acknowledged_on__isnull=True) | Q(acknowledged_on__gt=F("code_acknowledge_by"))


def responded(stage: int) -> Callable[[Period], QuerySet[Any]]:
    def population(period: Period) -> QuerySet[Any]:
        return (
            _stage_records(stage, period)
            .filter(acknowledged_on__isnull=False)
            .exclude(responded_on__isnull=True, code_respond_by__gte=period.today)
            .exclude(responded_on__isnull=True, complaint__status__in=CLOSED_UNANSWERED)
        )

    return population


def late_response(period: Period) -> Q:
    return Q(responded_on__isnull=True) | Q(responded_on__gt=F("code_respond_by"))


def extended(stage: int) -> Callable[[Period], QuerySet[Any]]:
    def population(period: Period) -> QuerySet[Any]:
        good = Extension.objects.filter(stage_record=OuterRef("pk"), good_reason=True)
        return _stage_records(stage, period).filter(extension_days__gt=0).annotate(good_reason=Exists(good))

    return population


def over_cap(cap: int) -> Callable[[Period], Q]:
    return lambda period: Q(extension_days__gt=cap, good_reason=False)


def extensions(stage: int) -> Callable[[Period], QuerySet[Any]]:
    return lambda period: Extension.objects.filter(
        stage_record__stage=stage, notified_on__range=(period.start, period.end)
    )


def no_ombudsman_details(period: Period) -> Q:
    return Q(ombudsman_details_given=False)


def _acted_at(stage: int) -> Q:
    """The events in which someone acknowledged, extended or responded at `stage` (each one's
    snapshot names the stage it changed)."""
    return (
        Q(action=EventAction.ACKNOWLEDGED, after__has_key=f"stage{stage}_acknowledged_on")
        | Q(action=EventAction.EXTENDED, after__has_key=f"stage{stage}_extension_days")
        | Q(action=EventAction.RESPONDED, after__has_key=f"stage{stage}_responded_on")
    )


def _stage_one_people(complaint: Any) -> Q:
    """Matches a user id column against everyone who acted at stage 1 or is its handler."""
    acted = CaseEvent.objects.filter(_acted_at(1), complaint=complaint, actor__isnull=False).values("actor")
    handler = StageRecord.objects.filter(complaint=complaint, stage=1, handler__isnull=False).values(
        "handler"
    )
    return Q(pk__in=acted) | Q(pk__in=handler)


def stage_two_handled(period: Period) -> QuerySet[Any]:
    """Stage 2 escalations someone has handled or acted on, marked where that person acted at stage 1."""
    user = get_user_model()
    acted_two = CaseEvent.objects.filter(_acted_at(2), complaint=OuterRef("complaint"), actor__isnull=False)
    crossed_actor = acted_two.filter(
        actor__in=user.objects.filter(_stage_one_people(OuterRef(OuterRef("complaint"))))
    )
    crossed_handler = user.objects.filter(
        _stage_one_people(OuterRef(OuterRef("complaint"))), pk=OuterRef("handler")
    )
    return (
        _stage_records(2, period)
        .annotate(acted=Exists(acted_two))
        .filter(Q(handler__isnull=False) | Q(acted=True))
        .annotate(crossed=Exists(crossed_actor) | Exists(crossed_handler))
    )


def same_handler(period: Period) -> Q:
    """Code 6.13 from who acted: someone who acted at stage 1 (or was its handler) acted at,
    or handles, stage 2."""
    return Q(crossed=True)


def refusals(period: Period) -> QuerySet[Any]:
    told = Correspondence.objects.filter(
        complaint=OuterRef("complaint"),
        direction=Correspondence.Direction.OUT,
        body__icontains="ombudsman",
        occurred_at__date__gte=OuterRef("refused_on"),
    )
    return Refusal.objects.filter(stage=1, refused_on__range=(period.start, period.end)).annotate(
        ombudsman_told=Exists(told)
    )


def refusal_unexplained(period: Period) -> Q:
    return Q(explanation="") | (~Q(explanation__icontains="ombudsman") & Q(ombudsman_told=False))


def adjustments(period: Period) -> QuerySet[Any]:
    return Adjustment.objects.filter(recorded_on__lte=period.end).filter(
        Q(active=True) | Q(reviewed_on__gte=period.start)
    )


def _review_overdue(period: Period) -> Q:
    return Q(review_on__lt=period.as_of)


def adjustment_overdue(period: Period) -> Q:
    return Q(active=True) & _review_overdue(period)


def restrictions(period: Period) -> QuerySet[Any]:
    return Restriction.objects.filter(starts_on__lte=period.end).filter(
        Q(ends_on__isnull=True) | Q(ends_on__gte=period.start)
    )


def restriction_overdue(period: Period) -> Q:
    return Q(ends_on__isnull=True) & _review_overdue(period)


def remedies(period: Period) -> QuerySet[Any]:
    return Remedy.objects.filter(due_on__range=(period.start, period.end)).exclude(
        completed_on__isnull=True, due_on__gte=period.today
    )


def late_completion(period: Period) -> Q:
    return Q(completed_on__isnull=True) | Q(completed_on__gt=F("due_on"))


# Actions are measured against the date first promised (6.6, 6.17): a promise moved later
# is still a promise not kept on its first date.
def actions(stage: int) -> Callable[[Period], QuerySet[Any]]:
    return lambda period: Action.objects.filter(
        stage=stage, first_promise_on__range=(period.start, period.end)
    ).exclude(completed_on__isnull=True, first_promise_on__gte=period.today)


def late_action(period: Period) -> Q:
    return Q(completed_on__isnull=True) | Q(completed_on__gt=F("first_promise_on"))
