"""The staff shell's own navigation entries (registered in `StaffConfig.ready`)."""

from __future__ import annotations

from typing import Any

from putright.cases import access, selectors
from putright.privacy import access as privacy_access
from putright.ui.navigation import NavEntry, SearchBox


def _names(*names: str) -> frozenset[str]:
    return frozenset(f"staff:{name}" for name in names)


def _undecided(user: Any) -> int | None:
    return selectors.contacts_undecided_count()


def _administrator(user: Any) -> bool:
    return bool(user.is_staff and user.role == "administrator")


ENTRIES = (
    NavEntry("my-work", "My work", "staff:queue", access.access_can_work_cases, 10, _names("queue")),
    NavEntry("team", "Team", "staff:team", access.access_can_lead_team, 15, _names("team")),
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
        "triage",
        "Contacts to decide",
        "staff:contacts_undecided",
        access.access_can_work_cases,
        35,
        _names("contacts_undecided"),
        count=_undecided,
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
        "hazards",
        "Hazards",
        "staff:hazards",
        access.access_can_work_cases,
        45,
        _names("hazards", "hazard_detail", "hazard_step", "hazard_screen_dismiss"),
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
            "settings_service_areas",
            "settings_service_area",
            "settings_service_area_toggle",
            "settings_closure_remove",
            "settings_category_toggle",
        )
        | frozenset({"letters:templates", "letters:template-edit"}),
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

SEARCH = SearchBox("staff:search", access.access_can_work_cases)
