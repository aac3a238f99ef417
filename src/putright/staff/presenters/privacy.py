"""The privacy pages' own navigation: the tools this user's role may use, and where they are."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.urls import reverse

from putright.privacy import access


@dataclass(frozen=True)
class PrivacyTool:
    key: str
    title: str
    href: str
    description: str
    current: bool


def privacy_tools(user: Any, *, here: str = "") -> list[PrivacyTool]:
    """Subject access for the complaints officer; the access log and retention for the officer
    and administrators (putright.privacy.access)."""
    tools: list[tuple[str, str, str, str]] = []
    if access.access_can_export_subject_data(user):
        tools.append(
            (
                "subject-access",
                "Subject access",
                reverse("staff:privacy_residents"),
                "Find a resident, see what is held about them and download their subject access export "
                "(UK GDPR article 15).",
            )
        )
    if access.access_can_read_access_log(user):
        tools.append(
            (
                "access-log",
                "Special category access log",
                reverse("staff:privacy_access_log"),
                "Who viewed whose health, disability or vulnerability details, and when (UK GDPR article 9).",
            )
        )
    if access.access_can_review_retention(user):
        tools.append(
            (
                "retention",
                "Retention",
                reverse("staff:privacy_retention"),
                "Whose personal data the retention job would anonymise next. Anonymising is done "
                "from the command line only.",
            )
        )
    return [PrivacyTool(key, title, href, text, key == here) for key, title, href, text in tools]
