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
    counted_at = models.DateTimeField()

    class Meta:
        verbose_name_plural = "day figures"


class AsAtFigures(models.Model):
    """What was overdue at the end of `day` (a day before the one it was counted on), kept.

    `counts` holds each figure (`{"overdue.1.responses": n, ...}`, the drill keys); what each
    complaint adds to them is kept beside it, a row per complaint (`AsAtPart`), so that a
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
    """What one complaint adds to each figure kept for `day` (`AsAtFigures`); complaints adding
    nothing have no row. Rows, not a JSON object: a reader takes out a few complaints by
    the index, where one object of every complaint's part (a few megabytes at a million
    complaints) would be read and parsed whole on every page."""

    day = models.DateField()
    complaint_id = models.BigIntegerField()
    acknowledgements_1 = models.PositiveIntegerField(default=0)
    responses_1 = models.PositiveIntegerField(default=0)
    acknowledgements_2 = models.PositiveIntegerField(default=0)
    responses_2 = models.PositiveIntegerField(default=0)
    actions = models.PositiveIntegerField(default=0)
    remedies = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["day", "complaint_id"], name="as_at_part_once")]
