"""On PostgreSQL the database itself refuses UPDATE and DELETE on the record (Code 5.12).

SQLite relies on the application guard in `putright.core.immutable`. TRUNCATE is
left to the table owner (it is how a test database is emptied); the application's
database role should not own the tables in production (docs/security.md).
"""

from django.db import migrations

TABLES = ["cases_caseevent", "cases_correspondence", "cases_attachment"]

FUNCTION = """
CREATE OR REPLACE FUNCTION putright_refuse_change() RETURNS trigger AS $$
BEGIN
  IF current_setting('putright.allow_anonymise', true) = 'on' AND TG_OP = 'UPDATE' THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'putright: % on % is forbidden: the complaint record is append-only',
    TG_OP, TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
"""


def forwards(apps, schema_editor):  # type: ignore[no-untyped-def]
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(FUNCTION, params=None)
    for table in TABLES:
        schema_editor.execute(
            f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
            "FOR EACH ROW EXECUTE FUNCTION putright_refuse_change()"
        )


def backwards(apps, schema_editor):  # type: ignore[no-untyped-def]
    if schema_editor.connection.vendor != "postgresql":
        return
    for table in TABLES:
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_append_only ON {table}")
    schema_editor.execute("DROP FUNCTION IF EXISTS putright_refuse_change()")


class Migration(migrations.Migration):
    dependencies = [("cases", "0001_initial")]
    operations = [migrations.RunPython(forwards, backwards)]
