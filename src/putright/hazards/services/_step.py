"""Running one step on a hazard: lock, ask the rules, save, one event, keep the complaint's
queue place; and the dates a step names, checked as every dated action is (Code 5.12)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from django.db import transaction

from putright.cases.models import EventAction
from putright.core.actor import Actor
from putright.core.dates import england_date
from putright.core.entries import dated_entry, entry_details
from putright.hazards.models import Hazard
from putright.hazards.services._common import (
    aware_time,
    lock_hazard,
    not_future,
    progress_of,
    regulations,
    save_with_event,
)
from putright.hazards.services.queue import complaint_refresh_hazards
from putright.rules.entries import Entry


def run_step(
    *,
    actor: Actor | None,
    now: datetime,
    hazard_id: int,
    action: EventAction,
    summary: str,
    check: Callable[[Any], None],
    apply: Callable[[Hazard], None],
    expected_version: int | None,
    entry: Entry,
) -> Hazard:
    with transaction.atomic():
        hazard = lock_hazard(hazard_id, expected_version=expected_version)
        with regulations():
            check(progress_of(hazard))
        apply(hazard)
        save_with_event(
            hazard, actor=actor, now=now, action=action, summary=summary, details=entry_details(entry)
        )
        if hazard.complaint_id is not None:
            complaint_refresh_hazards(hazard.complaint_id)
    return hazard


def moment_entry(value: datetime, now: datetime, field: str, what: str, late_entry_reason: str) -> Entry:
    """A time a step happened. Like every dated action (Code 5.12), a day before today needs
    the reason it is recorded late: a backdated "made safe" would otherwise count as on time."""
    aware_time(value, field)
    not_future(value, now, field)
    return day_entry(england_date(value), now, field, what, late_entry_reason)


def day_entry(value: date, now: datetime, field: str, what: str, late_entry_reason: str) -> Entry:
    return dated_entry(given_on=value, now=now, late_entry_reason=late_entry_reason, field=field, what=what)
