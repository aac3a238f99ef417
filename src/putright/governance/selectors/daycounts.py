"""Every period figure that adds up across days, counted per day in the database.

A period's figures (Code 8.1b, 9.7a) are sums over its days: a stage record counts on the
day it was requested and on the day its response was sent, a refusal on its day, and so
on. So the counts are kept per day, as flat `{key: number}` tallies that add with `+`,
and one implementation serves both the live count of any set of days and the stored
figures by day (`figures`). Keys are strings so that a day's tally is plain JSON:

- ``got|<stage>|<name>``: stage records requested that day (received, refused, ...);
- ``sent|<stage>|<name>``: responses sent that day (in time, extended, decisions, ...);
- ``channel|<channel>`` and ``category|<stage>|<category id or ->``: complaints received;
- ``refused|<stage>|<reason>``: complaints not accepted (stage 1, on the day received)
  and escalations refused (stage 2, on the day of the refusal); a refusal later reversed
  counts as ``reopened|1`` instead (Code 2.4), so the complaint counts once, as accepted;
- ``refused_late|2``: escalations refused after the 5 working days to answer (Code 6.11);
- ``withdrawal|<stage>|count|after_deadline``: complaints withdrawn that day, and those of
  them withdrawn after a deadline at that stage had passed unmet;
- ``extension|<stage>|count|good_reason|working_days``: extensions notified that day;
- ``remedy|<kind>|count|pence``: remedies set out in responses sent that day;
- ``taken|<stage>|<requested on>|<responded on>``: responses by the days they span, so
  that working days are counted with today's calendar when the figures are read.
"""

from __future__ import annotations

import operator
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from functools import reduce
from typing import Any

from django.db.models import Count, F, Q, Sum

from putright.cases.models import Complaint, Decision, Extension, Refusal, Remedy, StageRecord, Status, Tenure
from putright.governance.selectors.scope import EVERYTHING, Scope

# The Regulator's TSM tenures: low-cost rental (general needs and supported housing) and
# low-cost home ownership (shared ownership). Leaseholders and others are not counted.
LCRA = (Tenure.GENERAL_NEEDS, Tenure.SUPPORTED)
LCHO = (Tenure.SHARED_OWNERSHIP,)
REFUSED = Q(complaint__status=Status.REFUSED)
WITHDRAWN_HERE = Q(complaint__status=Status.WITHDRAWN, complaint__stage=F("stage"))
# Code compliance and CH02 measure against the Code's dates; the landlord's own (told to the
# resident) are counted beside them (Code 3.4, 5.1).
IN_TIME = Q(responded_on__lte=F("code_respond_by"))
IN_POLICY_TIME = Q(responded_on__lte=F("respond_by"))
TENURES = {
    "lcra": Q(complaint__resident__tenure__in=LCRA),
    "lcho": Q(complaint__resident__tenure__in=LCHO),
    "unknown_tenure": Q(complaint__resident__tenure=Tenure.UNKNOWN),
    "other_tenure": Q(complaint__resident__tenure__in=(Tenure.LEASEHOLD, Tenure.OTHER)),
}

Tally = Counter[str]
# The keys of stage 1 complaints received by category (`category|1|<id or ->`).
STAGE1_CATEGORY = "category|1|"


def stage1_categories(tally: Tally | dict[str, int]) -> dict[str, int]:
    """The tally's stage 1 complaints received by category (what `DayFigures.categories` keeps)."""
    return {key: n for key, n in tally.items() if key.startswith(STAGE1_CATEGORY)}


@dataclass(frozen=True)
class Days:
    """A set of days as sorted, disjoint, inclusive ranges: what a query filters on."""

    ranges: tuple[tuple[date, date], ...]

    @classmethod
    def between(cls, start: date, end: date) -> Days:
        return cls(((start, end),))

    @classmethod
    def of(cls, days: Iterable[date]) -> Days:
        ranges: list[tuple[date, date]] = []
        for day in sorted(set(days)):
            if ranges and ranges[-1][1] + timedelta(days=1) == day:
                ranges[-1] = (ranges[-1][0], day)
            else:
                ranges.append((day, day))
        return cls(tuple(ranges))

    def __bool__(self) -> bool:
        return bool(self.ranges)

    def __iter__(self) -> Iterator[date]:
        for start, end in self.ranges:
            for n in range((end - start).days + 1):
                yield start + timedelta(days=n)

    def q(self, field: str) -> Q:
        """Rows whose `field` falls on one of these days."""
        if not self.ranges:
            return Q(pk__in=[])
        return reduce(operator.or_, (Q(**{f"{field}__range": span}) for span in self.ranges))

    def chunks(self, days: int) -> Iterator[Days]:
        """The same days in pieces of at most `days` each, to count a long history bit by bit."""
        piece: list[date] = []
        for day in self:
            piece.append(day)
            if len(piece) == days:
                yield Days.of(piece)
                piece = []
        if piece:
            yield Days.of(piece)


