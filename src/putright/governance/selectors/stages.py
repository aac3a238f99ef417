"""Stage-by-stage figures for a period, aggregated in the database (Code 6.2-6.19, 9.7a).

Counting rules (also on every report, and in docs/reports.md):
- a stage 1 complaint counts in the period in which it was received (`received_on`);
  a stage 2 complaint in the period of the escalation request (stage 2 `requested_on`);
- responses count in the period in which they were sent (`responded_on`);
- "within timescale" means on or before the Code's response date (`code_respond_by`, from the
  complaint's own edition of the Code), which includes the extensions the Code allows (6.4,
  6.15); "within the landlord's timescale" means on or before the date the resident was
  given (`respond_by`, from the landlord's policy: 3.4, 5.1);
- acknowledgements are counted for the complaints received in the period, and are in
  time when sent on or before `code_acknowledge_by` (6.2, 6.11); refused complaints are
  left out of the acknowledgement-on-time figure, which is a share of those accepted;
- `recorded_late` counts the acknowledgements (of the complaints counted in the period) and
  the responses (sent in the period) entered after the day they are dated (5.12). They
  still count by the date given; this figure shows how much of the record was backdated.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from django.db.models import Exists, OuterRef, Q

from putright.cases.models import Complaint, Decision, StageRecord, Status
from putright.governance.selectors.breakdowns import extensions
from putright.governance.selectors.daycounts import Tally, count_where, stage_counts
from putright.governance.selectors.scope import EVERYTHING, Scope
from putright.governance.selectors.stage_types import Decisions, ExtensionCounts, StageFigures, WorkingDays
from putright.governance.selectors.working_days import working_days_taken

STAGES = (1, 2)


def keyed(rows: Iterable[Any], key: str) -> dict[Any, dict[str, Any]]:
    """Rows from `.values(key, ...).annotate(...)` as {row[key]: the rest of the row}."""
    result: dict[Any, dict[str, Any]] = {}
    for row in rows:
        data = dict(row)
        result[data.pop(key)] = data
    return result


def _ended_or_late(as_of: date) -> tuple[Q, Q, Q]:
    withdrawn = Complaint.objects.filter(pk=OuterRef("complaint_id"), withdrawn_on__lte=as_of)
    refused = Complaint.objects.filter(
        pk=OuterRef("complaint_id"), status=Status.REFUSED, closed_on__lte=as_of
    )
    ack_late = Q(acknowledge_by__lt=as_of) & (Q(acknowledged_on__isnull=True) | Q(acknowledged_on__gt=as_of))
    response_late = Q(respond_by__lt=as_of) & Q(acknowledged_on__lte=as_of)
    return ~Exists(withdrawn) & ~Exists(refused) & Q(requested_on__lte=as_of), ack_late, response_late


def overdue_where(as_of: date, which: str) -> Q:
    """The stage records counted as `acknowledgements` or `responses` overdue at `as_of`: the
    figure's own conditions, so that its list of cases holds exactly what it counts."""
    live, ack_late, response_late = _ended_or_late(as_of)
    unanswered = Q(responded_on__isnull=True) | Q(responded_on__gt=as_of)
    return live & unanswered & (ack_late if which == "acknowledgements" else response_late)


def overdue_counts(
    as_of: date, *, scope: Scope = EVERYTHING, by: str = "", complaints: Any = None
) -> dict[Any, dict[str, int]]:
    """Acknowledgements and responses past their date at the end of `as_of` and not sent by then,
    per stage, or per (stage, `by`) when grouped by a field of the stage record; of the
    complaints `complaints` only (ids, or a query of them) when given.

    Stages of complaints withdrawn, or refused and closed, by `as_of` are not overdue. Two
    queries, each on its own index: the stages still unanswered (`stage_unanswered`, read
    alone) and those answered only after `as_of`; the ended complaints are left out by
    anti-joins on two small indexes, never by joining every complaint.
    """
    live, ack_late, response_late = _ended_or_late(as_of)
    found: dict[Any, dict[str, int]] = {}
    fields = ("stage", by) if by else ("stage",)
    among = Q() if complaints is None else Q(complaint_id__in=complaints)
    for unanswered in (Q(responded_on__isnull=True), Q(responded_on__gt=as_of)):
        rows = (
            StageRecord.objects.filter(unanswered, live, among, scope.stages())
            .values(*fields)
            .annotate(
                acknowledgements_overdue=count_where(ack_late), responses_overdue=count_where(response_late)
            )
            .order_by()
        )
        for row in rows:
            key = (row["stage"], row[by]) if by else row["stage"]
            into = found.setdefault(key, {"acknowledgements_overdue": 0, "responses_overdue": 0})
            for name in into:
                into[name] += row[name]
    return found


