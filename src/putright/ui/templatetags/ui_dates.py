"""`{{ day|long_date }}`: every page writes a date the one GOV.UK way, "5 June 2025"; in a
table, where space is tight, `{{ day|short_date }}` ("5 Jun 2025") and `{{ moment|short_moment }}`
("5 Jun 2025, 09:30"). Plain string formatting: Django's `date` filter costs about forty
microseconds a call, a millisecond on a list of 25 rows."""

from __future__ import annotations

from datetime import date, datetime

from django import template
from django.utils import timezone

from putright.core.dates import england_date
from putright.core.dates import long_date as _long_date
from putright.core.dates import short_date as _short_date
from putright.core.dates import short_moment as _short_moment

register = template.Library()


def _day(value: date | datetime | None) -> date | None:
    """The date itself, or the date in England of a moment."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return england_date(value) if timezone.is_aware(value) else value.date()
    return value


@register.filter
def long_date(value: date | datetime | None) -> str:
    """A date, or the date in England of a moment; blank for none."""
    return _long_date(_day(value))


@register.filter
def short_date(value: date | datetime | None) -> str:
    """A date, or the date in England of a moment, with the month abbreviated; blank for none."""
    return _short_date(_day(value))


@register.filter
def short_moment(value: datetime | None) -> str:
    """A moment as the clock in England read it, the month abbreviated; blank for none."""
    if value is None or value == "":
        return ""
    return _short_moment(value if timezone.is_aware(value) else timezone.make_aware(value))
