"""Staff sign-in limits, counted in the database so they hold across every app process.

After 5 failures for one username, or 20 from one connection, within 15 minutes,
sign-in for that username or connection is refused for 15 minutes (ASVS 2.2.1).
Unknown usernames are counted and locked like real ones, so a lock reveals nothing
about which accounts exist.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import transaction
from django.utils.crypto import salted_hmac

from putright.accounts.models import LoginFailure, LoginLock

WINDOW = timedelta(minutes=15)
LOCK_FOR = timedelta(minutes=15)
# Old failures are cleared as new ones arrive, so the table stays small without a job.
KEEP_FOR = timedelta(days=1)


@dataclass(frozen=True)
class Limit:
    name: str
    failures: int


PER_USERNAME = Limit("user", 5)
PER_IP = Limit("ip", 20)
# Wrong second-factor codes for one signed-in user: 10**6 codes, so 5 tries is ample.
PER_OTP_USER = Limit("otp", 5)


def bucket(limit: Limit, value: str) -> str:
    digest = salted_hmac("putright.accounts.signin", value.strip().lower()).hexdigest()[:40]
    return f"{limit.name}:{digest}"


def _buckets(*, username: str, ip: str) -> list[tuple[Limit, str]]:
    found = [(PER_USERNAME, bucket(PER_USERNAME, username))]
    if ip:
        found.append((PER_IP, bucket(PER_IP, ip)))
    return found


def locked_until(*, buckets: list[str], now: datetime) -> datetime | None:
    """The end of the latest lock still running on any of `buckets`, or None."""
    lock = LoginLock.objects.filter(bucket__in=buckets, until__gt=now).order_by("-until").first()
    return lock.until if lock else None


def signin_locked_until(*, username: str, ip: str, now: datetime) -> datetime | None:
    return locked_until(buckets=[b for _, b in _buckets(username=username, ip=ip)], now=now)


def failure_record(*, limits: list[tuple[Limit, str]], now: datetime) -> datetime | None:
    """Count one failure in each bucket; lock any bucket that reaches its limit. Returns the lock's end."""
    until = None
    with transaction.atomic():
        LoginFailure.objects.filter(at__lt=now - KEEP_FOR).delete()
        LoginLock.objects.filter(until__lt=now - KEEP_FOR).delete()
        for limit, name in limits:
            LoginFailure.objects.create(bucket=name, at=now)
            recent = LoginFailure.objects.filter(bucket=name, at__gt=now - WINDOW).count()
            if recent >= limit.failures:
                LoginLock.objects.create(bucket=name, until=now + LOCK_FOR, created_at=now)
                # A fresh count after the lock ends, rather than an instant relock on one slip.
                LoginFailure.objects.filter(bucket=name).delete()
                until = now + LOCK_FOR
    return until


def signin_failure_record(*, username: str, ip: str, now: datetime) -> datetime | None:
    return failure_record(limits=_buckets(username=username, ip=ip), now=now)


def signin_success_record(*, username: str) -> None:
    """A correct password clears the username's count; the connection's count stays."""
    LoginFailure.objects.filter(bucket=bucket(PER_USERNAME, username)).delete()