def count_where(condition: Q | None = None) -> Count:
    """How many rows of the group meet `condition` (all of them without one)."""
    return Count("id", filter=condition)


GOT = {
    "received": None,
    "refused": REFUSED,
    "withdrawn": WITHDRAWN_HERE,
    "acknowledged": Q(acknowledged_on__isnull=False),
    # A refused complaint is not acknowledged at a stage, so it is left out of "on time".
    "acknowledged_within_timescale": ~REFUSED & Q(acknowledged_on__lte=F("code_acknowledge_by")),
    "acknowledged_within_policy_timescale": ~REFUSED & Q(acknowledged_on__lte=F("acknowledge_by")),
    "vulnerable": Q(complaint__vulnerable=True),
    "hazard": ~Q(complaint__hazard=""),
    **{f"accepted_{tenure}": where & ~REFUSED for tenure, where in TENURES.items()},
    # Entered after the day it names (Code 5.12): counted, so a backdated entry is visible.
    "acknowledgements_recorded_late": Q(acknowledgement_recorded_on__gt=F("acknowledged_on")),
}
SENT = {
    "responded": None,
    "responded_within_timescale": IN_TIME,
    "responded_within_timescale_without_extension": IN_TIME & Q(extension_days=0),
    "responded_within_timescale_with_extension": IN_TIME & Q(extension_days__gt=0),
    "responded_within_policy_timescale": IN_POLICY_TIME,
    "extended": Q(extension_days__gt=0),
    "escalated": Q(stage=1, complaint__escalation_requested_on__isnull=False),
    Decision.UPHELD.value: Q(decision=Decision.UPHELD),
    Decision.PARTLY_UPHELD.value: Q(decision=Decision.PARTLY_UPHELD),
    Decision.NOT_UPHELD.value: Q(decision=Decision.NOT_UPHELD),
    **{f"{tenure}_responded": TENURES[tenure] for tenure in ("lcra", "lcho")},
    **{f"{tenure}_within_timescale": TENURES[tenure] & IN_TIME for tenure in ("lcra", "lcho")},
    **{
        f"{tenure}_within_timescale_without_extension": TENURES[tenure] & IN_TIME & Q(extension_days=0)
        for tenure in ("lcra", "lcho")
    },
    "responses_recorded_late": Q(response_recorded_on__gt=F("responded_on")),
}


def _stage_key(kind: str, stage: int, name: str) -> str:
    return f"{kind}|{stage}|{name}"


def stage_counts(tally: Tally, kind: str, stage: int) -> dict[str, int]:
    """One stage's `got` or `sent` counts from a tally, by the names in `GOT` or `SENT`
    (`stages.Got` and `stages.Sent` are their typed form)."""
    names = GOT if kind == "got" else SENT
    return {name: tally[_stage_key(kind, stage, name)] for name in names}


def _stage_records(
    days: Days, on: str, prefix: str, counts: dict[str, Q | None], scope: Scope
) -> Iterator[tuple[date, str, int]]:
    rows = (
        StageRecord.objects.filter(days.q(on), scope.stages())
        .values(on, "stage")
        .annotate(**{name: count_where(condition) for name, condition in counts.items()})
        .order_by()
    )
    for row in rows:
        for name in counts:
            if row[name]:
                yield row[on], _stage_key(prefix, row["stage"], name), row[name]


def _received(days: Days, scope: Scope) -> Iterator[tuple[date, str, int]]:
    received = (
        Complaint.objects.filter(days.q("received_on"), scope.complaints())
        .values_list("received_on", "channel", "category_id")
        .annotate(n=Count("id"))
        .order_by()
    )
    for day, channel, category_id, n in received:
        yield day, f"channel|{channel}", n
        yield day, f"category|1|{category_id or '-'}", n
    escalated = (
        StageRecord.objects.filter(days.q("requested_on"), scope.stages(), stage=2)
        .values_list("requested_on", "complaint__category_id")
        .annotate(n=Count("id"))
        .order_by()
    )
    for day, category_id, n in escalated:
        yield day, f"category|2|{category_id or '-'}", n


