"""Moments become dates in England, and the Code's working-day calendar."""

from __future__ import annotations

from datetime import date, datetime

from django.conf import settings

from putright.core.errors import InvalidInput
from putright.rules.calendar import ENGLAND, WorkingDayCalendar, calendar_for

__all__ = ["ENGLAND", "code_calendar", "england_date", "long_date", "short_date", "short_moment"]


def england_date(moment: datetime) -> date:
    """The date in England at `moment`: what counts as the day of receipt, or a letter's date.

    A naive datetime is refused rather than guessed: read as server time it could fall on
    the wrong day either side of midnight, and every deadline would move with it.
    """
    if moment.tzinfo is None:
        raise InvalidInput(
            {"received_at": "Give the time with its UTC offset, e.g. 2026-03-01T09:30:00+00:00"}
        )
    return moment.astimezone(ENGLAND).date()


def long_date(day: date | None) -> str:
    """ "5 June 2025": GOV.UK's date format, never zero-padded; blank for no date. Every page,
    banner and record entry writes dates this way (the `long_date` template filter too)."""
    return "" if day is None else f"{day.day} {day:%B %Y}"


def short_date(day: date | None) -> str:
    """ "5 Jun 2025": the abbreviated month GOV.UK allows where space is tight (tables); blank
    for no date."""
    return "" if day is None else f"{day.day} {day:%b %Y}"


def short_moment(moment: datetime | None) -> str:
    """ "5 Jun 2025, 09:30": a moment as the clock in England read it (a 24-hour duty's
    deadline); blank for none."""
    if moment is None:
        return ""
    local = moment.astimezone(ENGLAND)
    return f"{local.day} {local:%b %Y, %H:%M}"


def code_calendar() -> WorkingDayCalendar:
    """The Code's own calendar: bank holidays of the configured nation, no closures.

    Office closures are not exemptions under the Code, so deadlines never count them.
    """
    return calendar_for(settings.PUTRIGHT_NATION)
