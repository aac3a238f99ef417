"""Open complaints counted as they change (`cases.models.open_counts`), by database triggers.

Triggers rather than the services: every path that writes a complaint (services, imports,
the generator's COPY, a bulk update, a restore) goes through the table, so the counts cannot
fall behind the record. On PostgreSQL the trigger is ENABLE ALWAYS: it fires even in a
session that has switched triggers off for speed (`session_replication_role = replica`, as
the generator does). Installed before the table is filled, inside the migration's
transaction: creating a trigger locks the complaint table against writes until commit, so no
change can fall between the count and the trigger.
"""

from django.db import migrations, models

# ruff: noqa: S608 -- every statement is built from this module's constants, never from input.

OPEN = "('received', 'acknowledged', 'responded')"
COLUMNS = "handler_id, stage, running, next_due, idle, n"


def _values(row: str, n: int) -> str:
    """The count row for the complaint as `row` (NEW or OLD) holds it."""
    running = f"{row}.status IN ('received', 'acknowledged')"
    return (
        f"{row}.handler_id, {row}.stage, {running}, "
        f"CASE WHEN {running} THEN {row}.next_due END, {row}.due_at IS NULL, {n}"
    )


def _changed(distinct: str) -> str:
    """True when the update moves the complaint to another count row."""
    fields = ("status", "stage", "handler_id", "next_due")
    moved = " OR ".join(f"OLD.{f} {distinct} NEW.{f}" for f in fields)
    return f"({moved} OR (OLD.due_at IS NULL) {distinct} (NEW.due_at IS NULL))"


POSTGRES_FUNCTION = f"""
CREATE OR REPLACE FUNCTION putright_open_count() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND NOT {_changed("IS DISTINCT FROM")} THEN
    RETURN NULL;
  END IF;
  IF TG_OP <> 'INSERT' AND OLD.status IN {OPEN} THEN
    INSERT INTO cases_opencount ({COLUMNS}) VALUES ({_values("OLD", -1)});
  END IF;
  IF TG_OP <> 'DELETE' AND NEW.status IN {OPEN} THEN
    INSERT INTO cases_opencount ({COLUMNS}) VALUES ({_values("NEW", 1)});
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
"""

POSTGRES = [
    POSTGRES_FUNCTION,
    "CREATE TRIGGER cases_complaint_open_count AFTER INSERT OR UPDATE OR DELETE ON cases_complaint "
    "FOR EACH ROW EXECUTE FUNCTION putright_open_count()",
    "ALTER TABLE cases_complaint ENABLE ALWAYS TRIGGER cases_complaint_open_count",
]

SQLITE = [
    f"""CREATE TRIGGER cases_complaint_open_count_insert AFTER INSERT ON cases_complaint
    WHEN NEW.status IN {OPEN}
    BEGIN INSERT INTO cases_opencount ({COLUMNS}) VALUES ({_values("NEW", 1)}); END""",
    f"""CREATE TRIGGER cases_complaint_open_count_update AFTER UPDATE ON cases_complaint
    WHEN {_changed("IS NOT")}
    BEGIN
      INSERT INTO cases_opencount ({COLUMNS}) SELECT {_values("OLD", -1)} WHERE OLD.status IN {OPEN};
      INSERT INTO cases_opencount ({COLUMNS}) SELECT {_values("NEW", 1)} WHERE NEW.status IN {OPEN};
    END""",
    f"""CREATE TRIGGER cases_complaint_open_count_delete AFTER DELETE ON cases_complaint
    WHEN OLD.status IN {OPEN}
    BEGIN INSERT INTO cases_opencount ({COLUMNS}) VALUES ({_values("OLD", -1)}); END""",
]

FILL = f"""
INSERT INTO cases_opencount ({COLUMNS})
SELECT handler_id, stage, running, next_due, idle, COUNT(*) FROM (
  SELECT handler_id, stage, status IN ('received', 'acknowledged') AS running,
         CASE WHEN status IN ('received', 'acknowledged') THEN next_due END AS next_due,
         due_at IS NULL AS idle
  FROM cases_complaint WHERE status IN {OPEN}
) open_complaints
GROUP BY handler_id, stage, running, next_due, idle
"""


def forwards(apps, schema_editor):  # type: ignore[no-untyped-def]
    vendor = schema_editor.connection.vendor
    for statement in POSTGRES if vendor == "postgresql" else SQLITE:
        schema_editor.execute(statement, params=None)
    schema_editor.execute(FILL, params=None)


def backwards(apps, schema_editor):  # type: ignore[no-untyped-def]
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP TRIGGER IF EXISTS cases_complaint_open_count ON cases_complaint")
        schema_editor.execute("DROP FUNCTION IF EXISTS putright_open_count()")
        return
    for kind in ("insert", "update", "delete"):
        schema_editor.execute(f"DROP TRIGGER IF EXISTS cases_complaint_open_count_{kind}")


class Migration(migrations.Migration):
    dependencies = [("cases", "0022_perf_list_indexes")]

    operations = [
        migrations.CreateModel(
            name="OpenCount",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("handler_id", models.BigIntegerField(null=True)),
                ("stage", models.PositiveSmallIntegerField()),
                ("running", models.BooleanField()),
                ("next_due", models.DateField(null=True)),
                ("idle", models.BooleanField()),
                ("n", models.IntegerField()),
            ],
            options={"indexes": [models.Index(fields=["handler_id", "stage"], name="open_count_handler")]},
        ),
        migrations.RunPython(forwards, backwards),
    ]
