"""The staff shell's own navigation entries (registered in `StaffConfig.ready`)."""

from __future__ import annotations

from typing import Any

from putright.cases import access
from putright.privacy import access as privacy_access
from putright.ui.navigation import NavEntry


def _names(*names: str) -> frozenset[str]:
    return frozenset(f"staff:{name}" for name in names)


def _administrator(user: Any) -> bool:
    return bool(user.is_staff and user.role == "administrator")


ENTRIES = (
    NavEntry("my-work", "My work", "staff:queue", access.access_can_work_cases, 10, _names("queue")),
    NavEntry(
        "all", "All complaints", "staff:complaints", access.access_can_work_cases, 20, _names("complaints")
    ),
    NavEntry(
        "contact",
        "Record a contact",
        "staff:contact_new",
        access.access_can_work_cases,
        30,
        _names("contact_new", "contact_triage"),
    ),
    NavEntry(
        "requests",
        "Service requests",
        "staff:service_requests",
        access.access_can_work_cases,
        40,
        _names("service_requests", "service_request", "service_request_complaint"),
    ),
    NavEntry(
        "settings",
        "Settings",
        "staff:settings",
        access.access_can_change_settings,
        70,
        _names(
            "settings",
            "settings_timescales",
            "settings_closures",
            "settings_roles",
            "settings_training",
            "settings_compensation",
            "settings_categories",
            "settings_closure_remove",
            "settings_category_toggle",
        ),
    ),
    NavEntry(
        "privacy",
        "Privacy",
        "staff:privacy",
        privacy_access.access_can_use_privacy_tools,
        80,
        _names(
            "privacy",
            "privacy_residents",
            "privacy_resident",
            "privacy_export",
            "privacy_access_log",
            "privacy_access_log_csv",
            "privacy_retention",
        ),
    ),
    NavEntry("admin", "Administration", "admin:index", _administrator, 90),
)
