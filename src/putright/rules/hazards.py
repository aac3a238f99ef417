"""Hazard timescales under Awaab's Law, and a keyword screen that prompts a caseworker.

Awaab's Law (the Hazards in Social Housing (Prescribed Requirements) (England)
Regulations 2025, in force 27 October 2025) sets its own timescales for social landlords
once they are aware of a hazard:

- an **emergency hazard** is investigated and made safe within 24 hours;
- **significant damp and mould** is investigated within 10 working days, the resident gets
  a written summary within 3 working days of the investigation concluding, and the home
  is made safe within 5 working days of the investigation concluding.

**Complaint timescales never replace hazard timescales.** A complaint that reveals a
hazard is flagged at once and the hazard clock runs alongside the complaint's own
(Code 6.1 asks landlords to consider whether the resident is at risk); a stage 1 response
due in 10 working days does not excuse a 24-hour emergency.

Working days are counted the project's way: the day the landlord became aware (its date
in England) is day 0, and a deadline of N working days is the Nth working day after it.
The calendar is passed in. The 24-hour deadlines are exact instants, not dates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Protocol

from putright.rules.calendar import ENGLAND

AWAABS_LAW_IN_FORCE = date(2025, 10, 27)

EMERGENCY_HOURS = 24
DAMP_MOULD_INVESTIGATE_WORKING_DAYS = 10
DAMP_MOULD_SUMMARY_WORKING_DAYS = 3
DAMP_MOULD_MAKE_SAFE_WORKING_DAYS = 5


class WorkingDays(Protocol):
    """Anything that counts working days, such as ``putright.rules.calendar.WorkingDayCalendar``."""

    def add_working_days(self, start: date, n: int) -> date:
        """The Nth working day after ``start``, the day of ``start`` being day 0."""
        ...


class HazardKind(StrEnum):
    """The hazards Awaab's Law sets timescales for (from 27 October 2025)."""

    EMERGENCY = "emergency"
    SIGNIFICANT_DAMP_MOULD = "significant_damp_mould"


@dataclass(frozen=True)
class HazardDeadlines:
    """Deadlines known when the landlord becomes aware of a hazard.

    ``investigate_by`` is an instant (``datetime``) for an emergency and a date (the last
    working day) for damp and mould. ``make_safe_by`` is known at once only for an
    emergency; for damp and mould it runs from the investigation (see
    :func:`damp_mould_deadlines_after_investigation`) and is ``None`` here.
    """

    kind: HazardKind
    reported_at: datetime
    investigate_by: datetime | date
    make_safe_by: datetime | None


@dataclass(frozen=True)
class InvestigationDeadlines:
    """Deadlines that run from the day a damp and mould investigation concluded."""

    investigated_on: date
    written_summary_by: date
    make_safe_by: date


def _aware(moment: datetime) -> datetime:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("reported_at must be timezone-aware")
    return moment


def hazard_deadlines(
    kind: HazardKind | str, *, reported_at: datetime, calendar: WorkingDays
) -> HazardDeadlines | None:
    """Deadlines for a hazard the landlord became aware of at ``reported_at``.

    Emergency: investigate and make safe within 24 hours of ``reported_at``.
    Significant damp and mould: investigate within 10 working days, the date of
    ``reported_at`` in England being day 0.

    Returns ``None`` when ``reported_at`` falls (in England) before 27 October 2025, when
    Awaab's Law came into force; other duties to act on hazards still apply then.
    Complaint timescales never replace these. A naive ``reported_at`` is a ``ValueError``.
    """
    kind = HazardKind(kind)
    reported_at = _aware(reported_at)
    reported_on = reported_at.astimezone(ENGLAND).date()
    if reported_on < AWAABS_LAW_IN_FORCE:
        return None
    if kind is HazardKind.EMERGENCY:
        deadline = reported_at + timedelta(hours=EMERGENCY_HOURS)
        return HazardDeadlines(kind, reported_at, investigate_by=deadline, make_safe_by=deadline)
    investigate_by = calendar.add_working_days(reported_on, DAMP_MOULD_INVESTIGATE_WORKING_DAYS)
    return HazardDeadlines(kind, reported_at, investigate_by=investigate_by, make_safe_by=None)


def damp_mould_deadlines_after_investigation(
    *, investigated_on: date, calendar: WorkingDays
) -> InvestigationDeadlines:
    """After a damp and mould investigation concludes on ``investigated_on`` (day 0):
    a written summary to the resident within 3 working days, and the home made safe within
    5 working days where the investigation finds a significant hazard.

    Raises ``ValueError`` for an investigation before 27 October 2025.
    """
    if investigated_on < AWAABS_LAW_IN_FORCE:
        raise ValueError(f"Awaab's Law is in force from {AWAABS_LAW_IN_FORCE.isoformat()}")
    return InvestigationDeadlines(
        investigated_on=investigated_on,
        written_summary_by=calendar.add_working_days(investigated_on, DAMP_MOULD_SUMMARY_WORKING_DAYS),
        make_safe_by=calendar.add_working_days(investigated_on, DAMP_MOULD_MAKE_SAFE_WORKING_DAYS),
    )


def _pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(words) + r")\b", re.IGNORECASE)


_EMERGENCY = _pattern(
    (
        r"gas leak(?:s|ing)?",
        r"leaking gas",
        r"smell(?:s|ing)? (?:of )?gas",
        r"carbon monoxide",
        r"co alarm",
        r"electric(?:al)? shocks?",
        r"exposed (?:wires?|wiring|cables?)",
        r"sparking",
        r"fire",
        r"flood(?:s|ed|ing)?",
        r"sewage",
        r"burst pipe",
        r"collaps(?:e|ed|es|ing)",
        r"no (?:heating|hot water|electricity|power)",
    )
)
_DAMP_MOULD = _pattern(
    (
        r"damp(?:ness)?",
        r"mou?ld(?:s|y)?",
        r"condensation",
        r"black spots",
    )
)


def looks_like_hazard(text: str) -> HazardKind | None:
    """A keyword screen that prompts a caseworker to consider flagging a hazard.

    It never decides: a person judges whether there is a hazard and how serious it is.
    It errs towards prompting (it ignores negation: "no damp" still prompts), and an
    emergency word wins over damp and mould when both appear.
    """
    if _EMERGENCY.search(text):
        return HazardKind.EMERGENCY
    if _DAMP_MOULD.search(text):
        return HazardKind.SIGNIFICANT_DAMP_MOULD
    return None
