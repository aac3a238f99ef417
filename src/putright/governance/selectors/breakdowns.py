"""Breakdowns for a period: categories, channels, refusals, extensions, remedies, follow-through.

All counted in the database; each function is one or two queries whatever the data size.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from django.db.models import Count, Exists, F, OuterRef, Q, Sum

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
from putright.landlord.models import Category

UNCATEGORISED = "Not categorised"


def _stage_one_by(period: Period) -> list[tuple[str, int | None, int]]:
    """Stage 1 complaints received in the period by channel and category id: one indexed scan, no join."""
    return list(
        Complaint.objects.filter(received_on__range=(period.start, period.end))
        .values_list("channel", "category_id")
        .annotate(n=Count("id"))
        .order_by()
    )


def categories(
    period: Period, stage_one: list[tuple[str, int | None, int]] | None = None
) -> list[dict[str, Any]]:
    """Complaints received at each stage in the period, by category, most first."""
    names = {pk: (slug, name) for pk, slug, name in Category.objects.values_list("id", "slug", "name")}
    found: dict[int | None, dict[str, Any]] = {}

    def row(category_id: int | None) -> dict[str, Any]:
        if category_id not in found:
            slug, name = names.get(category_id, ("", UNCATEGORISED)) if category_id else ("", UNCATEGORISED)
            found[category_id] = {"slug": slug, "name": name, "stage1": 0, "stage2": 0}
        return found[category_id]

    for _, category_id, n in stage_one if stage_one is not None else _stage_one_by(period):
        row(category_id)["stage1"] += n
    for category_id, n in (
        StageRecord.objects.filter(stage=2, requested_on__range=(period.start, period.end))
        .values_list("complaint__category_id")
        .annotate(n=Count("id"))
        .order_by()
    ):
        row(category_id)["stage2"] += n
    return sorted(found.values(), key=lambda r: (-r["stage1"], -r["stage2"], r["name"]))


def channels(period: Period, stage_one: list[tuple[str, int | None, int]] | None = None) -> dict[str, int]:
    """Stage 1 complaints received in the period by the channel they came in (Code 3.2)."""
    counts = dict.fromkeys(Channel.values, 0)
    for channel, _, n in stage_one if stage_one is not None else _stage_one_by(period):
        counts[channel] = counts.get(channel, 0) + n
    return counts


def categories_and_channels(period: Period) -> tuple[list[dict[str, Any]], dict[str, int]]:
    stage_one = _stage_one_by(period)
    return categories(period, stage_one), channels(period, stage_one)


def refusals(period: Period) -> dict[str, Any]:
    """Complaints not accepted (Code 2.1-2.5, reported under 8.1b) and escalations refused (5.11).

    A complaint not accepted counts in the period it was received, so that received =
    accepted + not accepted; an escalation refused counts in the period of the refusal.
    """
    span = (period.start, period.end)
    # One query per stage: an OR across the two date columns would defeat both indexes.
    by_stage = {stage: dict.fromkeys(RefusalReason.values, 0) for stage in (1, 2)}
    for stage, dated in ((1, Q(complaint__received_on__range=span)), (2, Q(refused_on__range=span))):
        rows = (
            Refusal.objects.filter(dated, stage=stage)
            .values_list("reason")
            .annotate(n=Count("id"))
            .order_by()
        )
        for reason, n in rows:
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


def _response(**sent: Any) -> Exists:
    """The remedy or action was set out in its complaint's response at the same stage, sent as given."""
    return Exists(
        StageRecord.objects.filter(complaint_id=OuterRef("complaint_id"), stage=OuterRef("stage"), **sent)
    )


def remedies(period: Period) -> dict[str, Any]:
    """Remedies set out in responses sent in the period, by kind, with the financial total (Code 7.1-7.3)."""
    rows = (
        Remedy.objects.filter(_response(responded_on__range=(period.start, period.end)))
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


def follow_through(as_of: date, *, today: date) -> dict[str, int]:
    """Outstanding actions and remedies past their promised date at the end of `as_of` (Code 6.6, 7.3).

    Only items still open at `as_of` are counted. Responses are never dated in the future, so
    every action and remedy on record today was set out by today: the link to the response is
    needed only for a day in the past. Every action and remedy is set out in a response, so
    "not set out after `as_of`" is asked rather than "set out by then": the anti-join then
    reads only the responses sent after `as_of`, through the index on `responded_on`.
    """
    not_done = Q(completed_on__isnull=True) | Q(completed_on__gt=as_of)
    actions = Action.objects.filter(not_done)
    remedies_ = Remedy.objects.filter(not_done)
    if as_of < today:
        actions = actions.exclude(_response(responded_on__gt=as_of))
        remedies_ = remedies_.exclude(_response(responded_on__gt=as_of))
    action_counts = actions.aggregate(open=Count("id"), overdue=Count("id", filter=Q(promise_on__lt=as_of)))
    remedy_counts = remedies_.aggregate(open=Count("id"), overdue=Count("id", filter=Q(due_on__lt=as_of)))
    return {
        "actions_open": action_counts["open"],
        "actions_overdue": action_counts["overdue"],
        "remedies_open": remedy_counts["open"],
        "remedies_overdue": remedy_counts["overdue"],
    }


def extensions_listed(period: Period, *, limit: int = 50) -> list[dict[str, Any]]:
    """The extensions notified in the period with their reasons, latest first (Code 6.4, 6.15).

    The reasons are free text: show them only to roles that may see case details.
    """
    rows = (
        Extension.objects.filter(notified_on__range=(period.start, period.end))
        .order_by("-notified_on", "-id")
        .values(
            "notified_on",
            "working_days",
            "good_reason",
            "reason",
            reference=F("stage_record__complaint__reference"),
            stage=F("stage_record__stage"),
        )[:limit]
    )
    return [dict(row) for row in rows]
