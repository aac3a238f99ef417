"""A change to a user or to what makes an API token valid draws a new configuration token.

The bearer-token check keeps the tokens it has seen in each process (`putright.api.auth`,
`putright.core.config_cache`, ADR 8), so a revoked or expired token, a deactivated user or a
changed role must be seen by every process on its next request: the same triggers as the
landlord's configuration tables (landlord migration 0007) fire on `accounts_user` (any
change) and on `accounts_apitoken` (a token made or removed, or its hash, user, expiry or
revocation changed). Not on the rate-limit counters and last use the limiter writes on a
token's row every 20 requests: those would empty the cache for nothing.
"""

from django.db import migrations

# ruff: noqa: S608 -- every statement is built from this module's constants, never from input.

VALIDITY_COLUMNS = "token_hash, user_id, expires_at, revoked_at"
SQLITE_TOKEN = "lower(hex(randomblob(16)))"  # noqa: S105 -- SQL, not a secret
SQLITE_BODY = f"""
  UPDATE landlord_configversion SET token = {SQLITE_TOKEN} WHERE id = 1;
  INSERT INTO landlord_configversion (id, token) SELECT 1, {SQLITE_TOKEN}
  WHERE NOT EXISTS (SELECT 1 FROM landlord_configversion WHERE id = 1);
"""
# (trigger name, table, the events it fires on) as each database spells them.
POSTGRES_TRIGGERS = (
    ("accounts_user_config_changed", "accounts_user", "INSERT OR UPDATE OR DELETE OR TRUNCATE"),
    ("accounts_apitoken_config_changed", "accounts_apitoken", "INSERT OR DELETE OR TRUNCATE"),
    ("accounts_apitoken_config_updated", "accounts_apitoken", f"UPDATE OF {VALIDITY_COLUMNS}"),
)
SQLITE_TRIGGERS = (
    ("accounts_user_config_insert", "accounts_user", "INSERT"),
    ("accounts_user_config_update", "accounts_user", "UPDATE"),
    ("accounts_user_config_delete", "accounts_user", "DELETE"),
    ("accounts_apitoken_config_insert", "accounts_apitoken", "INSERT"),
    ("accounts_apitoken_config_update", "accounts_apitoken", f"UPDATE OF {VALIDITY_COLUMNS}"),
    ("accounts_apitoken_config_delete", "accounts_apitoken", "DELETE"),
)


def forwards(apps, schema_editor):  # type: ignore[no-untyped-def]
    if schema_editor.connection.vendor == "postgresql":
        for name, table, events in POSTGRES_TRIGGERS:
            schema_editor.execute(
                f"CREATE TRIGGER {name} AFTER {events} ON {table} "
                "FOR EACH STATEMENT EXECUTE FUNCTION putright_config_changed()",
                params=None,
            )
            schema_editor.execute(f"ALTER TABLE {table} ENABLE ALWAYS TRIGGER {name}", params=None)
        return
    for name, table, events in SQLITE_TRIGGERS:
        schema_editor.execute(
            f"CREATE TRIGGER {name} AFTER {events} ON {table} BEGIN {SQLITE_BODY} END", params=None
        )


def backwards(apps, schema_editor):  # type: ignore[no-untyped-def]
    postgres = schema_editor.connection.vendor == "postgresql"
    for name, table, _ in POSTGRES_TRIGGERS if postgres else SQLITE_TRIGGERS:
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {name}" + (f" ON {table}" if postgres else ""))


class Migration(migrations.Migration):
    dependencies = [("accounts", "0006_export_record"), ("landlord", "0007_config_version")]

    operations = [migrations.RunPython(forwards, backwards)]
