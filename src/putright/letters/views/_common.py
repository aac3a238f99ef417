"""What the letters pages share: role checks through `putright.cases.access` behind the one
gate of `putright.ui.pages`, and the letters navigation."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from putright.cases import access
from putright.ui.pages import gate

NO_CASES = (
    "Your role does not include working on individual complaints, so you cannot see residents' letters."
)
NO_TEMPLATES = "Only the complaints officer or an administrator can change letter templates."


def base_context(request: HttpRequest, current: str) -> dict[str, Any]:
    return {"nav_current": current, "can_edit_templates": access.access_can_change_settings(request.user)}


caseworker_only = gate(access.access_can_work_cases, NO_CASES)
officer_only = gate(access.access_can_change_settings, NO_TEMPLATES)