def _pct(part: int, whole: int) -> float | None:
    return part * 100 / whole if whole else None


@dataclass(frozen=True)
class Got:
    """A stage's counts on the day each stage record was requested: one field per name in
    `daycounts.GOT`, so a name added there and not here (or misspelt) fails on the first report."""

    received: int
    refused: int
    withdrawn: int
    acknowledged: int
    acknowledged_within_timescale: int
    acknowledged_within_policy_timescale: int
    vulnerable: int
    hazard: int
    accepted_lcra: int
    accepted_lcho: int
    accepted_unknown_tenure: int
    accepted_other_tenure: int
    acknowledgements_recorded_late: int


@dataclass(frozen=True)
class Sent:
    """A stage's counts on the day each response was sent: one field per name in `daycounts.SENT`."""

    responded: int
    responded_within_timescale: int
    responded_within_timescale_without_extension: int
    responded_within_timescale_with_extension: int
    responded_within_policy_timescale: int
    extended: int
    escalated: int
    upheld: int
    partly_upheld: int
    not_upheld: int
    lcra_responded: int
    lcho_responded: int
    lcra_within_timescale: int
    lcho_within_timescale: int
    lcra_within_timescale_without_extension: int
    lcho_within_timescale_without_extension: int
    responses_recorded_late: int


def _stage(
    got: Got, sent: Sent, overdue: dict[str, int], days: WorkingDays, notified: ExtensionCounts
) -> StageFigures:
    accepted = got.received - got.refused
    # The counts go into the report under their own names (the decisions apart): a count the
    # report lacks, or one it expects and the tally has not, is a TypeError on the first report.
    return StageFigures(
        **vars(got),
        **{name: value for name, value in vars(sent).items() if name not in Decision.values},
        acknowledgements_overdue=overdue.get("acknowledgements_overdue", 0),
        responses_overdue=overdue.get("responses_overdue", 0),
        accepted=accepted,
        responded_late=sent.responded - sent.responded_within_timescale,
        recorded_late=got.acknowledgements_recorded_late + sent.responses_recorded_late,
        acknowledged_within_timescale_pct=_pct(got.acknowledged_within_timescale, accepted),
        acknowledged_within_policy_timescale_pct=_pct(got.acknowledged_within_policy_timescale, accepted),
        responded_within_timescale_pct=_pct(sent.responded_within_timescale, sent.responded),
        responded_within_policy_timescale_pct=_pct(sent.responded_within_policy_timescale, sent.responded),
        decisions=Decisions(upheld=sent.upheld, partly_upheld=sent.partly_upheld, not_upheld=sent.not_upheld),
        escalation_rate_pct=_pct(sent.escalated, sent.responded),
        working_days=days,
        extensions_notified=notified,
    )


def stage_figures(
    tally: Tally, *, as_of: date, scope: Scope = EVERYTHING, overdue: dict[Any, dict[str, int]] | None = None
) -> dict[int, StageFigures]:
    """Per stage: received, acknowledged, responded (in time, with and without extension), decisions,
    working days taken and extensions notified. Escalation is counted at stage 1 only.

    `tally` is the period's day counts (`daycounts`); what is overdue is read as at `as_of`,
    unless the caller has it already (`overdue`, as `overdue_counts` gives it).
    """
    if overdue is None:
        overdue = overdue_counts(as_of, scope=scope)
    days = working_days_taken(tally)
    notified = extensions(tally)
    figures = {
        stage: _stage(
            Got(**stage_counts(tally, "got", stage)),
            Sent(**stage_counts(tally, "sent", stage)),
            overdue.get(stage, {}),
            days[stage],
            notified[stage],
        )
        for stage in STAGES
    }
    # A stage 2 complaint is never escalated: its figures have no escalation.
    figures[2] = replace(figures[2], escalated=None, escalation_rate_pct=None)
    return figures
