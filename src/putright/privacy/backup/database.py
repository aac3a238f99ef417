"""Copying the database in and out: SQLite's online backup API, or PostgreSQL's pg_dump and pg_restore.

The PostgreSQL connection comes from DATABASES["default"] and reaches the client tools
through the environment (PGHOST, PGPASSWORD...), never their command line, where any
user of the machine could read it in the process list.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

from django.db import connection, transaction

from putright.privacy.backup.summary import database_summary

Progress = Callable[[str], None]
PAGES_PER_STEP = 2048
# An empty libpq URI: every connection parameter then comes from the PG* environment.
FROM_ENVIRONMENT = "postgresql://"


class BackupError(Exception):
    pass


def engine() -> str:
    return str(connection.vendor)


def dump_name() -> str:
    return "database.sqlite3" if engine() == "sqlite" else "database.pgdump"


def pg_tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise BackupError(
            f"{name} was not found: install the PostgreSQL 15 client tools (postgresql-client-15)"
        )
    return found


def pg_environment() -> dict[str, str]:
    db = connection.settings_dict
    env = dict(os.environ)
    for key, variable in (
        ("HOST", "PGHOST"),
        ("PORT", "PGPORT"),
        ("USER", "PGUSER"),
        ("PASSWORD", "PGPASSWORD"),
        ("NAME", "PGDATABASE"),
    ):
        if db.get(key):
            env[variable] = str(db[key])
    options = db.get("OPTIONS") or {}
    for key, variable in (("sslmode", "PGSSLMODE"), ("sslrootcert", "PGSSLROOTCERT")):
        if options.get(key):
            env[variable] = str(options[key])
    return env


def _run(command: list[str], progress: Progress) -> None:
    result = subprocess.run(  # noqa: S603  (fixed PostgreSQL tool, arguments built here, no shell)
        command, env=pg_environment(), capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise BackupError(f"{Path(command[0]).name} failed: {result.stderr.strip()}")
    for line in result.stderr.splitlines()[-5:]:
        progress(line)


def _sqlite_progress(progress: Progress, verb: str) -> Callable[[int, int, int], None]:
    def report(status: int, remaining: int, total: int) -> None:
        if total:
            progress(f"database: {verb} {100 * (total - remaining) // total}% of {total} pages")

    return report


def database_dump(target: Path, progress: Progress) -> dict[str, Any]:
    """Copy the database to `target`; return its summary, taken from the same snapshot as the copy."""
    if engine() == "sqlite":
        connection.ensure_connection()
        copy = sqlite3.connect(target)
        try:
            # The backup API restarts if another connection writes meanwhile: the copy is one state.
            connection.connection.backup(
                copy, pages=PAGES_PER_STEP, progress=_sqlite_progress(progress, "copied")
            )
        finally:
            copy.close()
        # The figures are read from the copy itself, so they describe exactly what was saved.
        copy = sqlite3.connect(target)
        try:
            return database_summary(copy.cursor(), connection.ops.quote_name)
        finally:
            copy.close()
    if engine() != "postgresql":
        raise BackupError(f"Backups support SQLite and PostgreSQL, not {engine()}")
    dump = pg_tool("pg_dump")
    with transaction.atomic(), connection.cursor() as cursor:
        # pg_dump reads the very snapshot this transaction sees, so the figures match the dump.
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        cursor.execute("SELECT pg_export_snapshot()")
        snapshot = cursor.fetchone()[0]
        summary = database_summary(cursor, connection.ops.quote_name)
        progress("database: pg_dump running")
        _run(
            [dump, "-Fc", "--no-owner", "--no-privileges", f"--snapshot={snapshot}", "-f", str(target)],
            progress,
        )
    return summary


def database_restore(source: Path, progress: Progress) -> None:
    """Replace the whole database with the copy in `source`. The application should be stopped."""
    if engine() == "sqlite":
        connection.ensure_connection()
        if connection.in_atomic_block:
            raise BackupError("A restore cannot run inside a transaction")
        copy = sqlite3.connect(source)
        try:
            copy.backup(
                connection.connection, pages=PAGES_PER_STEP, progress=_sqlite_progress(progress, "restored")
            )
        finally:
            copy.close()
        connection.close()
        return
    restore = pg_tool("pg_restore")
    connection.close()
    progress("database: pg_restore running")
    _run(
        [
            restore,
            "--clean",
            "--if-exists",
            "--no-owner",
            "--no-privileges",
            "--single-transaction",
            "--exit-on-error",
            f"--dbname={FROM_ENVIRONMENT}",
            str(source),
        ],
        progress,
    )


def live_summary() -> dict[str, Any]:
    """The summary of the database as it is now, read the same way as the backup's."""
    with connection.cursor() as cursor:
        return database_summary(cursor, connection.ops.quote_name)
