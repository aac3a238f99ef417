"""The configuration version (`landlord.models.ConfigVersion`), replaced by database triggers.

Triggers rather than the services, as for the open counts (cases 0023): every path that
writes the landlord's settings, closure days or webhook endpoints (services, the admin,
imports, a bulk `update()`, raw SQL, a restore) draws a new token, so no process can keep
serving a cached row after it changed (`putright.core.config_cache`, ADR 8). The token is
random, not a counter, so a change rolled back never leaves a token that comes back.

On PostgreSQL one statement-level trigger per table (after insert, update, delete or
truncate), ENABLE ALWAYS so it fires in a session that switched triggers off
(`session_replication_role = replica`); it upserts, so a version row removed by a flush is
made again. SQLite has only row-level triggers; there the token is set by an UPDATE and the
row made by an INSERT only when missing, never by INSERT OR REPLACE: SQLite would swap the
trigger's conflict clause for that of the statement that fired it (`INSERT OR IGNORE` from
`bulk_create(ignore_conflicts=True)`), and the token would stay.
"""

from django.db import migrations, models

# ruff: noqa: S608 -- every statement is built from this module's constants, never from input.

TABLES = ("landlord_landlordsettings", "landlord_closureday", "webhooks_webhookendpoint")

POSTGRES_FUNCTION = """
CREATE OR REPLACE FUNCTION putright_config_changed() RETURNS trigger AS $$
BEGIN
  INSERT INTO landlord_configversion (id, token) VALUES (1, gen_random_uuid()::text)
  ON CONFLICT (id) DO UPDATE SET token = EXCLUDED.token;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
"""

SQLITE_TOKEN = "lower(hex(randomblob(16)))"  # noqa: S105 -- SQL, not a secret
SQLITE_BODY = f"""
  UPDATE landlord_configversion SET token = {SQLITE_TOKEN} WHERE id = 1;
  INSERT INTO landlord_configversion (id, token) SELECT 1, {SQLITE_TOKEN}
  WHERE NOT EXISTS (SELECT 1 FROM landlord_configversion WHERE id = 1);
"""
SQLITE_EVENTS = ("insert", "update", "delete")


def _postgres() -> list[str]:
    statements = [POSTGRES_FUNCTION]
    for table in TABLES:
        statements += [
            f"CREATE TRIGGER {table}_config_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE "
            f"ON {table} FOR EACH STATEMENT EXECUTE FUNCTION putright_config_changed()",
            f"ALTER TABLE {table} ENABLE ALWAYS TRIGGER {table}_config_changed",
        ]
    return statements


def _sqlite() -> list[str]:
    return [
        f"CREATE TRIGGER {table}_config_{event} AFTER {event.upper()} ON {table} BEGIN {SQLITE_BODY} END"
        for table in TABLES
        for event in SQLITE_EVENTS
    ]


def forwards(apps, schema_editor):  # type: ignore[no-untyped-def]
    postgres = schema_editor.connection.vendor == "postgresql"
    for statement in _postgres() if postgres else _sqlite():
        schema_editor.execute(statement, params=None)
    token = "gen_random_uuid()::text" if postgres else SQLITE_TOKEN
    schema_editor.execute(f"INSERT INTO landlord_configversion (id, token) VALUES (1, {token})", params=None)


def backwards(apps, schema_editor):  # type: ignore[no-untyped-def]
    if schema_editor.connection.vendor == "postgresql":
        for table in TABLES:
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_config_changed ON {table}")
        schema_editor.execute("DROP FUNCTION IF EXISTS putright_config_changed()")
        return
    for table in TABLES:
        for event in SQLITE_EVENTS:
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_config_{event}")


class Migration(migrations.Migration):
    dependencies = [
        ("landlord", "0006_timescales_from_policy"),
        ("webhooks", "0001_h19_webhooks"),
    ]

    operations = [
        migrations.CreateModel(
            name="ConfigVersion",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("token", models.CharField(max_length=36)),
            ],
        ),
        migrations.RunPython(forwards, backwards),
    ]
