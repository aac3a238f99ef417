"""Shared machinery for the hazard services: locking, the rules, the stored next deadline, the log."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any

from putright.cases.models import EventAction
from putright.core.actor import Actor, user_or_none
from putright.core.dates import code_calendar, england_date
from putright.core.errors import ActionRefused, EditConflict, InvalidInput
from putright.hazards.models import Hazard, HazardEvent
from putright.hazards.progress import progress_of as progress_of
from putright.rules.hazards import HazardRuleViolation, due_instant, next_deadline, stored_outcomes


@contextmanager
def regulations() -> Iterator[None]:
    """A move the regulations forbid becomes the one application error, carrying the
    regulation's reference where the Code's paragraph would be (the API answers 422)."""
    try:
        yield
    except HazardRuleViolation as violation:
        raise ActionRefused(violation.message, code_paragraph=violation.reference) from violation


def refresh_next_due(hazard: Hazard) -> None:
    """Store the soonest open deadline, so the queue and the list sort on one index, and what
    the figures count (`stored_outcomes`)."""
    progress = progress_of(hazard)
    hazard.closed = progress.closed
    found = None if progress.closed else next_deadline(progress, code_calendar())
    hazard.next_due_at = due_instant(found[1]) if found else None
    hazard.next_duty = str(found[0]) if found else ""
    for name, value in stored_outcomes(progress, code_calendar(), hazard=hazard.hazard).items():
        setattr(hazard, name, value)


def lock_hazard(hazard_id: int, *, expected_version: int | None = None) -> Hazard:
    hazard = Hazard.objects.select_for_update().filter(pk=hazard_id).first()
    if hazard is None:
        raise InvalidInput({"hazard": "No such hazard"})
    if expected_version is not None and expected_version != hazard.version:
        raise EditConflict(
            f"{hazard.reference} was changed by someone else while you were working on it. "
            "Reload it to see their change; what you entered has not been saved."
        )
    return hazard


def aware_time(value: datetime, field: str) -> datetime:
    if value.tzinfo is None or value.utcoffset() is None:
        raise InvalidInput({field: "Give the time with its UTC offset, e.g. 2026-03-01T09:30:00+00:00"})
    return value


def not_future(value: Any, now: datetime, field: str) -> None:
    later = value > now if isinstance(value, datetime) else value > england_date(now)
    if later:
        raise InvalidInput({field: "This cannot be in the future"})


def save_with_event(
    hazard: Hazard,
    *,
    actor: Actor | None,
    now: datetime,
    action: EventAction,
    summary: str,
    details: dict[str, Any] | None = None,
) -> HazardEvent:
    """Save the hazard and append the one event for this action; `details` (a late entry's
    days and reason) go in its `after`, where QA sampling finds them as on a complaint's events."""
    refresh_next_due(hazard)
    hazard.version += 1
    hazard.save()
    return HazardEvent.objects.create(
        hazard=hazard,
        at=now,
        actor=user_or_none(actor),
        actor_label=getattr(actor, "username", None) or str(actor or "system"),
        action=action.value,
        summary=summary[:500],
        after={
            "next_duty": hazard.next_duty,
            "next_due_at": hazard.next_due_at.isoformat() if hazard.next_due_at else None,
            "closed": hazard.closed,
            **{k: v.isoformat() if hasattr(v, "isoformat") else v for k, v in (details or {}).items()},
        },
    )
