"""The cases behind a figure: every count on the reports opens the list it counts.

A figure is named by a key (`got.1.received`, `sent.2.responded_late`, `overdue.1.responses`,
`channel.phone`, `category.1.-`, `actions.overdue`, ...). Each key is answered with the same
conditions the figure is counted with (`daycounts.GOT` and `SENT`, `stages.overdue_where`,
`breakdowns.follow_through`), so the list's length is the figure: a test holds them equal.
Stage figures count stage records, and a complaint has one record per stage, so a figure
at one stage is that many complaints. Action and remedy figures count items: the list is
of the complaints that hold them, each with how many.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Exists, F, OuterRef, Q, QuerySet

from putright.cases.models import Action, Channel, Complaint, Refusal, RefusalReason, Remedy, StageRecord
from putright.governance.selectors.breakdowns import response_sent
from putright.governance.selectors.daycounts import GOT, REFUSED, SENT, TENURES
from putright.governance.selectors.periods import Period
from putright.governance.selectors.scope import EVERYTHING, Scope
from putright.governance.selectors.stages import overdue_where

KEY = re.compile(r"^[a-z0-9_.-]{1,60}$")
GOT_LABELS = {
    "received": "received",
    "refused": "not accepted",
    "withdrawn": "withdrawn",
    "acknowledged": "acknowledged",
    "acknowledged_within_timescale": "acknowledged within the Code's timescale",
    "acknowledged_within_policy_timescale": "acknowledged within our own timescale",
    "vulnerable": "from vulnerable residents",
    "hazard": "reporting a hazard",
    "accepted_lcra": "accepted, low-cost rental (LCRA)",
    "accepted_lcho": "accepted, low-cost home ownership (LCHO)",
    "accepted_unknown_tenure": "accepted, tenure not known",
    "accepted_other_tenure": "accepted, leaseholders and others",
    "acknowledgements_recorded_late": "acknowledgements entered late",
}
SENT_LABELS = {
    "responded": "responses sent",
    "responded_within_timescale": "responses within the Code's timescale",
    "responded_within_timescale_without_extension": "responses within the Code's timescale, no extension",
    "responded_within_timescale_with_extension": "responses within the Code's timescale, with extension",
    "responded_within_policy_timescale": "responses within our own timescale",
    "responded_late": "responses after the Code's date",
    "extended": "responses that had an extension",
    "upheld": "responses upholding the complaint",
    "partly_upheld": "responses partly upholding the complaint",
    "not_upheld": "responses not upholding the complaint",
    "lcra_responded": "responses to low-cost rental tenants (LCRA)",
    "lcho_responded": "responses to low-cost home ownership tenants (LCHO)",
    "responses_recorded_late": "responses entered late",
}
ITEMS: dict[str, tuple[type[Action] | type[Remedy], str, str]] = {
    "actions": (Action, "first_promise_on", "outstanding actions"),
    "remedies": (Remedy, "due_on", "remedies not yet delivered"),
}


@dataclass(frozen=True)
class Drill:
    """What a figure's key asks for: its label and the complaints it counts."""

    key: str
    label: str
    complaints: QuerySet[Complaint]
    # For action and remedy figures, the items counted (the figure is their number).
    items: QuerySet[Any] | None = None


def _stage_records(stage: int, on: str, period: Period, where: Q | None, scope: Scope) -> QuerySet[Complaint]:
    records = StageRecord.objects.filter(
        scope.stages(), complaint=OuterRef("pk"), stage=stage, **{f"{on}__range": (period.start, period.end)}
    )
    if where is not None:
        records = records.filter(where)
    return Complaint.objects.filter(Exists(records))


def _stage(kind: str, stage: int, name: str, period: Period, as_of: date, scope: Scope) -> Drill | None:
    where: Q | None
    if kind == "got" and name == "accepted_tsm":
        # CH01's total: LCRA and LCHO together, as `tsm_measures` adds them.
        where, on = TENURES["lcra"] | TENURES["lcho"], "requested_on"
        where &= ~REFUSED
        label = "accepted, LCRA and LCHO together"
    elif kind == "got" and name in GOT:
        where, on, label = GOT[name], "requested_on", GOT_LABELS.get(name, name)
    elif kind == "sent" and (name in SENT or name == "responded_late"):
        # Not IN_TIME: after the Code's date, or with no Code date (counted as not in time).
        late = Q(code_respond_by__isnull=True) | Q(responded_on__gt=F("code_respond_by"))
        where, on = (late if name == "responded_late" else SENT[name]), "responded_on"
        label = SENT_LABELS.get(name, name)
    elif kind == "overdue" and name in ("acknowledgements", "responses", "all"):
        # "all": either, as the breakdowns by service area and handler count them (never both).
        late = (
            overdue_where(as_of, "acknowledgements") | overdue_where(as_of, "responses")
            if name == "all"
            else overdue_where(as_of, name)
        )
        records = StageRecord.objects.filter(late, scope.stages(), complaint=OuterRef("pk"), stage=stage)
        what = "acknowledgements and responses" if name == "all" else name
        label = f"{what} overdue at {as_of.day} {as_of:%B %Y}"
        return Drill("", f"Stage {stage} {label}", Complaint.objects.filter(Exists(records)))
    else:
        return None
    return Drill("", f"Stage {stage} complaints: {label}", _stage_records(stage, on, period, where, scope))


