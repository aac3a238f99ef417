"""Breakdowns for a period: categories, channels, refusals, extensions, remedies, follow-through.

The period breakdowns read the period's day counts (`daycounts`), counted in the
database; follow-through and the list of extensions are one query each.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from django.db.models import Count, Exists, F, OuterRef, Q

from putright.cases.models import Action, Channel, Extension, RefusalReason, Remedy, RemedyKind, StageRecord
from putright.governance.selectors.daycounts import Tally
from putright.governance.selectors.periods import Period
from putright.governance.selectors.report_types import (
    BandRow,
    CategoryRow,
    EscalationRefusals,
    FollowThrough,
    Refusals,
    Remedies,
    WithdrawalCounts,
    Withdrawals,
)
from putright.governance.selectors.scope import EVERYTHING, Scope
from putright.governance.selectors.stage_types import ExtensionCounts
from putright.landlord.models import Category

UNCATEGORISED = "Not categorised"


def categories(tally: Tally) -> tuple[CategoryRow, ...]:
    """Complaints received at each stage in the period, by category, most first."""
    names = {pk: (slug, name) for pk, slug, name in Category.objects.values_list("id", "slug", "name")}
    found: dict[int | None, dict[str, Any]] = {}
    for key, n in tally.items():
        if not key.startswith("category|") or not n:
            continue
        _, stage, raw_id = key.split("|")
        category_id = None if raw_id == "-" else int(raw_id)
        if category_id not in found:
            slug, name = names.get(category_id, ("", UNCATEGORISED)) if category_id else ("", UNCATEGORISED)
            found[category_id] = {"slug": slug, "name": name, "stage1": 0, "stage2": 0}
        found[category_id][f"stage{stage}"] += n
    rows = sorted(found.values(), key=lambda r: (-r["stage1"], -r["stage2"], r["name"]))
    return tuple(CategoryRow(**row) for row in rows)


def channels(tally: Tally) -> dict[str, int]:
    """Stage 1 complaints received in the period by the channel they came in (Code 3.2)."""
    counts = dict.fromkeys(Channel.values, 0)
    for key, n in tally.items():
        if key.startswith("channel|"):
            channel = key.split("|", 1)[1]
            counts[channel] = counts.get(channel, 0) + n
    return counts


def refusals(tally: Tally) -> Refusals:
    """Complaints not accepted (Code 2.1-2.5, reported under 8.1b) and escalations refused (5.11).

    A complaint not accepted counts in the period it was received, so that received =
    accepted + not accepted; one later reopened (2.4) is accepted and counted under
    `reopened`, never twice. An escalation refused counts in the period of the refusal, and
    is `late` when refused after the 5 working days a stage 2 acknowledgement has (6.11).
    """
    by_stage = {
        stage: {reason: tally[f"refused|{stage}|{reason}"] for reason in RefusalReason.values}
        for stage in (1, 2)
    }
    return Refusals(
        total=sum(by_stage[1].values()),
        by_reason=by_stage[1],
        reopened=tally["reopened|1"],
        escalation_refused=EscalationRefusals(
            total=sum(by_stage[2].values()), by_reason=by_stage[2], late=tally["refused_late|2"]
        ),
    )


def withdrawals(tally: Tally) -> Withdrawals:
    """Complaints withdrawn in the period, by the stage they were at, and how many of them
    after a Code deadline at that stage had passed unmet (counted on the day withdrawn)."""
    by_stage = {
        stage: WithdrawalCounts(
            count=tally[f"withdrawal|{stage}|count"],
            after_deadline=tally[f"withdrawal|{stage}|after_deadline"],
        )
        for stage in (1, 2)
    }
    return Withdrawals(
        total=sum(s.count for s in by_stage.values()),
        after_deadline=sum(s.after_deadline for s in by_stage.values()),
        by_stage={str(stage): counts for stage, counts in by_stage.items()},
    )


def extensions(tally: Tally) -> dict[int, ExtensionCounts]:
    """Extensions notified to residents in the period, per stage (Code 6.4, 6.15)."""
    return {
        stage: ExtensionCounts(
            count=tally[f"extension|{stage}|count"],
            good_reason=tally[f"extension|{stage}|good_reason"],
            working_days=tally[f"extension|{stage}|working_days"],
        )
        for stage in (1, 2)
    }


def remedies(tally: Tally, against_bands: dict[str, BandRow]) -> Remedies:
    """Remedies set out in responses sent in the period, by kind, with the financial total
    (Code 7.1-7.3), and the financial ones against the bands (`compensation`, Code 7.4)."""
    by_kind = {kind: tally[f"remedy|{kind}|count"] for kind in RemedyKind.values}
    pence = tally[f"remedy|{RemedyKind.FINANCIAL}|pence"]
    return Remedies(
        total=sum(by_kind.values()),
        by_kind=by_kind,
        financial_total=(Decimal(pence) / 100).quantize(Decimal("0.01")),
        against_bands=against_bands,
    )


def response_sent(**sent: Any) -> Exists:
    """The remedy or action was set out in its complaint's response at the same stage, sent as given."""
    return Exists(
        StageRecord.objects.filter(complaint_id=OuterRef("complaint_id"), stage=OuterRef("stage"), **sent)
    )


