"""The staff service navigation: what each role can reach, and where the user is."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.urls import reverse

from putright.cases import access
from putright.privacy import access as privacy_access

# Which navigation item a page belongs to, by URL name.
SECTIONS = {
    "queue": "my-work",
    "complaints": "all",
    "contact_new": "contact",
    "contact_triage": "contact",
    "service_requests": "requests",
    "service_request": "requests",
    "service_request_complaint": "requests",
    "hazards": "hazards",
    "hazard_detail": "hazards",
    "hazard_step": "hazards",
    "hazard_screen_dismiss": "hazards",
    "settings": "settings",
    "settings_timescales": "settings",
    "settings_closures": "settings",
    "settings_categories": "settings",
    "settings_closure_remove": "settings",
    "settings_category_toggle": "settings",
    "privacy": "privacy",
    "privacy_residents": "privacy",
    "privacy_resident": "privacy",
    "privacy_export": "privacy",
    "privacy_access_log": "privacy",
    "privacy_access_log_csv": "privacy",
    "privacy_retention": "privacy",
}


@dataclass(frozen=True)
class NavItem:
    key: str
    text: str
    href: str
    current: bool


def staff_navigation(request: Any) -> list[NavItem] | None:
    """The items this user's role can use; None when nobody is signed in."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return None
    match = getattr(request, "resolver_match", None)
    here = SECTIONS.get(match.url_name, "") if match and match.namespace == "staff" else ""
    if not here and request.path.startswith("/staff/reports/"):
        here = "reports"
    elif not here and request.path.startswith("/staff/self-assessment/"):
        here = "self-assessment"
    items: list[tuple[str, str, str]] = []
    if access.access_can_work_cases(user):
        items += [
            ("my-work", "My work", reverse("staff:queue")),
            ("all", "All complaints", reverse("staff:complaints")),
            ("contact", "Record a contact", reverse("staff:contact_new")),
            ("requests", "Service requests", reverse("staff:service_requests")),
            ("hazards", "Hazards", reverse("staff:hazards")),
        ]
    if access.access_can_view_reports(user):
        items += [
            ("reports", "Reports", "/staff/reports/"),
            ("self-assessment", "Self-assessment", "/staff/self-assessment/"),
        ]
    if access.access_can_change_settings(user):
        items.append(("settings", "Settings", reverse("staff:settings")))
    if privacy_access.access_can_use_privacy_tools(user):
        items.append(("privacy", "Privacy", reverse("staff:privacy")))
    if user.is_staff and user.role == "administrator":
        items.append(("admin", "Administration", "/admin/"))
    return [NavItem(key, text, href, key == here) for key, text, href in items]
