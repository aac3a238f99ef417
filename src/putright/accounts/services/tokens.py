"""API tokens: issued with an expiry, revoked by id (ASVS 3.5.2, 3.5.3). The only writers of tokens.

A token is `pr_` and 256 random bits; only its SHA-256 is stored, so the secret is shown
once, when it is issued. `now` is passed in (read at the edge).
"""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta

from django.db import transaction

from putright.accounts.errors import TokenRefused
from putright.accounts.models import ApiToken, User, hash_token

DEFAULT_DAYS = 90
MAX_DAYS = 365


def api_token_issue(*, user: User, now: datetime, days: int = DEFAULT_DAYS) -> tuple[ApiToken, str]:
    """A new token for `user` that expires `days` days (1 to 365) from `now`, and its secret."""
    if not 1 <= days <= MAX_DAYS:
        raise TokenRefused(f"A token lasts from 1 to {MAX_DAYS} days, not {days}")
    raw = "pr_" + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user,
        token_hash=hash_token(raw),
        prefix=raw[:8],
        created_at=now,
        expires_at=now + timedelta(days=days),
    )
    return token, raw


def api_token_revoke(*, token_id: int, now: datetime) -> tuple[ApiToken, bool]:
    """Revoke the token `token_id` from `now`. Revoking a revoked token changes nothing.

    Returns the token and whether this call revoked it.
    """
    with transaction.atomic():
        # One conditional UPDATE: of two revocations at once, exactly one reports it did it.
        revoked = ApiToken.objects.filter(pk=token_id, revoked_at__isnull=True).update(revoked_at=now)
        token = ApiToken.objects.select_related("user").filter(pk=token_id).first()
    if token is None:
        raise TokenRefused(f"No API token with id {token_id}")
    return token, revoked == 1
