"""Trigram indexes for the staff search (`complaints_search`), on PostgreSQL only.

A search for part of a reference, a name, an email or a postcode is a `LIKE '%term%'`,
which no B-tree index can answer; at a million complaints it would read every row.
`pg_trgm`'s GIN indexes answer it from the index. Django writes `icontains` as
`UPPER(col::text) LIKE UPPER(%s)`, so the indexes are on that same expression. SQLite
has no such index and scans, which is quick enough at the sizes SQLite is used for.
"""

from django.db import migrations

# (index name, table, indexed expression); every one uses the gin_trgm_ops operator class
INDEXES = [
    ("complaint_reference_trgm", "cases_complaint", "UPPER(reference::text)"),
    ("resident_name_trgm", "cases_resident", "UPPER(name::text)"),
    ("resident_email_trgm", "cases_resident", "UPPER(email::text)"),
    ("resident_tenancy_trgm", "cases_resident", "UPPER(tenancy_reference::text)"),
    ("resident_address_trgm", "cases_resident", "UPPER(address::text)"),
    ("resident_phone_digits_trgm", "cases_resident", "phone_digits"),
    ("representative_name_trgm", "cases_representative", "UPPER(name::text)"),
]


def forwards(apps, schema_editor):  # type: ignore[no-untyped-def]
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for name, table, expression in INDEXES:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin (({expression}) gin_trgm_ops)"
        )


def backwards(apps, schema_editor):  # type: ignore[no-untyped-def]
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, _table, _expression in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("cases", "0013_idempotency_body")]
    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
