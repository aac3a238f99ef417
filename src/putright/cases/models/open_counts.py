"""Open complaints counted as they change, for the counts the team view and the lists show
on every view (issue 21).

Counting the tens of thousands of open complaints a large landlord holds took 17-23 ms on
every view of the team view and All complaints; these rows answer the same question from a
few thousand. They are written only by database triggers on the complaint table (migration
`0023_open_counts`), so no path that changes a complaint (a service, an import, the
generator, a bulk update, a restore) can leave them behind. Each change adds rows (+1 for
the complaint's new key, -1 for its old one) rather than updating a shared counter, so two
requests never wait on one row and cannot deadlock on two; `open_counts_compact` folds the
rows into one per key from `putright figures`. Reads sum them.
"""

from __future__ import annotations

from django.db import models


class OpenCount(models.Model):
    # Not a foreign key: a counter row must never stop a user from being removed (their
    # complaints' handler becomes null, which the trigger counts as a move to nobody).
    handler_id = models.BigIntegerField(null=True)
    stage = models.PositiveSmallIntegerField()
    # Received or acknowledged: the acknowledgement or response deadline (`next_due`) is running.
    running = models.BooleanField()
    # `next_due` while running, else null: a responded complaint's stale date counts nowhere.
    next_due = models.DateField(null=True)
    # Nothing running at all (`due_at` is null): the lists' "nothing running" tab.
    idle = models.BooleanField()
    n = models.IntegerField()

    class Meta:
        indexes = [models.Index(fields=["handler_id", "stage"], name="open_count_handler")]

    def __str__(self) -> str:
        return f"{self.n:+d} handler={self.handler_id} stage={self.stage} due={self.next_due}"
