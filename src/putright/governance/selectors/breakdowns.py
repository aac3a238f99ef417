"""Breakdowns for a period: categories, channels, refusals, extensions, remedies, follow-through.

All counted in the database; each function is one or two queries whatever the data size.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from django.db.models import Count, F, Q, Sum

from putright.cases.models import (
    Action,
    Channel,
    Complaint,
    Extension,
    Refusal,
    RefusalReason,
    Remedy,
    RemedyKind,
    StageRecord,
)
from putright.governance.selectors.periods import Period
from putright.governance.selectors.stages import keyed

UNCATEGORISED = "Not categorised"


def categories(period: Period) -> list[dict[str, Any]]:
    """Complaints received at each stage in the period, by category, most first."""
    rows = (
        StageRecord.objects.filter(requested_on__range=(period.start, period.end))
        .values("complaint__category__slug", "complaint__category__name")
        .annotate(stage1=Count("id", filter=Q(stage=1)), stage2=Count("id", filter=Q(stage=2)))
        .order_by()
    )
    result = [
        {
            "slug": row["complaint__category__slug"] or "",
            "name": row["complaint__category__name"] or UNCATEGORISED,
            "stage1": row["stage1"],
            "stage2": row["stage2"],
        }
        for row in rows
    ]
    return sorted(result, key=lambda r: (-r["stage1"], -r["stage2"], r["name"]))


def channels(period: Period) -> dict[str, int]:
    """Stage 1 complaints received in the period by the channel they came in (Code 3.2)."""
    counts = dict(
        Complaint.objects.filter(received_on__range=(period.start, period.end))
        .values_list("channel")
        .annotate(n=Count("id"))
        .order_by()
    )
    return {channel: counts.get(channel, 0) for channel in Channel.values}


def refusals(period: Period) -> dict[str, Any]:
    """Complaints not accepted (Code 2.1-2.5, reported under 8.1b) and escalations refused (5.11).

    A complaint not accepted counts in the period it was received, so that received =
    accepted + not accepted; an escalation refused counts in the period of the refusal.
    """
    rows = (
        Refusal.objects.filter(
            Q(stage=1, complaint__received_on__range=(period.start, period.end))
            | Q(stage=2, refused_on__range=(period.start, period.end))
        )
        .values_list("stage", "reason")
        .annotate(n=Count("id"))
        .order_by()
    )
    by_stage = {stage: dict.fromkeys(RefusalReason.values, 0) for stage in (1, 2)}
    for stage, reason, n in rows:
        by_stage[stage][reason] = n
    return {
        "total": sum(by_stage[1].values()),
        "by_reason": by_stage[1],
        "escalation_refused": {"total": sum(by_stage[2].values()), "by_reason": by_stage[2]},
    }


def extensions(period: Period) -> dict[int, dict[str, int]]:
    """Extensions notified to residents in the period, per stage (Code 6.4, 6.15)."""
    rows = (
        Extension.objects.filter(notified_on__range=(period.start, period.end))
        .values("stage_record__stage")
        .annotate(
            count=Count("id"),
            good_reason=Count("id", filter=Q(good_reason=True)),
            working_days=Sum("working_days"),
        )
        .order_by()
    )
    found = keyed(rows, "stage_record__stage")
    return {
        stage: {
            "count": found.get(stage, {}).get("count", 0),
            "good_reason": found.get(stage, {}).get("good_reason", 0),
            "working_days": found.get(stage, {}).get("working_days") or 0,
        }
        for stage in (1, 2)
    }


def _given_by(period_start: date, period_end: date) -> Q:
    # A remedy or action belongs to the response that set it out: the stage response of its complaint.
    return Q(
        complaint__stages__stage=F("stage"), complaint__stages__responded_on__range=(period_start, period_end)
    )


def remedies(period: Period) -> dict[str, Any]:
    """Remedies set out in responses sent in the period, by kind, with the financial total (Code 7.1-7.3)."""
    rows = (
        Remedy.objects.filter(_given_by(period.start, period.end))
        .values("kind")
        .annotate(count=Count("id"), amount=Sum("amount"))
        .order_by()
    )
    found = keyed(rows, "kind")
    by_kind = {kind: found.get(kind, {}).get("count", 0) for kind in RemedyKind.values}
    financial = found.get(RemedyKind.FINANCIAL, {}).get("amount") or Decimal("0")
    return {
        "total": sum(by_kind.values()),
        "by_kind": by_kind,
        "financial_total": Decimal(financial).quantize(Decimal("0.01")),
    }


def follow_through(as_of: date) -> dict[str, int]:
    """Outstanding actions and remedies past their promised date at the end of `as_of` (Code 6.6, 7.3).

    Only items still open at `as_of` are joined to their response, so the work stays small
    however many were completed before.
    """
    not_done = Q(completed_on__isnull=True) | Q(completed_on__gt=as_of)
    given = Q(complaint__stages__stage=F("stage"), complaint__stages__responded_on__lte=as_of)
    actions = (
        Action.objects.filter(not_done)
        .filter(given)
        .aggregate(open=Count("id"), overdue=Count("id", filter=Q(promise_on__lt=as_of)))
    )
    remedies_ = (
        Remedy.objects.filter(not_done)
        .filter(given)
        .aggregate(open=Count("id"), overdue=Count("id", filter=Q(due_on__lt=as_of)))
    )
    return {
        "actions_open": actions["open"],
        "actions_overdue": actions["overdue"],
        "remedies_open": remedies_["open"],
        "remedies_overdue": remedies_["overdue"],
    }
