"""Tokens issued before expiry existed get one 90 days from the migration, and it can be undone."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

BEFORE = [("accounts", "0002_signin_limits_and_second_factor")]
WITH_EXPIRY = [("accounts", "0003_apitoken_expires_at")]


def migrate(targets: list[tuple[str, str]]) -> MigrationExecutor:
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return MigrationExecutor(connection)


@pytest.mark.django_db(transaction=True)
def test_existing_tokens_expire_90_days_after_the_migration_and_it_reverses():
    latest = MigrationExecutor(connection).loader.graph.leaf_nodes("accounts")
    try:
        old_apps = migrate(BEFORE).loader.project_state(BEFORE).apps
        user = old_apps.get_model("accounts", "User").objects.create(username="olive")
        old_apps.get_model("accounts", "ApiToken").objects.create(
            user=user, token_hash="a" * 64, prefix="pr_aaaaa"
        )
        started = timezone.now()
        new_apps = migrate(WITH_EXPIRY).loader.project_state(WITH_EXPIRY).apps
        token = new_apps.get_model("accounts", "ApiToken").objects.get()
        assert started + timedelta(days=90) <= token.expires_at <= timezone.now() + timedelta(days=90)
        back_apps = migrate(BEFORE).loader.project_state(BEFORE).apps
        assert back_apps.get_model("accounts", "ApiToken").objects.get().token_hash == "a" * 64
    finally:
        migrate(latest)
