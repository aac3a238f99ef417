"""The per-token API rate limit: a fixed window per clock minute, counted on the token's row."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from django.core.checks import run_checks
from django.db import connection
from django.test.utils import CaptureQueriesContext

from putright.accounts.errors import TooManyAttempts
from putright.accounts.models import ApiToken
from putright.accounts.services.api_limits import (
    Limit,
    api_limit,
    api_request_admit,
    api_request_record,
    block_size,
    window_start,
)
from putright.accounts.services.tokens import api_token_issue

pytestmark = pytest.mark.django_db

T = datetime(2026, 12, 1, 10, 0, 30, tzinfo=UTC)
THREE = Limit(requests=3)


@pytest.fixture
def token(handler):
    return api_token_issue(user=handler, now=T - timedelta(days=1))[0]


def take(token: ApiToken, at: datetime, limit: Limit = THREE) -> bool:
    try:
        api_request_record(token_id=token.pk, limit=limit, now=at)
    except TooManyAttempts:
        return False
    return True


def test_a_window_is_the_clock_minute_holding_the_moment():
    ten = datetime(2026, 12, 1, 10, 0, tzinfo=UTC)
    for moment in (ten, T, ten + timedelta(seconds=59, microseconds=999999)):
        assert window_start(now=moment, window=timedelta(minutes=1)) == ten
    assert window_start(now=ten + timedelta(minutes=1), window=timedelta(minutes=1)) == ten + timedelta(
        minutes=1
    )


def test_requests_past_the_limit_in_one_minute_are_refused_until_the_minute_ends(token):
    assert [take(token, T + timedelta(seconds=s)) for s in (0, 10, 20)] == [True, True, True]
    with pytest.raises(TooManyAttempts) as refused:
        api_request_record(token_id=token.pk, limit=THREE, now=T + timedelta(seconds=25))
    assert refused.value.until == datetime(2026, 12, 1, 10, 1, tzinfo=UTC)


def test_the_next_minute_starts_a_fresh_count(token):
    assert [take(token, T) for _ in range(4)] == [True, True, True, False]
    next_minute = datetime(2026, 12, 1, 10, 1, tzinfo=UTC)
    assert [take(token, next_minute) for _ in range(4)] == [True, True, True, False]


def test_a_refused_request_is_not_counted_and_does_not_move_last_used(token):
    for _ in range(3):
        take(token, T)
    for _ in range(10):
        assert not take(token, T + timedelta(seconds=5))
    token.refresh_from_db()
    assert (token.window_requests, token.last_used_at) == (3, T)


def test_a_counted_request_records_the_last_use(token):
    take(token, T)
    token.refresh_from_db()
    assert (token.window_started_at, token.window_requests, token.last_used_at) == (T.replace(second=0), 1, T)


def test_each_token_has_its_own_count(token, handler):
    other, _ = api_token_issue(user=handler, now=T - timedelta(days=1))
    assert [take(token, T) for _ in range(4)] == [True, True, True, False]
    assert take(other, T)


def test_a_window_stamped_by_a_server_whose_clock_runs_ahead_counts_as_the_current_one(token):
    ahead = datetime(2026, 12, 1, 10, 1, 0, 500000, tzinfo=UTC)
    assert [take(token, ahead) for _ in range(3)] == [True, True, True]
    assert not take(token, T + timedelta(seconds=29))
    token.refresh_from_db()
    assert token.window_started_at == ahead.replace(microsecond=0)


def test_counting_a_request_is_one_statement(token):
    with CaptureQueriesContext(connection) as queries:
        take(token, T)
        take(token, T)
    assert len(queries) == 2
    assert all(q["sql"].startswith("UPDATE") for q in queries.captured_queries)


def admit(token: ApiToken, at: datetime, limit: Limit) -> bool:
    try:
        api_request_admit(token_id=token.pk, token_hash=token.token_hash, limit=limit, now=at)
    except TooManyAttempts:
        return False
    return True


def test_a_process_counts_requests_in_blocks_of_up_to_20_and_at_most_a_thirtieth_of_the_limit():
    assert [block_size(Limit(requests=n)) for n in (1, 3, 59, 60, 100, 600, 10_000)] == [
        1,
        1,
        1,
        2,
        3,
        20,
        20,
    ]


def test_a_process_serves_its_block_without_writing_the_tokens_row_again(token):
    limit = Limit(requests=600)
    with CaptureQueriesContext(connection) as queries:
        assert all(admit(token, T, limit) for _ in range(20))
    assert len(queries) == 1
    token.refresh_from_db()
    assert (token.window_requests, token.last_used_at) == (20, T)
    with CaptureQueriesContext(connection) as queries:
        assert admit(token, T + timedelta(seconds=1), limit)
    assert len(queries) == 1
    token.refresh_from_db()
    assert token.window_requests == 40


def test_blocks_never_take_a_token_past_its_limit_when_other_processes_count_too(token):
    limit = Limit(requests=60)  # blocks of 2
    # Other processes have counted 57 of the minute's 60.
    assert api_request_record(token_id=token.pk, limit=limit, now=T, wanted=57) == 57
    # A block of 2, then (with only 1 left) that one: 3 more, and nothing past the limit.
    assert [admit(token, T, limit) for _ in range(5)] == [True, True, True, False, False]
    token.refresh_from_db()
    assert token.window_requests == 60


def test_a_block_left_over_from_the_last_minute_is_not_used_in_the_next(token):
    limit = Limit(requests=60)
    assert admit(token, T, limit)  # counts 2, serves 1: one left over in this minute
    next_minute = datetime(2026, 12, 1, 10, 1, tzinfo=UTC)
    with CaptureQueriesContext(connection) as queries:
        assert admit(token, next_minute, limit)
    assert len(queries) == 1
    token.refresh_from_db()
    assert (token.window_started_at, token.window_requests) == (next_minute, 2)


def test_the_limit_comes_from_the_setting_when_asked(settings):
    assert api_limit() == Limit(requests=600)
    settings.PUTRIGHT_API_RATE_PER_MINUTE = 5
    assert api_limit() == Limit(requests=5, window=timedelta(minutes=1))


@pytest.mark.parametrize("rate", [0, -1, "600"])
def test_a_rate_that_would_refuse_everything_fails_the_system_check(settings, rate):
    settings.PUTRIGHT_API_RATE_PER_MINUTE = rate
    assert "accounts.E002" in {message.id for message in run_checks()}


def test_the_default_rate_passes_the_system_check():
    assert "accounts.E002" not in {message.id for message in run_checks()}
