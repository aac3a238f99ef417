"""The governance sub-navigation, as plain data for the layout."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import HttpRequest
from django.urls import reverse

from putright.governance.access import access_can_view_governance

SECTIONS = (
    ("dashboard", "Performance", "governance:dashboard"),
    ("board", "Board report", "governance:board"),
    ("themes", "Themes and trends", "governance:themes"),
    ("learning", "Learning", "governance:learning"),
    ("ombudsman", "The Ombudsman", "governance:ombudsman"),
    ("annual", "Annual report", "governance:annual"),
)


@dataclass(frozen=True)
class NavItem:
    text: str
    href: str
    current: bool


def governance_nav(request: HttpRequest, here: str) -> list[NavItem]:
    if not access_can_view_governance(request.user):
        return []
    items = [NavItem(text, reverse(name), key == here) for key, text, name in SECTIONS]
    items.append(NavItem("Public page", reverse("publications:list"), False))
    return items
