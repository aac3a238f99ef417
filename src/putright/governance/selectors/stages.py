"""Stage-by-stage figures for a period, aggregated in the database (Code 6.2-6.19, 9.7a).

Counting rules (also on every report, and in docs/reports.md):
- a stage 1 complaint counts in the period in which it was received (`received_on`);
  a stage 2 complaint in the period of the escalation request (stage 2 `requested_on`);
- responses count in the period in which they were sent (`responded_on`);
- "within timescale" means on or before the response date in force (`respond_by`), which
  includes the extensions the Code allows (6.4, 6.15);
- acknowledgements are counted for the complaints received in the period, and are in
  time when sent on or before `acknowledge_by` (6.2, 6.11).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from django.db.models import Count, F, Q

from putright.cases.models import Decision, StageRecord, Status, Tenure
from putright.governance.selectors.periods import Period

RENTED = (Tenure.GENERAL_NEEDS, Tenure.SUPPORTED)
SHARED_OWNERSHIP = (Tenure.SHARED_OWNERSHIP,)
STAGES = (1, 2)


def keyed(rows: Iterable[Any], key: str) -> dict[Any, dict[str, Any]]:
    """Rows from `.values(key, ...).annotate(...)` as {row[key]: the rest of the row}."""
    result: dict[Any, dict[str, Any]] = {}
    for row in rows:
        data = dict(row)
        result[data.pop(key)] = data
    return result


def _n(condition: Q | None = None) -> Count:
    return Count("id", filter=condition)


REFUSED = Q(complaint__status=Status.REFUSED)
WITHDRAWN_HERE = Q(complaint__status=Status.WITHDRAWN, complaint__stage=F("stage"))
IN_TIME = Q(responded_on__lte=F("respond_by"))


def _by_stage(period: Period) -> dict[int, dict[str, int]]:
    """Complaints received and responses sent in the period, in one pass over the stage records."""
    span = (period.start, period.end)
    got = Q(requested_on__range=span)
    sent = Q(responded_on__range=span)
    rented = Q(complaint__resident__tenure__in=RENTED)
    shared = Q(complaint__resident__tenure__in=SHARED_OWNERSHIP)
    rows = (
        StageRecord.objects.filter(got | sent)
        .values("stage")
        .annotate(
            received=_n(got),
            refused=_n(got & REFUSED),
            withdrawn=_n(got & WITHDRAWN_HERE),
            acknowledged=_n(got & Q(acknowledged_on__isnull=False)),
            acknowledged_within_timescale=_n(got & Q(acknowledged_on__lte=F("acknowledge_by"))),
            vulnerable=_n(got & Q(complaint__vulnerable=True)),
            hazard=_n(got & ~Q(complaint__hazard="")),
            accepted_rented=_n(got & rented & ~REFUSED),
            accepted_shared_ownership=_n(got & shared & ~REFUSED),
            responded=_n(sent),
            responded_within_timescale=_n(sent & IN_TIME),
            responded_within_timescale_without_extension=_n(sent & IN_TIME & Q(extension_days=0)),
            responded_within_timescale_with_extension=_n(sent & IN_TIME & Q(extension_days__gt=0)),
            extended=_n(sent & Q(extension_days__gt=0)),
            escalated=_n(sent & Q(stage=1, complaint__escalation_requested_on__isnull=False)),
            upheld=_n(sent & Q(decision=Decision.UPHELD)),
            partly_upheld=_n(sent & Q(decision=Decision.PARTLY_UPHELD)),
            not_upheld=_n(sent & Q(decision=Decision.NOT_UPHELD)),
            rented_responded=_n(sent & rented),
            rented_within_timescale=_n(sent & rented & IN_TIME),
            shared_ownership_responded=_n(sent & shared),
            shared_ownership_within_timescale=_n(sent & shared & IN_TIME),
        )
        .order_by()
    )
    return keyed(rows, "stage")


def _overdue(as_of: date) -> dict[int, dict[str, int]]:
    """Acknowledgements and responses past their date at the end of `as_of` and not sent by then."""
    open_then = ~Q(complaint__withdrawn_on__lte=as_of) & ~Q(
        complaint__status=Status.REFUSED, complaint__closed_on__lte=as_of
    )
    ack_late = Q(acknowledge_by__lt=as_of) & (Q(acknowledged_on__isnull=True) | Q(acknowledged_on__gt=as_of))
    response_late = (
        Q(respond_by__lt=as_of)
        & Q(acknowledged_on__lte=as_of)
        & (Q(responded_on__isnull=True) | Q(responded_on__gt=as_of))
    )
    rows = (
        StageRecord.objects.filter(requested_on__lte=as_of)
        .filter(Q(responded_on__isnull=True) | Q(responded_on__gt=as_of))
        .filter(open_then)
        .values("stage")
        .annotate(acknowledgements_overdue=_n(ack_late), responses_overdue=_n(response_late))
        .order_by()
    )
    return keyed(rows, "stage")


def _pct(part: int, whole: int) -> float | None:
    return part * 100 / whole if whole else None


def stage_figures(period: Period, *, as_of: date) -> dict[int, dict[str, Any]]:
    """Per stage: received, acknowledged, responded (in time, with and without extension), decisions."""
    counted, overdue = _by_stage(period), _overdue(as_of)
    figures: dict[int, dict[str, Any]] = {}
    for stage in STAGES:
        row: dict[str, Any] = {
            "received": 0,
            "refused": 0,
            "withdrawn": 0,
            "acknowledged": 0,
            "acknowledged_within_timescale": 0,
            "vulnerable": 0,
            "hazard": 0,
            "accepted_rented": 0,
            "accepted_shared_ownership": 0,
            "responded": 0,
            "responded_within_timescale": 0,
            "responded_within_timescale_without_extension": 0,
            "responded_within_timescale_with_extension": 0,
            "extended": 0,
            "escalated": 0,
            "upheld": 0,
            "partly_upheld": 0,
            "not_upheld": 0,
            "rented_responded": 0,
            "rented_within_timescale": 0,
            "shared_ownership_responded": 0,
            "shared_ownership_within_timescale": 0,
            "acknowledgements_overdue": 0,
            "responses_overdue": 0,
        }
        row.update(counted.get(stage, {}))
        row.update(overdue.get(stage, {}))
        row["accepted"] = row["received"] - row["refused"]
        row["responded_late"] = row["responded"] - row["responded_within_timescale"]
        row["acknowledged_within_timescale_pct"] = _pct(row["acknowledged_within_timescale"], row["received"])
        row["responded_within_timescale_pct"] = _pct(row["responded_within_timescale"], row["responded"])
        row["decisions"] = {d: row.pop(d) for d in Decision.values}
        figures[stage] = row
    figures[1]["escalation_rate_pct"] = _pct(figures[1]["escalated"], figures[1]["responded"])
    del figures[2]["escalated"]
    return figures
