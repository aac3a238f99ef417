"""Dates entered after the day they name: late entries (Code 5.12).

Code 5.12 asks for a full record of the complaint. A record that says an acknowledgement went
on 3 June is only a true record if it also says it was entered on 20 June: otherwise a
backdated entry makes a late action look timely in every figure. So every dated action keeps
the date given and the date it was recorded (both dates in England), and a date before the
day of recording carries an explanation. Imported history will carry its provenance (file,
row, time of import) as that explanation, which is why it is free text here.
No clock: the caller passes the day of recording in.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from putright.rules.errors import RuleViolation


def _long(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


class LateEntryUnexplained(RuleViolation):
    """A date before the day it is recorded, with no reason given (Code 5.12)."""


class FutureDated(RuleViolation):
    """A date after the day it is recorded: nothing can be recorded as done before it happens (Code 5.12)."""


@dataclass(frozen=True)
class Entry:
    """A dated action as recorded: the date given, the day it was entered and why they differ."""

    given_on: date
    recorded_on: date
    late_entry_reason: str

    @property
    def late(self) -> bool:
        """Entered after the day it names (Code 5.12)."""
        return self.given_on < self.recorded_on


def check_entry_date(*, given_on: date, recorded_on: date, late_entry_reason: str, what: str) -> Entry:
    """The entry for an action dated `given_on` and recorded on `recorded_on` (Code 5.12).

    Same day: on time, any reason is dropped. Earlier: a late entry, which needs a reason
    (raises `LateEntryUnexplained`). Later: raises `FutureDated`. `what` names the date in
    the message ("the acknowledgement date").
    """
    reason = (late_entry_reason or "").strip()
    if given_on > recorded_on:
        raise FutureDated(
            f"{what[0].upper()}{what[1:]} cannot be in the future: record it on or after {_long(given_on)}",
            code_paragraph="5.12",
        )
    if given_on < recorded_on and not reason:
        raise LateEntryUnexplained(
            f"{what[0].upper()}{what[1:]} ({_long(given_on)}) is before today "
            f"({_long(recorded_on)}): say why it is being recorded late",
            code_paragraph="5.12",
        )
    return Entry(
        given_on=given_on, recorded_on=recorded_on, late_entry_reason=reason if given_on < recorded_on else ""
    )
