"""Complaints marked for the figures to recount (`cases.UncountedChange`) by database triggers.

Every write to a complaint's row (a new complaint, each action's version, a hazard's
deadline, an import) and every change of a resident's tenure (which moves all their
complaints in or out of CH01 and CH02) marks the complaints it touches, in the same
transaction. Triggers rather than the services, as with the open counts (ADR 7): no path
can change a complaint and leave its days counted as settled, and an action saves the round
trip its service spent writing the mark. Marking more than a figure needs costs only a
recount of that complaint's days; marking less would publish a stale figure. ENABLE ALWAYS
on PostgreSQL, so the generator's replica-mode COPY marks what it adds too.
"""

from django.db import migrations

MARK_ONE = "INSERT INTO cases_uncountedchange (complaint_id) VALUES (NEW.id)"
MARK_RESIDENTS = "INSERT INTO cases_uncountedchange (complaint_id) SELECT id FROM cases_complaint WHERE resident_id = NEW.id"

POSTGRES = [
    f"""CREATE OR REPLACE FUNCTION putright_mark_uncounted() RETURNS trigger AS $$
BEGIN
  {MARK_ONE} ON CONFLICT DO NOTHING;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql""",
    "CREATE TRIGGER cases_complaint_uncounted AFTER INSERT OR UPDATE ON cases_complaint "
    "FOR EACH ROW EXECUTE FUNCTION putright_mark_uncounted()",
    "ALTER TABLE cases_complaint ENABLE ALWAYS TRIGGER cases_complaint_uncounted",
    f"""CREATE OR REPLACE FUNCTION putright_mark_tenure_uncounted() RETURNS trigger AS $$
BEGIN
  {MARK_RESIDENTS} ON CONFLICT DO NOTHING;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql""",
    "CREATE TRIGGER cases_resident_tenure_uncounted AFTER UPDATE OF tenure ON cases_resident "
    "FOR EACH ROW WHEN (OLD.tenure IS DISTINCT FROM NEW.tenure) "
    "EXECUTE FUNCTION putright_mark_tenure_uncounted()",
    "ALTER TABLE cases_resident ENABLE ALWAYS TRIGGER cases_resident_tenure_uncounted",
]

SQLITE = [
    "CREATE TRIGGER cases_complaint_uncounted_insert AFTER INSERT ON cases_complaint "
    f"BEGIN {MARK_ONE.replace('INSERT', 'INSERT OR IGNORE', 1)}; END",
    "CREATE TRIGGER cases_complaint_uncounted_update AFTER UPDATE ON cases_complaint "
    f"BEGIN {MARK_ONE.replace('INSERT', 'INSERT OR IGNORE', 1)}; END",
    "CREATE TRIGGER cases_resident_tenure_uncounted AFTER UPDATE OF tenure ON cases_resident "
    "WHEN OLD.tenure IS NOT NEW.tenure "
    f"BEGIN {MARK_RESIDENTS.replace('INSERT', 'INSERT OR IGNORE', 1)}; END",
]


def forwards(apps, schema_editor):  # type: ignore[no-untyped-def]
    for statement in POSTGRES if schema_editor.connection.vendor == "postgresql" else SQLITE:
        schema_editor.execute(statement, params=None)


def backwards(apps, schema_editor):  # type: ignore[no-untyped-def]
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP TRIGGER IF EXISTS cases_complaint_uncounted ON cases_complaint")
        schema_editor.execute("DROP TRIGGER IF EXISTS cases_resident_tenure_uncounted ON cases_resident")
        schema_editor.execute("DROP FUNCTION IF EXISTS putright_mark_uncounted()")
        schema_editor.execute("DROP FUNCTION IF EXISTS putright_mark_tenure_uncounted()")
        return
    for name in (
        "cases_complaint_uncounted_insert",
        "cases_complaint_uncounted_update",
        "cases_resident_tenure_uncounted",
    ):
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("cases", "0023_open_counts")]

    operations = [migrations.RunPython(forwards, backwards)]
