"""Who may use the privacy tools. Commands run as the operator; future staff pages ask here."""

from __future__ import annotations

from typing import Any

from putright.accounts.models import Role


def _role(user: Any) -> str | None:
    if user is None or not getattr(user, "is_authenticated", False) or not getattr(user, "is_active", False):
        return None
    return getattr(user, "role", None)


def access_can_export_subject_data(user: Any) -> bool:
    """A subject access export holds special category data: the complaints officer only."""
    return _role(user) == Role.COMPLAINTS_OFFICER


def access_can_erase(user: Any) -> bool:
    return _role(user) == Role.COMPLAINTS_OFFICER


def access_can_read_access_log(user: Any) -> bool:
    """Who viewed whose special category data: those who oversee (officer) and audit (administrator)."""
    return _role(user) in {Role.COMPLAINTS_OFFICER, Role.ADMINISTRATOR}
