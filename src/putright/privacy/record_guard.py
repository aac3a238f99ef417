"""The database's own guard on the append-only record (Code 5.12), on SQLite and PostgreSQL.

The application already refuses to change or delete these rows (`putright.core.immutable`,
`putright.letters.models`); triggers make the database refuse too, so a raw statement, a
shell or a bug cannot rewrite history. Guarded: every `AppendOnlyModel` table (case events,
correspondence, attachments, the special category access log, self-assessment versions,
approvals and publications) and issued letters (what the resident was told; the record of
sending may still be filled in once).

The one exception is anonymisation (`putright.privacy.record_rewrite`), which may UPDATE,
never DELETE, inside a transaction that holds a permit:

- PostgreSQL: a permit is a row in `putright_rewrite_permit` keyed by the transaction's id,
  written only by the SECURITY DEFINER function `putright_permit_rewrite()`. The table and the
  function belong to the role that runs migrations; PUBLIC may neither write the table nor
  call the function, so unlike a session setting no ordinary session can grant itself a
  permit. Give EXECUTE only to the role that runs `putright retention` (docs/security.md).
  Permit rows are kept: each says which transaction was allowed to rewrite, when and by whom.
- SQLite has no roles: the permit is a row in the same table for the length of the rewrite.
  The triggers there stop accidents and naive edits, not someone who can write the file.

The triggers are (re)installed after every `migrate` rather than by one migration, because
SQLite loses a table's triggers whenever a later migration rebuilds the table.
"""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.db.backends.base.base import BaseDatabaseWrapper

from putright.core.immutable import AppendOnlyModel

PERMITS = "putright_rewrite_permit"
REFUSED = "putright: {op} on {table} is forbidden: the complaint record is append-only"


def guarded_tables() -> list[str]:
    """Every table of an append-only model, found from the models so none is forgotten."""
    return sorted(
        model._meta.db_table
        for model in apps.get_models()
        if issubclass(model, AppendOnlyModel) and model._meta.managed
    )


def frozen_letter_columns() -> tuple[list[str], list[str]]:
    from putright.letters.models import FROZEN_AT_ISSUE, SET_ONCE, Letter

    def column(name: str) -> str:
        return str(Letter._meta.get_field(name.removesuffix("_id")).column)  # type: ignore[union-attr]

    return [column(name) for name in FROZEN_AT_ISSUE], [column(name) for name in SET_ONCE]


def _letter_changed(distinct: str) -> str:
    frozen, set_once = frozen_letter_columns()
    changed = [f'OLD."{c}" {distinct} NEW."{c}"' for c in frozen]
    changed += [f'(OLD."{c}" IS NOT NULL AND OLD."{c}" {distinct} NEW."{c}")' for c in set_once]
    return " OR ".join(changed)


def _sqlite(tables: list[str], letters_exist: bool) -> list[str]:
    # Every name in these statements is a constant or a table of our own models, never input.
    no_permit = f"NOT EXISTS (SELECT 1 FROM {PERMITS})"  # noqa: S608
    sql = [f"CREATE TABLE IF NOT EXISTS {PERMITS} (txid integer PRIMARY KEY)"]
    for table in tables:
        for op in ("UPDATE", "DELETE"):
            sql.append(
                f'CREATE TRIGGER IF NOT EXISTS "{table}_append_only_{op.lower()}" BEFORE {op} ON "{table}" '
                f"WHEN {no_permit} BEGIN SELECT RAISE(ABORT, '{REFUSED.format(op=op, table=table)}'); END"
            )
    letters = "letters_letter"
    if not letters_exist:
        return sql
    sql.append(
        f'CREATE TRIGGER IF NOT EXISTS "{letters}_issued_update" BEFORE UPDATE ON "{letters}" '
        f"WHEN OLD.status = 'issued' AND {no_permit} AND ({_letter_changed('IS NOT')}) "
        f"BEGIN SELECT RAISE(ABORT, '{REFUSED.format(op='UPDATE', table=letters)}: the letter is issued'); END"
    )
    sql.append(
        f'CREATE TRIGGER IF NOT EXISTS "{letters}_issued_delete" BEFORE DELETE ON "{letters}" '
        f"WHEN OLD.status = 'issued' AND {no_permit} "
        f"BEGIN SELECT RAISE(ABORT, '{REFUSED.format(op='DELETE', table=letters)}: the letter is issued'); END"
    )
    return sql


PG_SETUP = f"""
CREATE TABLE IF NOT EXISTS {PERMITS} (
  txid bigint PRIMARY KEY,
  granted_at timestamptz NOT NULL DEFAULT now(),
  granted_to text NOT NULL DEFAULT session_user
);
REVOKE ALL ON {PERMITS} FROM PUBLIC;
CREATE OR REPLACE FUNCTION putright_permit_rewrite() RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
BEGIN
  INSERT INTO {PERMITS} (txid) VALUES (txid_current()) ON CONFLICT DO NOTHING;
END;
$$;
REVOKE ALL ON FUNCTION putright_permit_rewrite() FROM PUBLIC;
CREATE OR REPLACE FUNCTION putright_refuse_change() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND EXISTS (SELECT 1 FROM {PERMITS} WHERE txid = txid_current()) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'putright: % on % is forbidden: the complaint record is append-only',
    TG_OP, TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END;
$$;
"""  # noqa: S608


def _pg_letter_function() -> str:
    return f"""
CREATE OR REPLACE FUNCTION putright_refuse_issued_letter_change() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
BEGIN
  IF OLD.status <> 'issued' THEN
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
  END IF;
  IF TG_OP = 'UPDATE' AND (
    NOT ({_letter_changed("IS DISTINCT FROM")})
    OR EXISTS (SELECT 1 FROM {PERMITS} WHERE txid = txid_current())
  ) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'putright: % on % is forbidden: the letter is issued and the record is append-only',
    TG_OP, TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END;
$$;
"""  # noqa: S608


def _postgresql(tables: list[str], letters_exist: bool) -> list[str]:
    sql = [PG_SETUP, _pg_letter_function()]
    for table in tables:
        sql.append(
            f'CREATE OR REPLACE TRIGGER "{table}_append_only" BEFORE UPDATE OR DELETE ON "{table}" '
            "FOR EACH ROW EXECUTE FUNCTION putright_refuse_change()"
        )
    if not letters_exist:
        return sql
    sql.append(
        'CREATE OR REPLACE TRIGGER "letters_letter_issued" BEFORE UPDATE OR DELETE ON "letters_letter" '
        "FOR EACH ROW EXECUTE FUNCTION putright_refuse_issued_letter_change()"
    )
    return sql


def record_guard_install(connection: BaseDatabaseWrapper) -> None:
    """Create or refresh the triggers on every guarded table that exists. Idempotent."""
    existing = set(connection.introspection.table_names())
    tables = [t for t in guarded_tables() if t in existing]
    letters_exist = "letters_letter" in existing
    if connection.vendor == "sqlite":
        statements = _sqlite(tables, letters_exist)
    elif connection.vendor == "postgresql":
        statements = _postgresql(tables, letters_exist)
    else:
        return
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def install_after_migrate(sender: Any, using: str = "default", **kwargs: Any) -> None:
    from django.db import connections

    record_guard_install(connections[using])
