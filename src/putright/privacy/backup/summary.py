"""What a backup must bring back: the row count of every table and a checksum of the case events.

Read from the copy itself (SQLite) or inside the snapshot pg_dump copies (PostgreSQL),
stored in the manifest, and read again after a restore: equal figures are the proof
that the round trip worked. Plain SQL through a DB-API cursor, so the same function
reads a copied SQLite file that Django has no connection to; every value is cast to
text, so the checksum does not depend on how a driver converts types.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any

from django.apps import apps

from putright.cases.models import CaseEvent

EVENT_COLUMNS = (
    "id",
    "complaint_id",
    "at",
    "actor_id",
    "actor_label",
    "action",
    "summary",
    "before",
    "after",
)


def tables() -> list[str]:
    return sorted(
        {
            model._meta.db_table
            for model in apps.get_models(include_auto_created=True)
            if model._meta.managed and not model._meta.proxy
        }
    )


def database_summary(cursor: Any, quote: Callable[[str], str]) -> dict[str, Any]:
    """Row counts per table, the SHA-256 of every case event in id order, and the migrations applied."""
    counts = {}
    # Table and column names come from our own models, quoted by the database backend: no input reaches them.
    for table in tables():
        cursor.execute(f"SELECT COUNT(*) FROM {quote(table)}")  # noqa: S608
        counts[table] = int(cursor.fetchone()[0])
    columns = ", ".join(f"CAST({quote(name)} AS TEXT)" for name in EVENT_COLUMNS)
    cursor.execute(f"SELECT {columns} FROM {quote(CaseEvent._meta.db_table)} ORDER BY {quote('id')}")  # noqa: S608
    digest = hashlib.sha256()
    while rows := cursor.fetchmany(2000):
        for row in rows:
            digest.update("\x1f".join("" if value is None else str(value) for value in row).encode())
            digest.update(b"\n")
    cursor.execute('SELECT "app", "name" FROM "django_migrations"')
    migrations = sorted(f"{app}.{name}" for app, name in cursor.fetchall())
    return {"row_counts": counts, "case_events_sha256": digest.hexdigest(), "migrations": migrations}
