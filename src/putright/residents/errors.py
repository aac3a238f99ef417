"""Errors a resident can act on, beside the case errors in `putright.core.errors`."""

from __future__ import annotations

from putright.core.errors import CaseError


class TooManyAttempts(CaseError):
    """A rate limit was reached. The message says how long to wait and another way in."""


class SignInFailed(CaseError):
    """A code or link did not sign anyone in. The same message whatever the reason."""


class NotReachable(CaseError):
    """No complaint with that reference that this person may reach. Shown as "not found"."""
