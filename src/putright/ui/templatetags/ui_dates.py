"""`{{ day|long_date }}`: every page writes a date the one GOV.UK way, "5 June 2025"."""

from __future__ import annotations

from datetime import date, datetime

from django import template
from django.utils import timezone

from putright.core.dates import long_date as _long_date

register = template.Library()


@register.filter
def long_date(value: date | datetime | None) -> str:
    """A date, or the date in England of a moment; blank for none."""
    if value is None or value == "":
        return ""
    if isinstance(value, datetime):
        value = timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return _long_date(value)
