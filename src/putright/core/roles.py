"""The staff roles, and the one check every access module builds on.

Each `access_*` module (cases, governance, assessment, privacy, letters) decides who may do
what with its own records, but they all ask `role_of` for the role, so "signed in, active,
and holding this role" means the same thing everywhere.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import models


class Role(models.TextChoices):
    """A staff user's role (`accounts.User.role`): what they may see and do follows from it."""

    HANDLER = "handler", "Complaint handler"
    REVIEWER = "reviewer", "Stage 2 reviewer"
    COMPLAINTS_OFFICER = "complaints_officer", "Complaints officer"
    GOVERNANCE = "governance", "Governance (read-only reports)"
    ADMINISTRATOR = "administrator", "Administrator"


# Read and act on individual complaints. Administrators run the system, so they can open any
# case to put it right (see the access table in tests/access/table.py).
CASEWORK = frozenset({Role.HANDLER, Role.REVIEWER, Role.COMPLAINTS_OFFICER, Role.ADMINISTRATOR})
# Those who handle complaints themselves: who can be assigned a case, who becomes its handler
# by acknowledging it, and who may read health and vulnerability details (UK GDPR art. 9).
HANDLING = frozenset({Role.HANDLER, Role.REVIEWER, Role.COMPLAINTS_OFFICER})
# Reports: the complaints officer, governance (anonymised) and administrators.
REPORTS = frozenset({Role.COMPLAINTS_OFFICER, Role.GOVERNANCE, Role.ADMINISTRATOR})
# Those who oversee and change how the service runs: settings, governance records, audits.
OVERSIGHT = frozenset({Role.COMPLAINTS_OFFICER, Role.ADMINISTRATOR})

# Those who lead the team: see every open case by handler and move work between people. The
# complaints officer, the stage 2 reviewers (the senior handlers) and administrators.
TEAM_LEADS = frozenset({Role.COMPLAINTS_OFFICER, Role.REVIEWER, Role.ADMINISTRATOR})


def role_of(user: Any) -> str | None:
    """The role of a signed-in, active user; None for anyone else (anonymous, deactivated)."""
    if user is None or not getattr(user, "is_authenticated", False) or not getattr(user, "is_active", False):
        return None
    return getattr(user, "role", None)


def has_role(user: Any, roles: Iterable[str]) -> bool:
    """Whether `user` is signed in, active, and holds one of `roles`."""
    role = role_of(user)
    return role is not None and role in roles
