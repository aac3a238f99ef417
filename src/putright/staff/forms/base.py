"""What staff forms add to the shared GOV.UK plumbing in `putright.ui.forms`: the complaint's
version for the optimistic lock, and the instant a date and time in England stand for."""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from django import forms

from putright.ui.forms import GovukForm

ENGLAND = ZoneInfo("Europe/London")


def england_moment(day: date, at: time) -> datetime:
    """The instant of `at` o'clock in England on `day` (the day in England is what the Code counts)."""
    return datetime.combine(day, at, tzinfo=ENGLAND)


class VersionedForm(GovukForm):
    """A form acting on a complaint: carries the version it was loaded at (optimistic lock)."""

    expected_version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1)


__all__ = ["VersionedForm", "england_moment"]
