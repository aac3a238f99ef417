"""Where generated rows go: ids allocated per table, rows written in bulk per batch.

PostgreSQL: ids come from each table's own sequence (`nextval` in chunks), so the
sequences stay correct for the application afterwards, and rows go in with `COPY`.
SQLite: ids count on from the largest in the table (AUTOINCREMENT follows explicit ids)
and rows go in with one prepared INSERT per table and batch (`executemany`).

Rows are plain tuples. `Django bulk_create` is not used: it would stamp every
`auto_now_add` column with the moment of generation, and years of history would all
seem created today.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from django.db import connection, models
from django.db.models import NOT_PROVIDED, Max

from putright.demo.generate.columns import TABLES, Row


class Table:
    """One table's columns: those the generator fills, then the model's others at their defaults."""

    def __init__(self, model: type[models.Model], given: Sequence[str]) -> None:
        by_attname = {f.attname: f for f in model._meta.concrete_fields}
        unknown = set(given) - by_attname.keys()
        if unknown:
            raise RuntimeError(f"{model.__name__} has no fields {sorted(unknown)}")
        extra = [f for name, f in by_attname.items() if name not in given]
        self.model = model
        self.name: str = model._meta.db_table
        self.columns: list[str] = [str(by_attname[name].column) for name in given] + [
            str(f.column) for f in extra
        ]
        self.padding: Row = tuple(_default(f) for f in extra)
        fields = [by_attname[name] for name in given] + extra
        self.datetimes = [i for i, f in enumerate(fields) if isinstance(f, models.DateTimeField)]


def _default(field: models.Field[Any, Any]) -> Any:
    if field.default is not NOT_PROVIDED:
        value = field.get_default()
        if isinstance(value, dict | list):
            raise RuntimeError(f"{field} has a JSON default the generator cannot fill")
        return value
    if field.null:
        return None
    if isinstance(field, models.DateTimeField) and (field.auto_now or field.auto_now_add):
        raise RuntimeError(f"{field} is a new timestamp the generator must fill")
    if field.blank and isinstance(field, models.CharField | models.TextField):
        return ""
    raise RuntimeError(f"{field} is required and has no default: teach the generator to fill it")


def tables() -> dict[str, Table]:
    return {key: Table(model, given) for key, (model, given) in TABLES.items()}


class Sink:
    """Allocates ids and writes the rows of one batch; subclasses per database."""

    def __init__(self, chunk: int) -> None:
        self.tables = tables()
        self.chunk = chunk
        self._free: dict[str, list[int]] = {key: [] for key in self.tables}

    def take(self, key: str) -> int:
        free = self._free[key]
        if not free:
            free.extend(reversed(self._allocate(self.tables[key], self.chunk)))
        return free.pop()

    def _allocate(self, table: Table, n: int) -> list[int]:
        raise NotImplementedError

    def write(self, key: str, rows: list[Row]) -> None:
        raise NotImplementedError

    def begin(self) -> None:
        """Prepare the writing connection's session."""

    def end(self) -> None:
        """Put the writing connection's session back as it was."""

    def finish(self) -> None:
        """Refresh the planner's statistics (the tables have just grown by orders of magnitude), then end."""
        self.end()


class PostgresSink(Sink):
    def __init__(self, chunk: int) -> None:
        super().__init__(chunk)
        self._sequences: dict[str, str] = {}
        self.checked_keys = True

    def begin(self) -> None:
        """Skip the per-row foreign key triggers for this session, where the role may.

        They cost more than the rest of the load put together (each is a locking read of
        the parent row at commit), and the generator only refers to rows it has just
        written or read. Needs a superuser; otherwise the checks simply run.
        """
        with connection.cursor() as cursor:
            cursor.execute("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
            if not cursor.fetchone()[0]:
                return
            cursor.execute("SET session_replication_role = replica")
        self.checked_keys = False

    def end(self) -> None:
        if not self.checked_keys:
            with connection.cursor() as cursor:
                cursor.execute("SET session_replication_role = DEFAULT")
            self.checked_keys = True

    def _allocate(self, table: Table, n: int) -> list[int]:
        with connection.cursor() as cursor:
            if table.name not in self._sequences:
                cursor.execute("SELECT pg_get_serial_sequence(%s, 'id')", [table.name])
                self._sequences[table.name] = cursor.fetchone()[0]
            cursor.execute(
                "SELECT nextval(%s::regclass) FROM generate_series(1, %s)",
                [self._sequences[table.name], n],
            )
            return [r[0] for r in cursor.fetchall()]

    def write(self, key: str, rows: list[Row]) -> None:
        if not rows:
            return
        from psycopg import sql

        table = self.tables[key]
        statement = sql.SQL("COPY {} ({}) FROM STDIN").format(
            sql.Identifier(table.name), sql.SQL(", ").join([sql.Identifier(c) for c in table.columns])
        )
        padding = table.padding
        raw = connection.connection
        assert raw is not None
        with raw.cursor() as cursor, cursor.copy(statement) as copy:
            write_row = copy.write_row
            if padding:
                for row in rows:
                    write_row(row + padding)
            else:
                for row in rows:
                    write_row(row)

    def finish(self) -> None:
        self.end()
        with connection.cursor() as cursor:
            for table in self.tables.values():
                cursor.execute(f"ANALYZE {connection.ops.quote_name(table.name)}")


class SqliteSink(Sink):
    def __init__(self, chunk: int) -> None:
        super().__init__(chunk)
        self._next: dict[str, int] = {}

    def _allocate(self, table: Table, n: int) -> list[int]:
        if table.name not in self._next:
            largest = table.model._default_manager.aggregate(largest=Max("id"))["largest"]
            self._next[table.name] = (largest or 0) + 1
        first = self._next[table.name]
        self._next[table.name] = first + n
        return list(range(first, first + n))

    def write(self, key: str, rows: list[Row]) -> None:
        if not rows:
            return
        table = self.tables[key]
        quote = connection.ops.quote_name
        # Identifiers come from the models' metadata, quoted; every value is a bound parameter.
        statement = "INSERT INTO {} ({}) VALUES ({})".format(  # noqa: S608
            quote(table.name), ", ".join(quote(c) for c in table.columns), ", ".join("?" * len(table.columns))
        )
        with connection.cursor() as cursor:
            # The raw sqlite3 cursor: Django's wrapper would reformat the statement per call.
            cursor.cursor.executemany(statement, _for_sqlite(rows, table))

    def finish(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def _for_sqlite(rows: Iterable[Row], table: Table) -> Iterable[Row]:
    """Django keeps SQLite timestamps as naive UTC text; the generator's are aware UTC."""
    at, padding = table.datetimes, table.padding
    for row in rows:
        full = list(row + padding)
        for i in at:
            value: datetime | None = full[i]
            if value is not None:
                full[i] = value.replace(tzinfo=None).isoformat(" ")
        yield tuple(full)


def sink_for_connection(chunk: int) -> Sink:
    if connection.vendor == "postgresql":
        return PostgresSink(chunk)
    if connection.vendor == "sqlite":
        return SqliteSink(chunk)
    raise RuntimeError(f"putright generate supports PostgreSQL and SQLite, not {connection.vendor}")
