"""Bearer-token authentication: `Authorization: Bearer <token>` from `putright token create`.

A token that is unknown, revoked, expired or whose user is deactivated is refused alike: 401.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from ninja.security import HttpBearer

from putright.accounts.models import ApiToken, hash_token


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
        # One write a minute at most: keeps "last used" useful without a write per request.
        if found.last_used_at is None or (now - found.last_used_at).total_seconds() > 60:
            ApiToken.objects.filter(pk=found.pk).update(last_used_at=now)
        request.user = found.user
        return found.user
