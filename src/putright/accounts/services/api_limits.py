"""API request limits per token, counted in the database so they hold across every app process.

A fixed window: each token may make `PUTRIGHT_API_RATE_PER_MINUTE` requests (600 by
default) in each clock minute, counted on the token's own row (ASVS 11.1.4: anti-automation
against excessive calls). Unlike the sign-in and portal limits, which keep one row
per attempt and count them over a sliding window, an API client may make hundreds of
requests a minute: one counter per token keeps the cost to one small UPDATE a request
and the table from growing. A refused request is not counted, so a client that waits
for `Retry-After` gets the full allowance of the next window.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.db.models import Case, DateTimeField, F, PositiveIntegerField, Q, Value, When

from putright.accounts.errors import TooManyAttempts
from putright.accounts.models import ApiToken

MINUTE = timedelta(minutes=1)


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


def api_request_record(*, token_id: int, limit: Limit, now: datetime) -> None:
    """Count one request with the token and record `now` as its last use; if the token has
    used up its window, count nothing and raise `TooManyAttempts` until the window ends.

    One conditional UPDATE both checks and counts, so requests arriving together in any
    number of processes cannot count past the limit. A token whose window is older than
    the current one starts again at 1; a window stamped later than `now`'s (a server
    whose clock runs slightly ahead) is treated as the current one.
    """
    start = window_start(now=now, window=limit.window)
    new_window = Q(window_started_at__isnull=True) | Q(window_started_at__lt=start)
    counted = (
        ApiToken.objects.filter(pk=token_id)
        .filter(new_window | Q(window_requests__lt=limit.requests))
        .update(
            window_requests=Case(
                When(new_window, then=Value(1)),
                default=F("window_requests") + 1,
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
    if not counted:
        raise TooManyAttempts(start + limit.window)
