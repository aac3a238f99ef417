"""Folding the open-complaint count rows (`cases.models.open_counts`) into one per key.

Each change to a complaint adds rows rather than updating a counter; without folding, the
rows a count reads would grow with every change. Run by `putright figures` (every few
minutes from cron or a timer). Counts are right whether or not it has run, only slower.
"""

from __future__ import annotations

from typing import Any

from django.db import connection, transaction

from putright.cases.models import OpenCount

FIELDS = ("handler_id", "stage", "running", "next_due", "idle")


def open_counts_compact() -> int:
    """Replace the count rows by one per key (keys summing to nothing dropped); return how
    many rows were folded away. Safe beside writers: the rows summed are exactly the rows
    deleted (DELETE ... RETURNING), so a change committed meanwhile is kept as it is."""
    table = OpenCount._meta.db_table
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {table} RETURNING {', '.join(FIELDS)}, n")  # noqa: S608
        deleted = cursor.fetchall()
        sums: dict[tuple[Any, ...], int] = {}
        for *key, n in deleted:
            # SQLite returns booleans as 0 and 1: the same key must fold whatever the spelling.
            key[2], key[4] = bool(key[2]), bool(key[4])
            sums[tuple(key)] = sums.get(tuple(key), 0) + n
        OpenCount.objects.bulk_create(
            [OpenCount(**dict(zip(FIELDS, key, strict=True)), n=n) for key, n in sums.items() if n],
            batch_size=1000,
        )
    return len(deleted) - sum(1 for n in sums.values() if n)
