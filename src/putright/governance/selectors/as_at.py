"""What was overdue at the end of a day: counted live, or read from a kept count and kept exact.

The figures (acknowledgements and responses per stage, actions and remedies past their
date) are those of `stages.overdue_counts` and `breakdowns.follow_through_counts`, the one
place their conditions are written. For a day before today, over every complaint, the
count is kept (`AsAtFigures`) with what each complaint adds to it (`AsAtPart`), and read as

    kept count - what the complaints changed since added + what they add now, counted live

where "changed since" is the marks every change leaves (`cases.UncountedChange`, the same
marks the day figures use). A complaint's part in these figures depends on its own rows
only, and every change to them leaves a mark, so the result is always the live count; the
live count reads only the marked complaints. `putright figures` brings every kept count
up to date by the same sum before it clears the marks (`bring_up_to_date`). Today, days to
come and figures narrowed to a service area or handler are always counted live.

The kept count is a cache of a read, not part of the record: the first read of a day
writes it, in one transaction of its own. That transaction and the figures run's each take
the kept counts' table lock first (`hold_kept_counts`), so neither can keep a count while
the other is between reading the marks and clearing them: a change is either in the count
kept or in the marks the figures run reads. A read that keeps nothing takes no lock; one
read that overlaps a figures run can still see its marks cleared before its kept counts
are brought up to date, and is wrong for that one request, never stored.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.db import connection, transaction

from putright.cases.models import StageRecord
from putright.governance.models import AsAtFigures, AsAtPart
from putright.governance.selectors.breakdowns import follow_through_counts
from putright.governance.selectors.figures import NAMED_AT_MOST, marked
from putright.governance.selectors.scope import EVERYTHING, Scope
from putright.governance.selectors.stages import overdue_counts

STAGE_FIGURES = tuple(
    (f"overdue.{stage}.{kind}", stage, f"{kind}_overdue", f"{kind}_{stage}")
    for stage in (1, 2)
    for kind in ("acknowledgements", "responses")
)
FOLLOW_FIGURES = (
    ("actions.overdue", "actions_overdue", "actions"),
    ("remedies.overdue", "remedies_overdue", "remedies"),
)
# Named as the lists behind them are (`drill`): each count opens its cases. The column of
# `AsAtPart` that keeps each complaint's part in it.
COLUMNS: dict[str, str] = {
    **{key: column for key, _, _, column in STAGE_FIGURES},
    **{key: column for key, _, column in FOLLOW_FIGURES},
}
FIGURES = tuple(COLUMNS)
BATCH = 500
# Complaint ids per `AsAtPart` row: a few hundred complaints with a part each, a few kB of JSON.
BUCKET = 256
Parts = dict[int, dict[str, int]]


@dataclass(frozen=True)
class OverdueAt:
    """Overdue at the end of `day`: each figure in `FIGURES` by its key."""

    day: date
    counts: dict[str, int]

    def by_stage(self) -> dict[int, dict[str, int]]:
        """The stages' figures as `stages.overdue_counts` gives them (for `stage_figures`)."""
        found: dict[int, dict[str, int]] = {}
        for key, stage, name, _ in STAGE_FIGURES:
            found.setdefault(stage, {})[name] = self.counts[key]
        return found

    @property
    def actions_overdue(self) -> int:
        return self.counts["actions.overdue"]

    @property
    def remedies_overdue(self) -> int:
        return self.counts["remedies.overdue"]


def counted_live(day: date, *, today: date, scope: Scope = EVERYTHING) -> dict[str, int]:
    """Every figure counted from the record, in the figures' own ungrouped queries."""
    stages = overdue_counts(day, scope=scope)
    follow = follow_through_counts(day, today=today, scope=scope)[None]
    counts = {key: stages.get(stage, {}).get(name, 0) for key, stage, name, _ in STAGE_FIGURES}
    counts.update({key: follow[name] for key, name, _ in FOLLOW_FIGURES})
    return counts


def by_complaint(day: date, *, today: date, complaints: Any = None) -> Parts:
    """What each complaint (of `complaints` only, when given) adds to each figure, by the
    columns of `AsAtPart`; complaints adding nothing are left out."""
    found: Parts = {}
    for (stage, pk), row in overdue_counts(day, by="complaint_id", complaints=complaints).items():
        for _, row_stage, name, column in STAGE_FIGURES:
            if row_stage == stage and row[name]:
                into = found.setdefault(pk, {})
                into[column] = into.get(column, 0) + row[name]
    follow = follow_through_counts(day, today=today, by="complaint_id", complaints=complaints)
    for pk, row in follow.items():
        for _, name, column in FOLLOW_FIGURES:
            if row.get(name):
                found.setdefault(pk, {})[column] = row[name]
    return found


def _sums(parts: Parts) -> dict[str, int]:
    return {key: sum(part.get(column, 0) for part in parts.values()) for key, column in COLUMNS.items()}


