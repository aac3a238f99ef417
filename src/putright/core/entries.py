"""A date a person gives for an action, checked against the day it is recorded (Code 5.12).

One rule for every dated action in every app (complaints, remedies, hazards): a future date is
refused, a past one needs the reason it is being recorded late, and the event keeps both days.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from putright.core.dates import england_date
from putright.core.errors import ActionRefused
from putright.rules.entries import Entry, FutureDated, check_entry_date
from putright.rules.errors import RuleViolation


def dated_entry(
    *, given_on: date, now: datetime, late_entry_reason: str | None, field: str, what: str
) -> Entry:
    """The date an action names, checked against the London day it is recorded (Code 5.12).

    Every service that takes a date from a person calls this: a future date is refused
    beside its own field; a past date without `late_entry_reason` is refused beside that.
    """
    try:
        return check_entry_date(
            given_on=given_on,
            recorded_on=england_date(now),
            late_entry_reason=late_entry_reason or "",
            what=what,
        )
    except FutureDated as violation:
        raise ActionRefused.from_rule(violation, field=field) from violation
    except RuleViolation as violation:
        raise ActionRefused.from_rule(violation, field="late_entry_reason") from violation


def entry_details(entry: Entry) -> dict[str, Any]:
    """What the event keeps of a late entry: the day recorded and why (nothing when on time).

    QA sampling finds late entries by the `late_entry_reason` key of an event's `after`.
    """
    if not entry.late:
        return {}
    return {
        "date_given": entry.given_on,
        "recorded_on": entry.recorded_on,
        "late_entry_reason": entry.late_entry_reason,
    }
