"""Who may do what with staff accounts. Every account page asks here."""

from __future__ import annotations

from typing import Any


def access_can_manage_own_second_factor(user: Any) -> bool:
    """Any active signed-in member of staff sets up and proves their own authenticator, and only their own."""
    return bool(user is not None and getattr(user, "is_authenticated", False) and user.is_active)


def access_can_manage_staff(user: Any) -> bool:
    """Only an active administrator changes roles and deactivates leavers."""
    return bool(
        user is not None
        and getattr(user, "is_authenticated", False)
        and user.is_active
        and getattr(user, "role", None) == "administrator"
    )
