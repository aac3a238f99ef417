"""API request limits per token, counted in the database so they hold across every app process.

A fixed window: each token may make `PUTRIGHT_API_RATE_PER_MINUTE` requests (600 by
default) in each clock minute, counted on the token's own row (ASVS 11.1.4: anti-automation
against excessive calls). Unlike the sign-in and portal limits, which keep one row
per attempt and count them over a sliding window, an API client may make hundreds of
requests a minute: one counter per token keeps the table from growing. A refused request
is not counted, so a client that waits for `Retry-After` gets the full allowance of the
next window.

Each app process takes the token's requests from the counter in blocks (`api_request_admit`):
one conditional UPDATE counts a block of up to 20 requests, and the process serves that
many from memory before it writes again. So a read does not write on every request (on
SQLite every write takes the database's one write lock, and a long writer would hold up
every API read behind it), and the counter still never lets a token past its limit in
any number of processes. The cost: a block taken by one process and not used up by the
end of the minute is lost, so a client spread over P processes may be refused up to
(P - 1) x 19 requests before the limit; at a limit below 60 a minute blocks are of one
request and the count is exact.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.db.models import Case, DateTimeField, F, PositiveIntegerField, Q, Value, When

from putright.accounts.errors import TooManyAttempts
from putright.accounts.models import ApiToken

MINUTE = timedelta(minutes=1)
# A block is at most this many requests, and at most 1/BLOCK_SHARE of the limit, so that
# blocks lost at the end of a minute in other processes cost a client little of its limit.
BLOCK_MAX = 20
BLOCK_SHARE = 30


@dataclass(frozen=True)
class Limit:
    requests: int
    window: timedelta = MINUTE


def api_limit() -> Limit:
    """The limit in force, read when asked so that tests (and a changed setting) can lower it."""
    return Limit(requests=settings.PUTRIGHT_API_RATE_PER_MINUTE)


def window_start(*, now: datetime, window: timedelta) -> datetime:
    """The start of the fixed window holding `now`. Windows are counted from the Unix epoch,
    so a one-minute window is a clock minute: 10:00:00 up to but not including 10:01:00 UTC."""
    seconds = window.total_seconds()
    return datetime.fromtimestamp(now.timestamp() // seconds * seconds, tz=UTC)


def block_size(limit: Limit) -> int:
    """How many requests a process takes from the counter at once under `limit`."""
    return max(1, min(BLOCK_MAX, limit.requests // BLOCK_SHARE))


def api_request_record(*, token_id: int, limit: Limit, now: datetime, wanted: int = 1) -> int:
    """Count `wanted` requests (or, with fewer left in the window, one) with the token and
    record `now` as its last use; returns how many were counted. If the token has used up
    its window, count nothing and raise `TooManyAttempts` until the window ends.

    One conditional UPDATE both checks and counts, so requests arriving together in any
    number of processes cannot count past the limit. A token whose window is older than
    the current one starts again. A window stamped later than `now`'s (a server whose clock
    runs slightly ahead) is treated as the current one.
    """
    start = window_start(now=now, window=limit.window)
    for asked in dict.fromkeys((min(wanted, limit.requests), 1)):
        if _count(token_id=token_id, limit=limit, start=start, now=now, asked=asked):
            return asked
    raise TooManyAttempts(start + limit.window)


def _count(*, token_id: int, limit: Limit, start: datetime, now: datetime, asked: int) -> bool:
    new_window = Q(window_started_at__isnull=True) | Q(window_started_at__lt=start)
    return bool(
        ApiToken.objects.filter(pk=token_id)
        .filter(new_window | Q(window_requests__lte=limit.requests - asked))
        .update(
            window_requests=Case(
                When(new_window, then=Value(asked)),
                default=F("window_requests") + asked,
                output_field=PositiveIntegerField(),
            ),
            window_started_at=Case(
                When(new_window, then=Value(start)),
                default=F("window_started_at"),
                output_field=DateTimeField(),
            ),
            last_used_at=now,
        )
    )


# Requests this process has counted and not yet served, per (token hash, limit): the window
# they were counted in and how many are left. Keyed by the token's hash, not its id, so that
# a new token never inherits another's block (ids are reused after a rollback on SQLite).
_held: dict[tuple[str, int], tuple[datetime, int]] = {}
_held_lock = threading.Lock()


def api_request_admit(*, token_id: int, token_hash: str, limit: Limit, now: datetime) -> None:
    """Admit one request with the token, from this process's block when it has one left for
    the current window, otherwise by counting a new block (`api_request_record`); raises
    `TooManyAttempts` when the token's window is used up.

    `last_used_at` is therefore written when a block is counted: at most a minute behind.
    """
    start = window_start(now=now, window=limit.window)
    key = (token_hash, limit.requests)
    with _held_lock:
        window, left = _held.get(key, (start, 0))
        if window == start and left > 0:
            _held[key] = (start, left - 1)
            return
    counted = api_request_record(token_id=token_id, limit=limit, now=now, wanted=block_size(limit))
    with _held_lock:
        for stale in [k for k, (w, _) in _held.items() if w < start]:
            del _held[stale]
        window, left = _held.get(key, (start, 0))
        _held[key] = (start, (left if window == start else 0) + counted - 1)
