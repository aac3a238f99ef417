"""Who may use the privacy tools. Commands run as the operator; the staff pages ask here."""

from __future__ import annotations

from typing import Any

from putright.core.roles import OVERSIGHT, Role, has_role, role_of


def access_can_export_subject_data(user: Any) -> bool:
    """A subject access export holds special category data: the complaints officer only."""
    return role_of(user) == Role.COMPLAINTS_OFFICER


def access_can_erase(user: Any) -> bool:
    return role_of(user) == Role.COMPLAINTS_OFFICER


def access_can_read_access_log(user: Any) -> bool:
    """Who viewed whose special category data: those who oversee (officer) and audit (administrator)."""
    return has_role(user, OVERSIGHT)


def access_can_review_retention(user: Any) -> bool:
    """Who is due to be anonymised (names and dates, no special category data): officer and
    administrators. Nobody anonymises from a page: `putright retention apply` does."""
    return has_role(user, OVERSIGHT)


def access_can_use_privacy_tools(user: Any) -> bool:
    """Any of the privacy pages: what the staff navigation offers a link for."""
    return (
        access_can_export_subject_data(user)
        or access_can_read_access_log(user)
        or access_can_review_retention(user)
    )
