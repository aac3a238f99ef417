"""Awaab's Law: the deadlines of the landlord's duties on a hazard, as pure functions.

The duties themselves (which applies when, how long, the exceptions that stop the clocks)
are dated data in :mod:`putright.rules.hazard_data`.

Source: section 10A Landlord and Tenant Act 1985 and the Hazards in Social Housing
(Prescribed Requirements) (England) Regulations 2025, in force 27 October 2025 (see
:mod:`putright.rules.hazard_scope` for which hazards are covered when). Every clock starts
when the landlord **became aware** of the hazard (``aware_at``), never when someone
flagged it. Complaint timescales run beside these, never instead of them.

Counting rules:

- **Emergency**: 24 hours of elapsed time from ``aware_at`` (an exact instant: weekends,
  bank holidays and the clock change do not stretch or shrink it; 23:30 BST plus 24 hours
  across the October change is 22:30 GMT the next day).
- **Significant**: working days of the landlord's nation, the date of ``aware_at`` in
  England being day 0; deadlines after the investigation count from the date it concluded
  (day 0). A date deadline is met by anything done on or before that date in England.
  "12 weeks" is 84 calendar days.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Protocol

from putright.rules.calendar import ENGLAND
from putright.rules.hazard_data import (
    BEGIN_WORKS_WORKING_DAYS,
    EMERGENCY_HOURS,
    INVESTIGATE_WORKING_DAYS,
    MAKE_SAFE_WORKING_DAYS,
    START_WORKS_DAYS,
    SUMMARY_WORKING_DAYS,
    Duty,
)
from putright.rules.hazard_scope import HazardKind, phase_covering

Deadline = datetime | date


class WorkingDays(Protocol):
    """Anything that counts working days, such as ``putright.rules.calendar.WorkingDayCalendar``."""

    def add_working_days(self, start: date, n: int) -> date:
        """The Nth working day after ``start``, the day of ``start`` being day 0."""
        ...


class HazardRuleViolation(Exception):
    """A move the regulations forbid; ``reference`` names the requirement it protects."""

    def __init__(self, message: str, *, reference: str) -> None:
        super().__init__(message)
        self.message = message
        self.reference = reference


@dataclass(frozen=True)
class Progress:
    """What has happened to one hazard so far: every instant aware, every date in England."""

    kind: HazardKind
    aware_at: datetime
    investigated_at: datetime | None = None
    hazard_found: bool | None = None
    summary_sent_on: date | None = None
    made_safe_at: datetime | None = None
    accommodation_at: datetime | None = None
    works_begun_on: date | None = None
    works_started_on: date | None = None
    works_completed_on: date | None = None
    stopped_at: datetime | None = None

    @property
    def closed(self) -> bool:
        """No duty remains: works done, a clock stopped, or the investigation found nothing."""
        if self.stopped_at is not None or self.hazard_found is False:
            return True
        if self.kind is HazardKind.EMERGENCY:
            return self.safe_at is not None
        return self.works_completed_on is not None

    @property
    def safe_at(self) -> datetime | None:
        """Safety work or alternative accommodation, whichever came first, meets the duty."""
        done = [m for m in (self.made_safe_at, self.accommodation_at) if m is not None]
        return min(done) if done else None


@dataclass(frozen=True)
class Deadlines:
    """Every deadline known so far: instants for an emergency, dates for a significant hazard."""

    investigate_by: Deadline
    make_safe_by: Deadline | None = None
    written_summary_by: date | None = None
    begin_further_works_by: date | None = None
    start_further_works_by: date | None = None

    def by_duty(self) -> dict[Duty, Deadline]:
        found: dict[Duty, Deadline | None] = {
            Duty.INVESTIGATE: self.investigate_by,
            Duty.MAKE_SAFE: self.make_safe_by,
            Duty.WRITTEN_SUMMARY: self.written_summary_by,
            Duty.BEGIN_WORKS: self.begin_further_works_by,
            Duty.START_WORKS: self.start_further_works_by,
        }
        return {d: v for d, v in found.items() if v is not None}


def aware_on(moment: datetime) -> date:
    """The date in England of an aware instant; a naive instant is a ``ValueError``."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("times must be timezone-aware")
    return moment.astimezone(ENGLAND).date()


def emergency_deadline(aware_at: datetime) -> datetime:
    """24 hours of elapsed time after ``aware_at`` (investigate and make safe), in UTC.

    Arithmetic is done in UTC: adding a day to a Europe/London wall clock would give 25
    hours across the October clock change and 23 across the March one.
    """
    aware_on(aware_at)
    return aware_at.astimezone(UTC) + timedelta(hours=EMERGENCY_HOURS)


