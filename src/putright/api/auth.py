"""Bearer-token authentication: `Authorization: Bearer <token>` from `putright token create`.

A token that is unknown, revoked, expired or whose user is deactivated is refused alike: 401.
A known token over its rate limit is refused with 429 (`putright.api.app`).

Each process keeps the tokens it has found valid, with their user, under the configuration
token (`putright.landlord.config`, ADR 8): triggers draw a new one when a user changes or a
token is made, revoked, re-dated or removed (accounts migration 0007), so a request after
such a change, in any process, looks the token up again. Only the version is read per
request (one small query instead of the token joined to its user). Expiry needs no write,
so it is checked on every request against the clock. Unknown tokens are never kept: a
client guessing tokens cannot grow the cache.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from ninja.security import HttpBearer

from putright.accounts.models import ApiToken, User, hash_token
from putright.accounts.services.api_limits import api_limit, api_request_admit
from putright.landlord.config import CONFIG


@dataclass(frozen=True)
class _Valid:
    token_id: int
    token_hash: str
    expires_at: datetime
    # Shared by the requests of this process: each request gets its own copy.
    user: User


def _found(token_hash: str) -> _Valid | None:
    found = (
        ApiToken.objects.select_related("user")
        .filter(token_hash=token_hash, revoked_at__isnull=True, user__is_active=True)
        .first()
    )
    if found is None:
        return None
    return _Valid(found.pk, found.token_hash, found.expires_at, found.user)


class TokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> Any:
        if not token or len(token) > 200:
            return None
        now = timezone.now()
        digest = hash_token(token)
        valid = CONFIG.get_found(f"api-token:{digest}", lambda: _found(digest))
        if valid is None or valid.expires_at <= now:
            return None
        # Raises TooManyAttempts (429) over the token's rate limit. Usually served from this
        # process's block of counted requests, so the token's row is not written on every request.
        api_request_admit(token_id=valid.token_id, token_hash=valid.token_hash, limit=api_limit(), now=now)
        # A copy: a request may cache things on its user (permissions, roles) that another
        # request must not see.
        user = copy.copy(valid.user)
        request.user = user
        return user
