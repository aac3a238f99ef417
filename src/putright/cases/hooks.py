"""Explicit extension points for other domain apps (no Django signals).

The letters app registers a hook at start-up that drafts the letter the Code requires
for an event, inside the same transaction as the action; sending happens after commit.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from datetime import datetime

    from putright.cases.models import CaseEvent, Complaint, Contact

EventHook = Callable[["CaseEvent"], None]
_EVENT_HOOKS: list[EventHook] = []


def register_event_hook(hook: EventHook) -> None:
    if hook not in _EVENT_HOOKS:
        _EVENT_HOOKS.append(hook)


def run_event_hooks(event: CaseEvent) -> None:
    for hook in _EVENT_HOOKS:
        hook(event)


@contextmanager
def event_hooks_suspended() -> Iterator[None]:
    """Run actions without their hooks: only for building historical demo or test data,
    where drafting and sending a letter for every past action would be slow and false."""
    saved = list(_EVENT_HOOKS)
    _EVENT_HOOKS.clear()
    try:
        yield
    finally:
        _EVENT_HOOKS[:] = saved


ContactHook = Callable[["Contact"], None]
_CONTACT_HOOKS: list[ContactHook] = []


def register_contact_hook(hook: ContactHook) -> None:
    """Run ``hook`` on every contact recorded, inside its transaction (hazard screening)."""
    if hook not in _CONTACT_HOOKS:
        _CONTACT_HOOKS.append(hook)


def run_contact_hooks(contact: Contact) -> None:
    for hook in _CONTACT_HOOKS:
        hook(contact)


ImportHook = Callable[["Complaint", "datetime"], object]
_IMPORT_HOOKS: list[ImportHook] = []


def register_import_hook(hook: ImportHook) -> None:
    """Run ``hook`` on every open complaint brought in by an import, inside its transaction
    (hazard screening). Imports write their own event, so the event hooks (letters,
    webhooks) do not run for them: nothing is sent about the landlord's past records."""
    if hook not in _IMPORT_HOOKS:
        _IMPORT_HOOKS.append(hook)


def run_import_hooks(complaint: Complaint, now: datetime) -> None:
    for hook in _IMPORT_HOOKS:
        hook(complaint, now)


DemoHook = Callable[..., object]
_DEMO_HOOKS: list[DemoHook] = []


def register_demo_hook(hook: DemoHook) -> None:
    """Run ``hook(actor=..., today=...)`` after the demo's complaints are built (demo hazards)."""
    if hook not in _DEMO_HOOKS:
        _DEMO_HOOKS.append(hook)


def run_demo_hooks(**kwargs: object) -> None:
    for hook in _DEMO_HOOKS:
        hook(**kwargs)
