"""`flush`, as Django's, past the append-only triggers on SQLite.

Emptying the whole database is how the test runner resets it between tests. PostgreSQL does
it with TRUNCATE, which row triggers do not see; SQLite deletes row by row, so the triggers
of `putright.privacy.record_guard` would refuse. A permit is held for the length of the
flush. Never flush a production database: it deletes the complaint record.

Deleting row by row also fires the triggers that keep the open-complaint counts
(`cases.models.open_counts`): Django empties the tables in no set order, so complaints
deleted after the counts were emptied would leave a -1 behind. An empty database has no
open complaints, so the counts are emptied again last.
"""

from __future__ import annotations

from typing import Any

from django.core.management.commands.flush import Command as DjangoFlush
from django.db import DEFAULT_DB_ALIAS, connections


class Command(DjangoFlush):
    def handle(self, **options: Any) -> None:
        connection = connections[options.get("database") or DEFAULT_DB_ALIAS]
        if (
            connection.vendor != "sqlite"
            or "putright_rewrite_permit" not in connection.introspection.table_names()
        ):
            super().handle(**options)
            return
        with connection.cursor() as cursor:
            cursor.execute("INSERT OR IGNORE INTO putright_rewrite_permit (txid) VALUES (0)")
        try:
            super().handle(**options)
            with connection.cursor() as cursor:
                cursor.execute("DELETE FROM cases_opencount")
        finally:
            with connection.cursor() as cursor:
                cursor.execute("DELETE FROM putright_rewrite_permit")
