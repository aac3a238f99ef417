"""On PostgreSQL the database itself refuses to change or delete versions, approvals and
publications: what the governing body approved and what was published stay as they were.

Uses the trigger function created by `cases.0002`; SQLite relies on the application guard
in `putright.core.immutable`.
"""

from django.db import migrations

TABLES = ["assessment_version", "assessment_approval", "assessment_publication"]


def forwards(apps, schema_editor):  # type: ignore[no-untyped-def]
    if schema_editor.connection.vendor != "postgresql":
        return
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


class Migration(migrations.Migration):
    dependencies = [("assessment", "0001_initial"), ("cases", "0002_append_only_triggers")]
    operations = [migrations.RunPython(forwards, backwards)]
