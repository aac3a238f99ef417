"""Deadlines in words and colour: a missed deadline must be impossible to overlook."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from putright.core.dates import long_date
from putright.rules.calendar import WorkingDayCalendar

# Within this many working days a deadline is "due soon".
DUE_SOON_WORKING_DAYS = 2


@dataclass(frozen=True)
class Deadline:
    due: date | None
    days_left: int | None
    words: str
    tag: str
    tag_class: str

    @property
    def overdue(self) -> bool:
        return self.tag == "Overdue"


def _plural(n: int) -> str:
    return f"{n} working day{'s' if n != 1 else ''}"


def deadline(due: date | None, today: date, calendar: WorkingDayCalendar) -> Deadline:
    """How far away `due` is, in working days after `today` (today is day 0)."""
    if due is None:
        return Deadline(None, None, "", "", "")
    left = calendar.working_days_between(today, due)
    if due < today:
        words = f"Overdue by {_plural(-left)}" if left < 0 else "Overdue"
        return Deadline(due, left, words, "Overdue", "govuk-tag--red")
    if due == today:
        return Deadline(due, 0, "Due today", "Due today", "govuk-tag--orange")
    words = f"{_plural(left)} left"
    if left <= DUE_SOON_WORKING_DAYS:
        return Deadline(due, left, words, "Due soon", "govuk-tag--yellow")
    return Deadline(due, left, words, "", "")


def done(due: date, done_on: date, calendar: WorkingDayCalendar) -> Deadline:
    """A deadline already met or missed."""
    if done_on <= due:
        return Deadline(due, None, f"Done on {long_date(done_on)}", "On time", "govuk-tag--green")
    late = calendar.working_days_between(due, done_on)
    return Deadline(
        due, None, f"Done on {long_date(done_on)}, {_plural(late)} late", "Late", "govuk-tag--red"
    )
