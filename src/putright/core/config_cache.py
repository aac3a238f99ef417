"""Configuration rows cached in each process, exact because the database says when they change.

A one-row table holds a version token. Database triggers on every configuration table
replace it with a new random value on each insert, update, delete (and, on PostgreSQL,
truncate), so every path that writes configuration (services, the admin, imports, a bulk
`update()`, raw SQL, a restore) changes it. A read asks for the token with one small raw
query (no ORM: compiling a query is the cost this saves) and loads the value again only
when the token is not the one the cached value was loaded under. ADR 8.

Why the token is random rather than a counter: a transaction that changes configuration
sees its own new token and may cache what it reads under it. If it then rolls back, a
counter would go back to n and the next committed change would make it n + 1 again, with
other data, and this process would serve the rolled-back value under the repeated number.
A token drawn afresh by each change never comes back (128 random bits: PostgreSQL's
`gen_random_uuid()`, SQLite's `randomblob(16)`, which SQLite reseeds from the system in a
forked process), so a value loaded in a transaction that rolls back is simply never asked
for again: the next read sees the token from before the transaction and loads anew. The
same holds for test transactions rolled back after each test, with no fixture to clear it.

The token is read before the value is loaded and again after, and the value is kept only
if the two agree. A change committed in between, or a load that itself writes configuration
(`LandlordSettings.current` making its row), would otherwise keep a value under a token it
does not belong to: in the second case under the token from before the write, which comes
back if the transaction rolls back, with a row that is not there. When they differ the
value is loaded once more under the newer token (so the settings row made on first use is
cached at once); a load is rare, and its extra queries are paid only then.

Without the version row (a database flushed by the test runner, before the next change
makes it again) nothing is cached and each read loads.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, TypeVar

from django.db import connection

T = TypeVar("T")


class ConfigCache:
    """Values by name, each kept with the version token it was loaded under.

    Values are shared by every thread of the process: cache only what no caller changes
    (tuples, frozen dataclasses), or hand out copies."""

    def __init__(self, version_table: str) -> None:
        # A constant of the module that makes the cache, never input.
        self._version_sql = f"SELECT token FROM {version_table} WHERE id = 1"  # noqa: S608
        self._values: dict[str, tuple[str, Any]] = {}
        self._lock = threading.Lock()

    def version(self) -> str | None:
        """The current token as this connection's transaction sees it; None without the row."""
        with connection.cursor() as cursor:
            cursor.execute(self._version_sql)
            row = cursor.fetchone()
        return None if row is None else str(row[0])

    def get(self, name: str, load: Callable[[], T]) -> T:
        """The value under `name`, loaded by `load` only if configuration changed since."""
        token = self.version()
        held = self._values.get(name)
        if held is not None and token is not None and held[0] == token:
            value: T = held[1]
            return value
        value = load()
        if token is None:
            return value
        after = self.version()
        if after != token:
            # Changed while loading (by the load itself, or committed meanwhile): once more.
            token, value = after, load()
            after = self.version()
        if token is not None and after == token:
            with self._lock:
                self._values[name] = (token, value)
        return value

    def get_found(self, name: str, load: Callable[[], T | None]) -> T | None:
        """As `get`, for a value that may not exist (`load` returns None): a miss is never
        kept, so looking up names that are not there (a guessed API token) cannot grow the
        cache, and the thing is looked for again until it exists."""
        try:
            return self.get(name, lambda: _found_or_raise(load))
        except _Missing:
            return None

    def clear(self) -> None:
        """Forget every value (never needed for correctness: for measuring a cold read)."""
        with self._lock:
            self._values.clear()


class _Missing(Exception):
    """Raised out of `get`'s load for a miss, so that `get` keeps nothing."""


def _found_or_raise(load: Callable[[], T | None]) -> T:
    value = load()
    if value is None:
        raise _Missing
    return value
