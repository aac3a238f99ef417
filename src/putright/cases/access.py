"""Who may see and do what with complaints. Every view and endpoint asks here.

Roles: handler and reviewer work cases; the complaints officer oversees and assigns;
governance reads reports (anonymised); administrators run the system.
"""

from __future__ import annotations

import logging
from typing import Any

from putright.core.roles import CASEWORK, HANDLING, OVERSIGHT, REPORTS, TEAM_LEADS, has_role

log = logging.getLogger("putright.access")


def access_can_work_cases(user: Any) -> bool:
    """Read and act on individual complaints."""
    return has_role(user, CASEWORK)


def access_can_assign(user: Any) -> bool:
    return has_role(user, CASEWORK)


def access_can_lead_team(user: Any) -> bool:
    """The team view: every open case by handler, and reassigning work (one or many)."""
    return has_role(user, TEAM_LEADS)


def access_can_see_special_category(user: Any) -> bool:
    """Health, disability and vulnerability details: only those who handle the case (UK GDPR art. 9)."""
    return has_role(user, HANDLING)


# Events whose summary names a kind of disclosure ("Disclosed disability recorded"): that a
# resident disclosed a disability is itself special category data (UK GDPR art. 9).
SPECIAL_CATEGORY_EVENTS = frozenset({"adjustment_recorded", "adjustment_reviewed"})
WITHHELD_SUMMARY = "Resident's circumstances updated (details shown to caseworkers only)"


def access_event_summary(user: Any, *, action: str, summary: str) -> str:
    """An event's summary as `user` may read it: a neutral line in place of a disclosure
    for roles barred from special category data (the administrator)."""
    if action in SPECIAL_CATEGORY_EVENTS and not access_can_see_special_category(user):
        return WITHHELD_SUMMARY
    return summary


def access_can_view_reports(user: Any) -> bool:
    return has_role(user, REPORTS)


def access_can_change_settings(user: Any) -> bool:
    return has_role(user, OVERSIGHT)


def access_log_special_category_read(user: Any, *, resident_id: int, where: str) -> None:
    """Every read of special category data is logged (who, whose, where)."""
    from putright.cases.models import SpecialCategoryRead

    SpecialCategoryRead.objects.create(user=user, resident_id=resident_id, where=where[:200])
    log.info("special-category read user=%s resident=%s where=%s", user.pk, resident_id, where)
