"""Each API token has a rate limit: past it the API answers 429 with Retry-After, in its JSON error shape."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from putright.accounts.services.api_limits import window_start

pytestmark = pytest.mark.django_db
MINUTE = timedelta(minutes=1)
NEW = {
    "resident": {"name": "Ada Lovelace"},
    "channel": "email",
    "received_at": "2026-11-30T09:00:00+00:00",
    "description": "My boiler has not been fixed.",
}


def in_one_minute(burst: Callable[[], list]) -> list:
    """Run `burst` (with a fresh token each time) until it starts and ends in the same clock minute."""
    for _ in range(3):
        began = window_start(now=timezone.now(), window=MINUTE)
        answers = burst()
        if window_start(now=timezone.now(), window=MINUTE) == began:
            return answers
    pytest.fail("the clock minute turned during every try")


@pytest.fixture
def low_limit(settings):
    settings.PUTRIGHT_API_RATE_PER_MINUTE = 3


def test_a_token_past_its_limit_gets_429_with_retry_after_and_the_api_error_shape(
    low_limit, api_for, officer
):
    def burst() -> list:
        api = api_for(officer)
        return [api.get("/complaints") for _ in range(5)]

    answers = in_one_minute(burst)
    assert [a.status_code for a in answers] == [200, 200, 200, 429, 429]
    refused = answers[3]
    assert refused["Content-Type"] == "application/json; charset=utf-8"
    assert set(refused.json()) == {"detail"}
    wait = int(refused["Retry-After"])
    assert 1 <= wait <= 60
    assert refused.json()["detail"] == f"Too many requests with this token: try again in {wait} seconds."


def test_a_refused_request_does_nothing(low_limit, api_for, officer):
    def burst() -> list:
        api = api_for(officer)
        return [api.post("/complaints", NEW) for _ in range(4)]

    answers = in_one_minute(burst)
    assert [a.status_code for a in answers][-1] == 429
    created = {a.json()["id"] for a in answers if a.status_code == 201}
    assert len(created) == 3


def test_the_limit_is_per_token_not_per_user(low_limit, api_for, officer):
    def burst() -> list:
        first, second = api_for(officer), api_for(officer)
        return [first.get("/complaints") for _ in range(4)] + [second.get("/complaints")]

    assert [a.status_code for a in in_one_minute(burst)] == [200, 200, 200, 429, 200]


def test_a_bad_token_is_still_refused_401_not_429(low_limit, api_for, officer):
    def burst() -> list:
        api_for(officer).get("/complaints")
        bad = Client(HTTP_AUTHORIZATION="Bearer pr_not-a-real-token")
        return [bad.get("/api/v1/complaints") for _ in range(5)]

    assert {a.status_code for a in in_one_minute(burst)} == {401}


def test_reads_with_a_token_do_not_write_its_row_on_every_request_17_11(api_for, officer):
    """Each write takes SQLite's one write lock: a read that wrote its rate count on every
    request stalled behind any long writer. A process now counts a block of 20 at once."""

    def burst() -> list:
        api = api_for(officer)
        with CaptureQueriesContext(connection) as queries:
            answers = [api.get("/complaints").status_code for _ in range(10)]
        writes = [q for q in queries.captured_queries if q["sql"].startswith('UPDATE "accounts_apitoken"')]
        return [answers, len(writes)]

    answers, writes = in_one_minute(burst)
    assert answers == [200] * 10
    assert writes == 1


def test_the_openapi_schema_documents_429_on_every_operation(client):
    schema = client.get("/api/v1/openapi.json").json()
    operations = [op for path in schema["paths"].values() for op in path.values()]
    assert operations
    assert all("429" in op["responses"] and "401" in op["responses"] for op in operations)
