"""Shared fixtures: staff users for each role, API clients, and a fixed clock for the services."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone
from hypothesis import settings as hypothesis_settings

from putright.accounts.models import Role, User
from putright.accounts.services.tokens import api_token_issue

# Timing goals live in benchmarks, never in tests: Hypothesis's per-example deadline
# turns a busy machine into a failing test, so it is off for the whole suite.
hypothesis_settings.register_profile("putright", deadline=None)
hypothesis_settings.load_profile("putright")

# A fixed "now" for service calls: Tuesday 1 December 2026, 10:00 in London.
NOW = datetime(2026, 12, 1, 10, 0, tzinfo=UTC)


@pytest.fixture
def now() -> datetime:
    return NOW


@pytest.fixture
def make_user(db: Any) -> Callable[..., User]:
    counter = {"n": 0}

    def make(role: str = Role.HANDLER, username: str | None = None) -> User:
        counter["n"] += 1
        name = username or f"{role}{counter['n']}"
        user = User.objects.create_user(username=name, password="correct horse battery", role=role)
        return user

    return make


@pytest.fixture
def handler(make_user: Callable[..., User]) -> User:
    return make_user(Role.HANDLER, "hana")


@pytest.fixture
def reviewer(make_user: Callable[..., User]) -> User:
    return make_user(Role.REVIEWER, "rory")


@pytest.fixture
def officer(make_user: Callable[..., User]) -> User:
    return make_user(Role.COMPLAINTS_OFFICER, "olive")


class ApiClient:
    """The Django test client with a bearer token and JSON bodies."""

    def __init__(self, token: str) -> None:
        self.client = Client(HTTP_AUTHORIZATION=f"Bearer {token}")

    def get(self, path: str, **params: Any) -> Any:
        return self.client.get(f"/api/v1{path}", params)

    def post(self, path: str, body: dict[str, Any] | None = None, **headers: Any) -> Any:
        return self.client.post(
            f"/api/v1{path}", body or {}, content_type="application/json", headers=headers
        )


@pytest.fixture
def api_for(db: Any) -> Callable[[User], ApiClient]:
    def make(user: User) -> ApiClient:
        # The API reads the real clock, so tokens are issued on it rather than at NOW.
        _, raw = api_token_issue(user=user, now=timezone.now())
        return ApiClient(raw)

    return make


def _uses_database(request: pytest.FixtureRequest) -> bool:
    names = set(request.fixturenames)
    return bool(
        request.node.get_closest_marker("django_db")
        or names & {"db", "transactional_db", "django_db_reset_sequences", "live_server"}
    )


@pytest.fixture(autouse=True)
def open_counts_match_the_record(request: pytest.FixtureRequest) -> Any:
    """After every test that touches the database, the kept open-complaint counts
    (`cases.models.open_counts`, written by triggers) sum to exactly what counting the
    complaints gives: whatever path the test took to change them (issue 21)."""
    if not _uses_database(request):
        yield
        return
    # Set up the test's database first, so this check runs before its rollback or flush.
    request.getfixturevalue("_django_db_helper")
    yield
    from django.db import connection

    from tests.open_counts import open_counts_live, open_counts_stored

    if connection.connection is None or connection.closed_in_transaction:
        return  # the test closed its connection (a command's exit): its changes are gone
    assert open_counts_stored() == open_counts_live(), "OpenCount differs from the complaints it counts"


@pytest.fixture(autouse=True)
def config_cache_starts_empty() -> None:
    """Each test starts with nothing cached (ADR 8), so what a page costs in queries does not
    depend on which test ran before. Not for correctness: a rolled-back test's version token
    never comes back, so nothing it cached is served again."""
    from putright.landlord.config import CONFIG

    CONFIG.clear()
