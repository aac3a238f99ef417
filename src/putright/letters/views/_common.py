"""What the letters pages share: role checks through `putright.cases.access` behind the one
gate of `putright.ui.pages`. Their navigation is the staff one (`putright.ui.navigation`)."""

from __future__ import annotations

from putright.cases import access
from putright.ui.pages import gate

NO_CASES = (
    "Your role does not include working on individual complaints, so you cannot see residents' letters."
)
NO_TEMPLATES = "Only the complaints officer or an administrator can change letter templates."


caseworker_only = gate(access.access_can_work_cases, NO_CASES)
officer_only = gate(access.access_can_change_settings, NO_TEMPLATES)