def _keep_parts(day: date, parts: Parts) -> None:
    buckets: dict[int, dict[str, dict[str, int]]] = {}
    for pk, part in parts.items():
        buckets.setdefault(pk // BUCKET, {})[str(pk)] = part
    rows = [AsAtPart(day=day, bucket=bucket, parts=held) for bucket, held in buckets.items()]
    AsAtPart.objects.bulk_create(rows, batch_size=BATCH)


def take_out_and_recount(kept: AsAtFigures, changed: Sequence[int], *, today: date, save: bool) -> None:
    """`kept.counts` with the complaints `changed` counted again: their kept parts taken out,
    their parts now put in; and, if `save`, both kept (for the figures run)."""
    if not changed:
        return
    ids = list(changed)
    held = {
        row.bucket: row
        for row in AsAtPart.objects.filter(day=kept.day, bucket__in={pk // BUCKET for pk in ids})
    }
    # Only a complaint with a stage requested by then has a part now: the stage figures count
    # such stages alone, and an action or remedy is set out in a response to one (answered
    # after its request). The complaints logged since, most of the marks, are not counted again.
    older = StageRecord.objects.filter(complaint_id__in=ids, requested_on__lte=kept.day)
    recount = list(older.values_list("complaint_id", flat=True).distinct())
    parts = by_complaint(kept.day, today=today, complaints=recount) if recount else {}
    counts = {key: kept.counts.get(key, 0) for key in FIGURES}
    for pk in ids:
        row = held.get(pk // BUCKET)
        old = row.parts.pop(str(pk), {}) if row is not None else {}
        new = parts.get(pk, {})
        for key, column in COLUMNS.items():
            counts[key] += new.get(column, 0) - old.get(column, 0)
        if save and new:
            row = held.setdefault(pk // BUCKET, AsAtPart(day=kept.day, bucket=pk // BUCKET, parts={}))
            row.parts[str(pk)] = new
    kept.counts = counts
    if save:
        for row in held.values():
            row.save()
        kept.save(update_fields=["counts"])


def overdue_at(
    day: date, *, today: date, now: datetime, scope: Scope = EVERYTHING, changed: list[int] | None = None
) -> OverdueAt:
    """Overdue at the end of `day`: from the kept count for a day before today over every
    complaint (counted and kept on the first read), else live. `changed`: the marks, if the
    caller has read them already (`figures.marked`)."""
    if scope or day >= today:
        return OverdueAt(day, counted_live(day, today=today, scope=scope))
    if changed is None:
        changed = marked()
    if len(changed) > NAMED_AT_MOST:
        # Too many changed to take out one by one (a bulk import, before `putright figures`
        # has run): count live and keep nothing. A count kept now would be out of date at
        # once, and keeping every complaint's part on each read cost 9 s at a million.
        return OverdueAt(day, counted_live(day, today=today))
    kept = AsAtFigures.objects.filter(day=day).first()
    if kept is not None:
        take_out_and_recount(kept, changed, today=today, save=False)
        return OverdueAt(day, dict(kept.counts))
    return OverdueAt(day, keep(day, today=today, now=now))


def hold_kept_counts() -> None:
    """Hold the kept counts' table lock to the end of the transaction: what keeping a count
    and the figures run each take first, so that one waits for the other. SQLite needs no
    lock: its writing transactions already run one at a time (IMMEDIATE)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f'LOCK TABLE "{AsAtFigures._meta.db_table}" IN SHARE ROW EXCLUSIVE MODE')


def keep(day: date, *, today: date, now: datetime) -> dict[str, int]:
    """Count every figure at the end of `day` (before `today`) with each complaint's part, and
    keep them, in place of any kept before; the counts."""
    with transaction.atomic():
        hold_kept_counts()
        parts = by_complaint(day, today=today)
        counts = _sums(parts)
        AsAtFigures.objects.update_or_create(day=day, defaults={"counts": counts, "counted_at": now})
        AsAtPart.objects.filter(day=day).delete()
        _keep_parts(day, parts)
    return counts


def bring_up_to_date(changed: Sequence[int], *, today: date) -> int:
    """Every kept count with the complaints `changed` counted again, for `putright figures` to
    call before it clears their marks (a cleared mark would hide the change from a kept
    count). With more than `NAMED_AT_MOST` changed they are deleted instead, to be counted
    afresh on their next read. The number brought up to date or deleted."""
    if not changed:
        return 0
    if len(changed) > NAMED_AT_MOST:
        AsAtPart.objects.all().delete()
        deleted, _ = AsAtFigures.objects.all().delete()
        return deleted
    kept = list(AsAtFigures.objects.select_for_update().order_by("day"))
    for figures in kept:
        take_out_and_recount(figures, changed, today=today, save=True)
    return len(kept)
