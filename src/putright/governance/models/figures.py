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
