"""The one path allowed to rewrite the append-only record (case events, correspondence,
attachments, issued letters): anonymisation when the retention period ends or on erasure.

The record is guarded twice: `putright.cases.immutable` refuses `save()`, `delete()` and
queryset updates in the application, and on PostgreSQL a trigger (migration
`cases.0002`) refuses UPDATE and DELETE unless `putright.allow_anonymise` is 'on' for
the current transaction. This module goes round the application guard by calling
`update()` on Django's base `QuerySet` rather than the model's own, and sets that
flag with `SET LOCAL` semantics, so it lapses when the transaction ends. Nothing else
in the project may do either: tests/privacy/test_record_rewrite.py checks the source.
Rows are only ever updated, never deleted, so the record keeps its shape and dates.
"""

from __future__ import annotations

from typing import Any

from django.db import connection, models, transaction

MARKER = "[anonymised]"


def allow_rewrite_in_this_transaction() -> None:
    """Let this transaction's UPDATEs through the PostgreSQL trigger; no effect elsewhere."""
    if not connection.in_atomic_block:
        raise RuntimeError("the record may only be rewritten inside a transaction")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            # set_config(..., true) is SET LOCAL: it ends with the transaction.
            cursor.execute("SELECT set_config('putright.allow_anonymise', 'on', true)")


def rewrite(model: type[models.Model], filters: models.Q, **values: Any) -> int:
    """UPDATE rows of `model` matching `filters`, past the append-only guard. Call inside
    `transaction.atomic()` after `allow_rewrite_in_this_transaction()`."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("the record may only be rewritten inside a transaction")
    return models.QuerySet(model=model).filter(filters).update(**values)
