"""A change to a staff member's authenticator draws a new configuration token.

The staff sign-in backend keeps each signed-in user, with their authenticator joined, in
each process under the configuration token (`putright.accounts.backends`, ADR 8), as the API
keeps tokens (migration 0007): so a new, replaced or removed authenticator (and each code
used, which moves `last_step`) is seen by every process on its next request.
"""

from django.db import migrations

# ruff: noqa: S608 -- every statement is built from this module's constants, never from input.

SQLITE_TOKEN = "lower(hex(randomblob(16)))"  # noqa: S105 -- SQL, not a secret
SQLITE_BODY = f"""
  UPDATE landlord_configversion SET token = {SQLITE_TOKEN} WHERE id = 1;
  INSERT INTO landlord_configversion (id, token) SELECT 1, {SQLITE_TOKEN}
  WHERE NOT EXISTS (SELECT 1 FROM landlord_configversion WHERE id = 1);
"""
TABLE = "accounts_totpdevice"
EVENTS = ("insert", "update", "delete")


def forwards(apps, schema_editor):  # type: ignore[no-untyped-def]
    if schema_editor.connection.vendor == "postgresql":
        name = f"{TABLE}_config_changed"
        schema_editor.execute(
            f"CREATE TRIGGER {name} AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON {TABLE} "
            "FOR EACH STATEMENT EXECUTE FUNCTION putright_config_changed()",
            params=None,
        )
        schema_editor.execute(f"ALTER TABLE {TABLE} ENABLE ALWAYS TRIGGER {name}", params=None)
        return
    for event in EVENTS:
        schema_editor.execute(
            f"CREATE TRIGGER {TABLE}_config_{event} AFTER {event.upper()} ON {TABLE} BEGIN {SQLITE_BODY} END",
            params=None,
        )


def backwards(apps, schema_editor):  # type: ignore[no-untyped-def]
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {TABLE}_config_changed ON {TABLE}")
        return
    for event in EVENTS:
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {TABLE}_config_{event}")


class Migration(migrations.Migration):
    dependencies = [("accounts", "0007_credentials_change_config_version")]

    operations = [migrations.RunPython(forwards, backwards)]