def deadlines(progress: Progress, calendar: WorkingDays) -> Deadlines:
    """Every deadline for ``progress`` under the duties in :data:`putright.rules.hazard_data.DUTIES`."""
    if progress.kind is HazardKind.EMERGENCY:
        due = emergency_deadline(progress.aware_at)
        return Deadlines(investigate_by=due, make_safe_by=due)
    investigate_by = calendar.add_working_days(aware_on(progress.aware_at), INVESTIGATE_WORKING_DAYS)
    if progress.investigated_at is None:
        return Deadlines(investigate_by=investigate_by)
    concluded = aware_on(progress.investigated_at)
    summary_by = calendar.add_working_days(concluded, SUMMARY_WORKING_DAYS)
    if not progress.hazard_found:
        return Deadlines(investigate_by=investigate_by, written_summary_by=summary_by)
    return Deadlines(
        investigate_by=investigate_by,
        written_summary_by=summary_by,
        make_safe_by=calendar.add_working_days(concluded, MAKE_SAFE_WORKING_DAYS),
        begin_further_works_by=calendar.add_working_days(concluded, BEGIN_WORKS_WORKING_DAYS),
        start_further_works_by=concluded + timedelta(days=START_WORKS_DAYS),
    )


def due_instant(deadline: Deadline) -> datetime:
    """The instant a deadline passes: an instant as it is, a date at the end of that day in England."""
    if isinstance(deadline, datetime):
        return deadline
    return _end_of_day(deadline)


# A period's figures ask for the same few hundred days tens of thousands of times, and
# attaching the London zone to a datetime is the costly part.
@functools.lru_cache(maxsize=4096)
def _end_of_day(day: date) -> datetime:
    return datetime.combine(day + timedelta(days=1), time(0), tzinfo=ENGLAND)


@functools.lru_cache(maxsize=4096)
def _midday(day: date) -> datetime:
    return datetime.combine(day, time(12), tzinfo=ENGLAND)


def _done_at(progress: Progress, duty: Duty) -> datetime | date | None:
    return {
        Duty.INVESTIGATE: progress.investigated_at,
        Duty.MAKE_SAFE: progress.safe_at,
        Duty.WRITTEN_SUMMARY: progress.summary_sent_on,
        Duty.BEGIN_WORKS: progress.works_begun_on or progress.works_started_on,
        Duty.START_WORKS: progress.works_started_on,
    }[duty]


def _as_instant(done: datetime | date) -> datetime:
    if isinstance(done, datetime):
        return done
    return _midday(done)


def met_in_time(
    progress: Progress, calendar: WorkingDays, *, known: Deadlines | None = None
) -> dict[Duty, bool]:
    """For each duty with a deadline that is done: was it done by its deadline?

    ``known`` is ``deadlines(progress, calendar)`` when the caller has it already."""
    found: dict[Duty, bool] = {}
    for duty, deadline in (known or deadlines(progress, calendar)).by_duty().items():
        done = _done_at(progress, duty)
        if done is not None:
            found[duty] = _as_instant(done) < due_instant(deadline)
    return found


def open_duties(
    progress: Progress, calendar: WorkingDays, *, known: Deadlines | None = None
) -> dict[Duty, Deadline]:
    """Duties still to do, with their deadlines, soonest first.

    A recorded exception stops every clock still running when it was recorded; a duty whose
    deadline had already passed stays open and overdue (the exception does not excuse it).
    """
    remaining: dict[Duty, Deadline] = {}
    for duty, deadline in (known or deadlines(progress, calendar)).by_duty().items():
        if _done_at(progress, duty) is not None:
            continue
        if progress.stopped_at is not None and progress.stopped_at < due_instant(deadline):
            continue
        remaining[duty] = deadline
    return dict(sorted(remaining.items(), key=lambda item: due_instant(item[1])))


def overdue_duties(progress: Progress, calendar: WorkingDays, *, now: datetime) -> dict[Duty, Deadline]:
    """Open duties whose deadline has passed at ``now``."""
    return {d: v for d, v in open_duties(progress, calendar).items() if due_instant(v) <= now}


def next_deadline(progress: Progress, calendar: WorkingDays) -> tuple[Duty, Deadline] | None:
    """The soonest open duty and its deadline, or None when nothing is left to do."""
    return next(iter(open_duties(progress, calendar).items()), None)


STORED_OUTCOMES: tuple[str, ...] = (
    *(f"{duty.value}_{what}" for duty in Duty for what in ("due_at", "met")),
    "open_due_at",
    "phase",
)


def stored_outcomes(progress: Progress, calendar: WorkingDays, *, hazard: str) -> dict[str, object]:
    """What a hazard record keeps so that a period's figures are counted by the database.

    Written by every hazard service step (and the generator), read by the figures: for each
    duty ``<duty>_due_at`` (its deadline as an instant, once known) and ``<duty>_met``
    (whether it was done by then, once done; None before); ``open_due_at``, the soonest
    deadline of a duty still open, kept on a closed hazard too (a duty missed before an
    exception stays overdue); and ``phase``, the name of the phase that governs it.
    """
    known = deadlines(progress, calendar)
    met = met_in_time(progress, calendar, known=known)
    due = {d: due_instant(v) for d, v in known.by_duty().items()}
    still_open = open_duties(progress, calendar, known=known)
    phase = phase_covering(progress.kind, hazard, aware_on=aware_on(progress.aware_at))
    values: dict[str, object] = {}
    for duty in Duty:
        values[f"{duty.value}_due_at"] = due.get(duty)
        values[f"{duty.value}_met"] = met.get(duty)
    values["open_due_at"] = due_instant(next(iter(still_open.values()))) if still_open else None
    values["phase"] = phase.name if phase else ""
    return {name: values[name] for name in STORED_OUTCOMES}
