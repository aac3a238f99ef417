"""Who may see and do what in governance. Every governance view asks here.

Reports are for the complaints officer, governance and administrators
(`putright.cases.access.access_can_view_reports`). The governance role reads
anonymised data only: no names, contact details, addresses or free text. Recording
learning, the Ombudsman's cases and publishing are for the complaints officer and
administrators (the complaints officer liaises with the Ombudsman, Code 4.1).
"""

from __future__ import annotations

from typing import Any

from putright.cases.access import access_can_view_reports
from putright.core.roles import OVERSIGHT, has_role


def access_can_view_governance(user: Any) -> bool:
    return access_can_view_reports(user)


def access_can_manage_governance(user: Any) -> bool:
    """Record learning, the Ombudsman's cases, annual reports; publish documents."""
    return has_role(user, OVERSIGHT)


def access_can_record_governing_body_response(user: Any) -> bool:
    """The governing body's response to the annual report (8.2): governance, or the officer for it."""
    return access_can_view_reports(user)


def access_sees_personal_data(user: Any) -> bool:
    """Names, contact details, addresses and free text. Never the governance role (anonymised)."""
    return has_role(user, OVERSIGHT)
