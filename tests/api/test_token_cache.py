"""A token each process keeps (ADR 8) stops working on the next request after it should.

The API keeps the tokens it has found valid, with their user, under the configuration
version; database triggers draw a new version when a user changes or a token's validity
does. These tests warm the cache with one request, change the token or its user by each
kind of path, and expect the very next request to be refused (ASVS 3.5.3: revocation).
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from putright.accounts.models import ApiToken, User
from putright.accounts.services.tokens import api_token_issue, api_token_revoke
from putright.core.roles import Role

pytestmark = pytest.mark.django_db


def status(raw: str) -> int:
    return Client(HTTP_AUTHORIZATION=f"Bearer {raw}").get("/api/v1/complaints").status_code


@pytest.fixture
def issued(officer):
    token, raw = api_token_issue(user=officer, now=timezone.now())
    assert status(raw) == 200  # now cached in this process
    return token, raw


def test_a_revoked_token_is_refused_on_the_next_request(issued):
    token, raw = issued
    api_token_revoke(token_id=token.pk, now=timezone.now())
    assert status(raw) == 401


def test_a_token_revoked_by_a_bulk_update_is_refused_on_the_next_request(issued):
    token, raw = issued
    ApiToken.objects.filter(pk=token.pk).update(revoked_at=timezone.now())
    assert status(raw) == 401


def test_a_deleted_token_is_refused_on_the_next_request(issued):
    token, raw = issued
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM accounts_apitoken WHERE id = %s", [token.pk])
    assert status(raw) == 401


def test_a_deactivated_user_s_token_is_refused_on_the_next_request(issued, officer):
    _, raw = issued
    User.objects.filter(pk=officer.pk).update(is_active=False)
    assert status(raw) == 401


def test_a_changed_role_applies_on_the_next_request(issued, officer):
    _, raw = issued
    User.objects.filter(pk=officer.pk).update(role=Role.GOVERNANCE)
    assert status(raw) == 403


def test_a_token_past_its_expiry_is_refused_with_no_write_to_tell_the_cache(issued):
    token, raw = issued
    # Expiry is a moment, not a write: moved into the past without the triggers' knowledge
    # would be the same as time passing, so the check is against the clock on each request.
    ApiToken.objects.filter(pk=token.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    assert status(raw) == 401


def test_the_rate_limit_counting_does_not_empty_the_cache(issued):
    token, raw = issued
    ApiToken.objects.filter(pk=token.pk).update(window_requests=3, last_used_at=timezone.now())
    with CaptureQueriesContext(connection) as captured:
        assert status(raw) == 200
    assert not any('"accounts_apitoken"' in q["sql"] and "SELECT" in q["sql"] for q in captured)


def test_unknown_tokens_are_not_kept(officer):
    from putright.landlord.config import CONFIG

    for n in range(20):
        assert status(f"pr_guess{n}") == 401
    assert not [name for name in CONFIG._values if name.startswith("api-token:")]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's trigger firing modes")
def test_the_credential_triggers_fire_even_in_a_session_that_switches_triggers_off(db):
    with connection.cursor() as cursor:
        cursor.execute("SELECT tgname, tgenabled FROM pg_trigger WHERE tgname LIKE 'accounts%%_config_%%'")
        assert dict(cursor.fetchall()) == {
            "accounts_user_config_changed": "A",
            "accounts_apitoken_config_changed": "A",
            "accounts_apitoken_config_updated": "A",
            "accounts_totpdevice_config_changed": "A",
        }
