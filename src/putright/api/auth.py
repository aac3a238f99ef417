"""Bearer-token authentication: `Authorization: Bearer <token>` from `putright token create`.

A token that is unknown, revoked, expired or whose user is deactivated is refused alike: 401.
A known token over its rate limit is refused with 429 (`putright.api.app`).
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from ninja.security import HttpBearer

from putright.accounts.models import ApiToken, hash_token
from putright.accounts.services.api_limits import api_limit, api_request_admit


class TokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> Any:
        if not token or len(token) > 200:
            return None
        now = timezone.now()
        found = (
            ApiToken.objects.select_related("user")
            .filter(
                token_hash=hash_token(token),
                revoked_at__isnull=True,
                expires_at__gt=now,
                user__is_active=True,
            )
            .first()
        )
        if found is None:
            return None
        # Raises TooManyAttempts (429) over the token's rate limit. Usually served from this
        # process's block of counted requests, so the token's row is not written on every request.
        api_request_admit(token_id=found.pk, token_hash=found.token_hash, limit=api_limit(), now=now)
        request.user = found.user
        return found.user
