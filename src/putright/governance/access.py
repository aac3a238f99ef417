"""Who may see and do what in governance. Every governance view asks here.

Reports are for the complaints officer, governance and administrators
(`putright.cases.access.access_can_view_reports`). The governance role reads
anonymised data only: no names, contact details, addresses or free text. Recording
learning, the Ombudsman's cases and publishing are for the complaints officer and
administrators (the complaints officer liaises with the Ombudsman, Code 4.1).
"""

from __future__ import annotations

from typing import Any

from putright.accounts.models import Role
from putright.cases.access import access_can_view_reports

MANAGE_ROLES = frozenset({Role.COMPLAINTS_OFFICER, Role.ADMINISTRATOR})
PERSONAL_DATA_ROLES = frozenset({Role.COMPLAINTS_OFFICER, Role.ADMINISTRATOR})


def _role(user: Any) -> str | None:
    if user is None or not getattr(user, "is_authenticated", False) or not getattr(user, "is_active", False):
        return None
    return getattr(user, "role", None)


def access_can_view_governance(user: Any) -> bool:
    return access_can_view_reports(user)


def access_can_manage_governance(user: Any) -> bool:
    """Record learning, the Ombudsman's cases, annual reports; publish documents."""
    return _role(user) in MANAGE_ROLES


def access_sees_personal_data(user: Any) -> bool:
    """Names, contact details, addresses and free text. Never the governance role (anonymised)."""
    return _role(user) in PERSONAL_DATA_ROLES