def follow_through_counts(
    as_of: date, *, today: date, scope: Scope = EVERYTHING, by: str = "", complaints: Any = None
) -> dict[Any, dict[str, int]]:
    """The counts of `follow_through` by name (`actions_open`, ...), or per value of the
    item's field `by` (e.g. `complaint_id`) when given; of the complaints `complaints` only
    (ids, or a query of them) when given. The one place the conditions are written."""
    found: dict[Any, dict[str, int]] = {}
    among = Q() if complaints is None else Q(complaint_id__in=complaints)
    for name, model, due in (("actions", Action, "first_promise_on"), ("remedies", Remedy, "due_on")):
        for not_done in (Q(completed_on__isnull=True), Q(completed_on__gt=as_of)):
            items = model.objects.filter(not_done, among, scope.complaints("complaint"))
            if as_of < today:
                items = items.exclude(response_sent(responded_on__gt=as_of))
            counting = {"open": Count("id"), "overdue": Count("id", filter=Q(**{f"{due}__lt": as_of}))}
            rows = items.values(by).annotate(**counting).order_by() if by else [items.aggregate(**counting)]
            for row in rows:
                into = found.setdefault(row[by] if by else None, {})
                for kind in ("open", "overdue"):
                    into[f"{name}_{kind}"] = into.get(f"{name}_{kind}", 0) + row[kind]
    return found


def follow_through(as_of: date, *, today: date, scope: Scope = EVERYTHING) -> FollowThrough:
    """Outstanding actions and remedies past their promised date at the end of `as_of` (Code 6.6, 7.3).

    An action is overdue against the date first promised (`first_promise_on`): moving the
    promise later, even with the resident told, does not take it out of the overdue count.

    Only items still open at `as_of` are counted: those not done yet (read from the partial
    indexes `action_open` and `remedy_open` alone) and those done only after `as_of`.
    Responses are never dated in the future, so every action and remedy on record today was
    set out by today: the link to the response is needed only for a day in the past. Every
    action and remedy is set out in a response, so "not set out after `as_of`" is asked
    rather than "set out by then": the anti-join then reads only the responses sent after
    `as_of`, through the index on `responded_on`.
    """
    counts = follow_through_counts(as_of, today=today, scope=scope)[None]
    return FollowThrough(
        actions_open=counts["actions_open"],
        actions_overdue=counts["actions_overdue"],
        remedies_open=counts["remedies_open"],
        remedies_overdue=counts["remedies_overdue"],
    )


def extensions_listed(period: Period, *, limit: int = 50, scope: Scope = EVERYTHING) -> list[dict[str, Any]]:
    """The extensions notified in the period with their reasons, latest first (Code 6.4, 6.15).

    The reasons are free text: show them only to roles that may see case details.
    """
    rows = (
        Extension.objects.filter(scope.stages("stage_record"), notified_on__range=(period.start, period.end))
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
