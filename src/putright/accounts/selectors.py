"""Account reads: API tokens for `putright token list`."""

from __future__ import annotations

from django.db.models import QuerySet

from putright.accounts.models import ApiToken


def api_tokens(*, username: str | None = None) -> QuerySet[ApiToken]:
    """Tokens with their user, oldest first; with `username`, only that user's."""
    tokens = ApiToken.objects.select_related("user").order_by("created_at", "id")
    if username is not None:
        tokens = tokens.filter(user__username=username)
    return tokens
