"""Who may do what with self-assessments. Every view asks here.

- Complaints officer and administrator: start, answer, upload, import and export,
  sample for quality assurance, complete and publish.
- Governance (the governing body's members and secretariat): read everything and
  approve a version with the governing body's response; change nothing else.
- Handlers and reviewers: no access. The assessment is a governance document, and its
  QA scores judge individual handlers' work.
- Anyone, signed in or not: the published version only (Code 8.2).
"""

from __future__ import annotations

from typing import Any

from putright.core.roles import OVERSIGHT, Role, has_role

EDIT_ROLES = OVERSIGHT
READ_ROLES = EDIT_ROLES | {Role.GOVERNANCE}
APPROVE_ROLES = frozenset({Role.GOVERNANCE})


def access_can_read_assessment(user: Any) -> bool:
    return has_role(user, READ_ROLES)


def access_can_edit_assessment(user: Any) -> bool:
    return has_role(user, EDIT_ROLES)


def access_can_approve_assessment(user: Any) -> bool:
    return has_role(user, APPROVE_ROLES)
