"""PostgreSQL plans a repeated statement once per connection, not once per request (bench/README.md)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from django.db import connection

from putright.landlord.models import Category


def _database_settings(**env: str) -> dict[str, object]:
    """`DATABASES["default"]` as putright.settings builds it from this environment, read in a
    fresh interpreter (settings are read once, at start-up)."""
    code = "import json, putright.settings as s; print(json.dumps(s.DATABASES['default'], default=str))"
    environ = {**os.environ, "SECRET_KEY": "x" * 50, **env}
    out = subprocess.run(  # noqa: S603  (our own interpreter, a fixed script)
        [sys.executable, "-c", code], env=environ, capture_output=True, text=True, check=True
    )
    return dict(json.loads(out.stdout))


def test_postgresql_binds_on_the_server_and_prepares_repeated_statements_by_default():
    found = _database_settings(DATABASE_URL="postgres://u@db.example:5432/p?sslmode=require")
    assert found["OPTIONS"] == {"sslmode": "require", "server_side_binding": True, "prepare_threshold": 5}


def test_prepared_statements_can_be_turned_off_for_a_pooler_that_cannot_carry_them():
    found = _database_settings(
        DATABASE_URL="postgres://u@db.example:5432/p?sslmode=require", DB_PREPARED_STATEMENTS="false"
    )
    assert found["OPTIONS"] == {"sslmode": "require"}


@pytest.mark.django_db
def test_a_statement_run_five_times_is_prepared_on_the_connection():
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL prepares statements; SQLite caches its own")
    for _ in range(6):
        list(Category.objects.filter(active=True, slug="never-a-slug"))
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE %s", ["%never-a-slug%"]
        )
        by_value = cursor.fetchone()[0]
        cursor.execute(
            "SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE %s",
            ['%FROM "landlord_category" WHERE ("landlord_category"."active" AND%'],
        )
        prepared = cursor.fetchone()[0]
    # The value travels as a parameter, so one prepared statement serves every slug.
    assert by_value == 0
    assert prepared == 1