def _items(name: str, which: str, as_of: date, today: date, scope: Scope) -> Drill | None:
    if name not in ITEMS or which not in ("open", "overdue"):
        return None
    model, due, label = ITEMS[name]
    # The same items as `breakdowns.follow_through`: open at `as_of`, set out by then.
    items = model.objects.filter(
        Q(completed_on__isnull=True) | Q(completed_on__gt=as_of), scope.complaints("complaint")
    )
    if as_of < today:
        items = items.exclude(response_sent(responded_on__gt=as_of))
    if which == "overdue":
        items = items.filter(**{f"{due}__lt": as_of})
    complaints = Complaint.objects.filter(Exists(items.filter(complaint=OuterRef("pk"))))
    title = f"Complaints with {label}" + (" past their date" if which == "overdue" else "")
    return Drill("", title, complaints, items=items)


def _received(kind: str, parts: list[str], period: Period, scope: Scope) -> Drill | None:
    if kind == "channel" and len(parts) == 1 and parts[0] in Channel.values:
        received = Complaint.objects.filter(
            scope.complaints(), received_on__range=(period.start, period.end), channel=parts[0]
        )
        return Drill("", f"Stage 1 complaints received by {Channel(parts[0]).label.lower()}", received)
    if kind == "category" and len(parts) == 2 and parts[0] in ("1", "2"):
        # By slug, as the report lists categories; "-" is the complaints with none.
        category = Q(category__isnull=True) if parts[1] == "-" else Q(category__slug=parts[1])
        if parts[0] == "1":
            found = Complaint.objects.filter(
                category, scope.complaints(), received_on__range=(period.start, period.end)
            )
        else:
            found = _stage_records(2, "requested_on", period, None, scope).filter(category)
        return Drill("", f"Stage {parts[0]} complaints received in the category", found)
    return None


def _refused(parts: list[str], period: Period, scope: Scope) -> Drill | None:
    """As `daycounts._refusals`: not accepted on the day received (stage 1), escalation refused
    on the day of the refusal (stage 2); a refusal later reversed (2.4) is not counted."""
    if len(parts) != 2 or parts[0] not in ("1", "2") or parts[1] not in (*RefusalReason.values, "all"):
        return None
    on = "complaint__received_on" if parts[0] == "1" else "refused_on"
    refusals = Refusal.objects.filter(
        scope.complaints("complaint"),
        complaint=OuterRef("pk"),
        stage=int(parts[0]),
        reopened_on__isnull=True,
        **{f"{on}__range": (period.start, period.end)},
    )
    if parts[1] != "all":
        refusals = refusals.filter(reason=parts[1])
    what = "Complaints not accepted" if parts[0] == "1" else "Escalations refused"
    reason = "" if parts[1] == "all" else f": {RefusalReason(parts[1]).label.lower()}"
    return Drill("", what + reason, Complaint.objects.filter(Exists(refusals)))


def drill(key: str, *, period: Period, today: date, scope: Scope = EVERYTHING) -> Drill | None:
    """The complaints behind the figure `key` for `period`, narrowed to `scope` as the figure
    was (`scope`); None for a key that names no figure."""
    if not KEY.match(key):
        return None
    kind, *parts = key.split(".")
    as_of = min(period.end, today)
    found: Drill | None
    if kind in ("got", "sent", "overdue") and len(parts) == 2 and parts[0] in ("1", "2"):
        found = _stage(kind, int(parts[0]), parts[1], period, as_of, scope)
    elif kind == "refused":
        found = _refused(parts, period, scope)
    elif kind in ITEMS and len(parts) == 1:
        found = _items(kind, parts[0], as_of, today, scope)
    else:
        found = _received(kind, parts, period, scope)
    if found is None:
        return None
    return Drill(key, found.label, found.complaints, found.items)