def _refusals(days: Days, scope: Scope) -> Iterator[tuple[date, str, int]]:
    # Not accepted: on the day the complaint was received, so that received = accepted +
    # not accepted; one reopened (2.4) is accepted, and counted apart. Escalation refused:
    # on the day of the refusal (Code 5.11), late when after its 5 working days (6.11).
    for stage, on in ((1, "complaint__received_on"), (2, "refused_on")):
        rows = (
            Refusal.objects.filter(days.q(on), scope.complaints("complaint"), stage=stage)
            .values_list(on, "reason", "reopened_on")
            .annotate(n=Count("id"), late=count_where(Q(refused_on__gt=F("acknowledge_by"))))
        )
        for day, reason, reopened_on, n, late in rows.order_by():
            yield day, f"reopened|{stage}" if reopened_on else f"refused|{stage}|{reason}", n
            if stage == 2 and late:
                yield day, "refused_late|2", late


def _withdrawals(days: Days, scope: Scope) -> Iterator[tuple[date, str, int]]:
    rows = (
        Complaint.objects.filter(days.q("withdrawn_on"), scope.complaints())
        .values_list("withdrawn_on", "stage")
        .annotate(n=Count("id"), late=count_where(Q(withdrawn_after_deadline=True)))
        .order_by()
    )
    for day, stage, n, late in rows:
        yield day, f"withdrawal|{stage}|count", n
        yield day, f"withdrawal|{stage}|after_deadline", late


def _extensions(days: Days, scope: Scope) -> Iterator[tuple[date, str, int]]:
    rows = (
        Extension.objects.filter(days.q("notified_on"), scope.stages("stage_record"))
        .values_list("notified_on", "stage_record__stage")
        .annotate(n=Count("id"), good=count_where(Q(good_reason=True)), added=Sum("working_days"))
        .order_by()
    )
    for day, stage, n, good, added in rows:
        yield day, f"extension|{stage}|count", n
        yield day, f"extension|{stage}|good_reason", good
        yield day, f"extension|{stage}|working_days", added or 0


def _remedies(days: Days, scope: Scope) -> Iterator[tuple[date, str, int]]:
    # A remedy belongs to the response at its stage: joined on (complaint, stage) through
    # the complaint, from the responses sent on these days (indexed), not from every remedy.
    sent_on = "complaint__stages__responded_on"
    rows = (
        Remedy.objects.filter(
            days.q(sent_on), scope.complaints("complaint"), complaint__stages__stage=F("stage")
        )
        .values_list(sent_on, "kind")
        .annotate(n=Count("id"), amount=Sum("amount"))
        .order_by()
    )
    for day, kind, n, amount in rows:
        yield day, f"remedy|{kind}|count", n
        yield day, f"remedy|{kind}|pence", int((amount or Decimal(0)) * 100)


def _taken(days: Days, scope: Scope) -> Iterator[tuple[date, str, int]]:
    rows = (
        StageRecord.objects.filter(days.q("responded_on"), scope.stages())
        .values_list("responded_on", "stage", "requested_on")
        .annotate(n=Count("id"))
        .order_by()
    )
    for day, stage, requested_on, n in rows:
        yield day, f"taken|{stage}|{requested_on.isoformat()}|{day.isoformat()}", n


def count_days(days: Days, scope: Scope = EVERYTHING) -> dict[date, Tally]:
    """The tally of each of `days` that has anything to count: ten grouped queries in all.

    `scope` narrows every count to one service area or handler (`scope`)."""
    tallies: dict[date, Tally] = defaultdict(Counter)
    if not days:
        return tallies
    parts: list[Iterable[tuple[date, str, int]]] = [
        _stage_records(days, "requested_on", "got", GOT, scope),
        _stage_records(days, "responded_on", "sent", SENT, scope),
        _received(days, scope),
        _refusals(days, scope),
        _withdrawals(days, scope),
        _extensions(days, scope),
        _remedies(days, scope),
        _taken(days, scope),
    ]
    for part in parts:
        for day, key, n in part:
            tallies[day][key] += n
    return tallies


def total(tallies: Iterable[Tally | dict[str, Any]]) -> Tally:
    summed: Tally = Counter()
    for tally in tallies:
        summed.update(tally)
    return summed
