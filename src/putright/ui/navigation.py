"""The staff navigation, built from what each app registers rather than from hard-coded paths.

Each app that owns staff pages registers its entry in its `AppConfig.ready` (staff: the
casework pages, settings and privacy; governance: reports; assessment: self-assessment;
accounts: administration). An entry says who sees it, where it goes (a URL name, reversed
when drawn) and which pages it is "current" for, so adding a page never means editing here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from putright.ui.links import link


@dataclass(frozen=True)
class NavEntry:
    key: str
    text: str
    url_name: str
    visible: Callable[[Any], bool]  # given the signed-in user
    order: int
    # The page is this entry's when its URL name is one of these, or its path starts so.
    url_names: frozenset[str] = field(default_factory=frozenset)
    path_prefix: str = ""
    # A number shown beside the entry (work waiting, say), or None; one cheap query at most.
    count: Callable[[Any], int | None] | None = None

    def is_current(self, request: Any) -> bool:
        match = getattr(request, "resolver_match", None)
        if match is not None and match.view_name in self.url_names:
            return True
        return bool(self.path_prefix) and request.path.startswith(self.path_prefix)


@dataclass(frozen=True)
class NavItem:
    key: str
    text: str
    href: str
    current: bool
    count: int | None = None


@dataclass(frozen=True)
class SearchBox:
    """The search in the header of every staff page: where it goes and who sees it."""

    url_name: str
    visible: Callable[[Any], bool]


_REGISTRY: dict[str, NavEntry] = {}


def register(*entries: NavEntry) -> None:
    """Add entries (again on reload: an entry with the same key replaces the old one)."""
    for entry in entries:
        _REGISTRY[entry.key] = entry


_SEARCH: dict[str, SearchBox] = {}


def register_search(box: SearchBox) -> None:
    """The one header search (registering again replaces it)."""
    _SEARCH["box"] = box


def staff_search(request: Any) -> str | None:
    """Where the header search goes for this user; None when they cannot search."""
    user = getattr(request, "user", None)
    box = _SEARCH.get("box")
    if box is None or user is None or not user.is_authenticated or not box.visible(user):
        return None
    return link(box.url_name)


def registered() -> Iterable[NavEntry]:
    return sorted(_REGISTRY.values(), key=lambda entry: entry.order)


def staff_navigation(request: Any) -> list[NavItem] | None:
    """The items this user's role can use; None when nobody is signed in."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return None
    entries = [entry for entry in registered() if entry.visible(user)]
    here = next((entry.key for entry in entries if entry.is_current(request)), "")
    return [
        NavItem(e.key, e.text, link(e.url_name), e.key == here, e.count(user) if e.count else None)
        for e in entries
    ]


def staff_home(request: Any) -> str:
    """Where the header's links go: the first section this user's role may open (My work for
    caseworkers, reports for governance), so that no role is sent to a page it may not see."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return "/staff/"
    first = next((entry for entry in registered() if entry.visible(user)), None)
    return link(first.url_name) if first else "/staff/"
