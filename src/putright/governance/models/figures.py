"""The period figures counted per day and kept, so that a year's report need not recount a year."""

from __future__ import annotations

from typing import Any

from django.db import models


class DayFigures(models.Model):
    """One day's tally (`governance.selectors.daycounts`), as counted at `counted_at`.

    A stored day is used only while no complaint counted on it has changed since
    (`cases.UncountedChange`); otherwise the report counts that day live.
    """

    day = models.DateField(primary_key=True)
    counts: Any = models.JSONField(default=dict)
    # The stage 1 complaints received by category: `counts`' keys starting
    # `daycounts.STAGE1_CATEGORY`, kept apart as well. The dashboard's first screen reads
    # them for five periods to find what is rising; reading them out of `counts` (a hundred
    # or more keys, compressed) cost it milliseconds per period.
    categories: Any = models.JSONField(default=dict)
    counted_at = models.DateTimeField()

    class Meta:
        verbose_name_plural = "day figures"


class AsAtFigures(models.Model):
    """What was overdue at the end of `day` (a day before the one it was counted on), kept.

    `counts` holds each figure (`{"overdue.1.responses": n, ...}`, the drill keys); what each
    complaint adds to them is kept beside it (`AsAtPart`, by buckets of ids), so that a
    reader can take out the complaints changed since (`cases.UncountedChange`) and count
    those again: the figure stays exact without recounting every complaint
    (`governance.selectors.as_at`). `putright figures` brings every one up to date before
    it clears the marks.
    """

    day = models.DateField(primary_key=True)
    counts: Any = models.JSONField(default=dict)
    counted_at = models.DateTimeField()

    class Meta:
        verbose_name_plural = "as-at figures"


class AsAtPart(models.Model):
    """What the complaints of one bucket of ids (`complaint id // BUCKET` in `selectors.as_at`)
    add to each figure kept for `day` (`AsAtFigures`): `parts` is `{complaint id: {column:
    n}}`, complaints adding nothing left out. In buckets, neither a row per complaint (at a
    million complaints, 200,000 rows a day took 12 s to write on the first read) nor one
    object for all (2.8 MB a day, 300 ms to parse on every read): a reader takes out a few
    changed complaints by reading their buckets alone."""

    day = models.DateField()
    bucket = models.IntegerField()
    parts: Any = models.JSONField(default=dict)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["day", "bucket"], name="as_at_part_once")]
