"""What the session says about the second factor: which user proved it, and how."""

from __future__ import annotations

from typing import Any

from django.conf import settings

VERIFIED_KEY = "putright_2fa_user"
PENDING_SECRET_KEY = "putright_2fa_pending"  # noqa: S105  (a session key name, not a secret)
NEW_CODES_KEY = "putright_2fa_new_codes"
MODES = ("required", "optional")


def second_factor_mode() -> str:
    return str(getattr(settings, "PUTRIGHT_STAFF_2FA", "required"))


def session_verified(request: Any) -> bool:
    user = getattr(request, "user", None)
    return bool(user and user.is_authenticated and request.session.get(VERIFIED_KEY) == user.pk)


def session_mark_verified(request: Any) -> None:
    """Record the proof, under a new session key so a key seen before this point is worthless."""
    request.session.cycle_key()
    request.session[VERIFIED_KEY] = request.user.pk
