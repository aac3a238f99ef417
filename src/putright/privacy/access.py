"""Who may use the privacy tools. Commands run as the operator; the staff pages ask here."""

from __future__ import annotations

from typing import Any

from putright.accounts.models import Role

OVERSIGHT_ROLES = frozenset({Role.COMPLAINTS_OFFICER, Role.ADMINISTRATOR})


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
    return _role(user) in OVERSIGHT_ROLES


def access_can_review_retention(user: Any) -> bool:
    """Who is due to be anonymised (names and dates, no special category data): officer and
    administrators. Nobody anonymises from a page: `putright retention apply` does."""
    return _role(user) in OVERSIGHT_ROLES


def access_can_use_privacy_tools(user: Any) -> bool:
    """Any of the privacy pages: what the staff navigation offers a link for."""
    return (
        access_can_export_subject_data(user)
        or access_can_read_access_log(user)
        or access_can_review_retention(user)
    )
