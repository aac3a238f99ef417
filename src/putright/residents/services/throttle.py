"""Rate limits counted in the database, so they hold across every app process.

Each bucket names a keyed hash of what is limited (an email address, an IP address),
so the table never holds a raw address of someone who is not a resident.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import transaction
from django.utils.crypto import salted_hmac

from putright.residents.models import RateLimitHit

HOUR = timedelta(hours=1)
# Old hits are cleared as new ones arrive, so the table stays small without a job.
KEEP_FOR = timedelta(days=1)


@dataclass(frozen=True)
class Limit:
    name: str
    attempts: int
    window: timedelta = HOUR


# Asking for a sign-in code: per email address (e.g. 5 an hour) and per connection.
SIGN_IN_PER_EMAIL = Limit("signin-email", 5)
SIGN_IN_PER_IP = Limit("signin-ip", 10)
# Wrong codes: each code also dies after 5 wrong tries; these cap guessing across codes.
CODE_GUESS_PER_EMAIL = Limit("guess-email", 10)
CODE_GUESS_PER_IP = Limit("guess-ip", 20)
# Complaints sent from one connection. Generous: a housing office or library shares one address.
COMPLAIN_PER_IP = Limit("complain-ip", 10)
# Confirmation emails: the complaint form mails any address typed into it, so without these
# the landlord's mail server is a relay for whoever fills the form in. A complaint over the
# limit is still recorded and its reference shown on the page; only the email is held back.
CONFIRM_PER_EMAIL = Limit("confirm-email", 3, timedelta(days=1))
CONFIRM_PER_IP = Limit("confirm-ip", 5)


def bucket_for(limit: Limit, value: str) -> str:
    digest = salted_hmac("putright.residents.throttle", value.strip().lower()).hexdigest()[:40]
    return f"{limit.name}:{digest}"


def throttle_used(*, limit: Limit, value: str, now: datetime) -> int:
    return RateLimitHit.objects.filter(bucket=bucket_for(limit, value), at__gt=now - limit.window).count()


def throttle_allows(*, limit: Limit, value: str, now: datetime) -> bool:
    """Whether one more attempt fits in the window. Does not count one."""
    return throttle_used(limit=limit, value=value, now=now) < limit.attempts


def throttle_hit(*, limit: Limit, value: str, now: datetime) -> None:
    """Count one attempt."""
    with transaction.atomic():
        RateLimitHit.objects.filter(at__lt=now - KEEP_FOR).delete()
        RateLimitHit.objects.create(bucket=bucket_for(limit, value), at=now)


def throttle_take(*, limit: Limit, value: str, now: datetime) -> bool:
    """Count one attempt if it fits in the window; False (and nothing counted) if not."""
    if not throttle_allows(limit=limit, value=value, now=now):
        return False
    throttle_hit(limit=limit, value=value, now=now)
    return True
