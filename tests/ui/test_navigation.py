"""The staff navigation is what the apps registered, filtered by role, in a fixed order."""

from __future__ import annotations

import pytest
from django.test import RequestFactory

from putright.accounts.models import Role, User
from putright.ui.navigation import registered, staff_navigation


def test_every_app_with_staff_pages_registers_its_entry_once_in_order():
    assert [entry.key for entry in registered()] == [
        "my-work",
        "team",
        "all",
        "contact",
        "triage",
        "requests",
        "print-queue",
        "hazards",
        "reports",
        "self-assessment",
        "policy",
        "settings",
        "privacy",
        "import",
        "admin",
    ]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("role", "keys"),
    [
        (Role.HANDLER, ["my-work", "all", "contact", "triage", "requests", "print-queue", "hazards"]),
        (Role.GOVERNANCE, ["reports", "self-assessment", "policy"]),
        (
            Role.COMPLAINTS_OFFICER,
            [
                "my-work",
                "team",
                "all",
                "contact",
                "triage",
                "requests",
                "print-queue",
                "hazards",
                "reports",
                "self-assessment",
                "policy",
                "settings",
                "privacy",
                "import",
            ],
        ),
    ],
)
def test_each_role_sees_only_the_entries_its_role_can_use(role, keys):
    request = RequestFactory().get("/staff/reports/")
    request.user = User.objects.create_user(username=f"u-{role}", role=role)
    items = staff_navigation(request)
    assert [item.key for item in items] == keys
    assert [item.key for item in items if item.current] == (["reports"] if "reports" in keys else [])


def test_nobody_signed_in_gets_no_navigation():
    request = RequestFactory().get("/staff/")
    request.user = type("Anonymous", (), {"is_authenticated": False})()
    assert staff_navigation(request) is None
