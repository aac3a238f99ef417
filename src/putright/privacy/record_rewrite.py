"""The one path allowed to rewrite the append-only record (case events, correspondence,
attachments, issued letters): anonymisation when the retention period ends or on erasure.

The record is guarded twice: `putright.core.immutable` refuses `save()`, `delete()` and
queryset updates in the application, and triggers (`putright.privacy.record_guard`) refuse
UPDATE and DELETE in the database unless the transaction holds a rewrite permit. This module
goes round the application guard by calling `update()` on Django's base `QuerySet` rather
than the model's own, and takes the permit: on PostgreSQL through the SECURITY DEFINER
function `putright_permit_rewrite()`, which only roles granted EXECUTE may call. Nothing else
in the project may do either: tests/privacy/test_record_rewrite.py checks the source.
Rows are only ever updated, never deleted, so the record keeps its shape and dates.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.db import connection, models, transaction

MARKER = "[anonymised]"


@contextmanager
def rewrite_permitted() -> Iterator[None]:
    """Let this transaction's UPDATEs through the database's append-only triggers.

    PostgreSQL: the permit is tied to the transaction id and lapses with it; its row stays as
    the trace of who rewrote when. SQLite: the permit row exists only inside this block.
    """
    if not connection.in_atomic_block:
        raise RuntimeError("the record may only be rewritten inside a transaction")
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT putright_permit_rewrite()")
            yield
            return
        cursor.execute("INSERT INTO putright_rewrite_permit (txid) VALUES (1)")
        try:
            yield
        finally:
            cursor.execute("DELETE FROM putright_rewrite_permit")


def rewrite(model: type[models.Model], filters: models.Q, **values: Any) -> int:
    """UPDATE rows of `model` matching `filters`, past the append-only guard. Call inside
    `transaction.atomic()` and `rewrite_permitted()`."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("the record may only be rewritten inside a transaction")
    return models.QuerySet(model=model).filter(filters).update(**values)
