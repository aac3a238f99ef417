"""Who may do what with the complaints policy. Every page asks here.

- Complaints officer and administrator: start a draft, edit, import, map, send for approval.
- Governance (the governing body): read, approve or return the version sent to them.
- Handlers and reviewers: the published policy, like everyone, on the public site.
"""

from __future__ import annotations

from typing import Any

from putright.core.roles import OVERSIGHT, REPORTS, Role, has_role


def access_can_read_policy(user: Any) -> bool:
    return has_role(user, REPORTS)


def access_can_edit_policy(user: Any) -> bool:
    return has_role(user, OVERSIGHT)


def access_can_approve_policy(user: Any) -> bool:
    return has_role(user, {Role.GOVERNANCE})
