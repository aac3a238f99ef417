"""What staff forms add to the shared GOV.UK plumbing in `putright.ui.forms`: the complaint's
version for the optimistic lock, and the instant a date and time in England stand for."""

from __future__ import annotations

from datetime import date, datetime, time

from django import forms

from putright.core.dates import ENGLAND
from putright.ui.forms import GovukForm


def england_moment(day: date, at: time) -> datetime:
    """The instant of `at` o'clock in England on `day` (the day in England is what the Code counts)."""
    return datetime.combine(day, at, tzinfo=ENGLAND)


class VersionedForm(GovukForm):
    """A form acting on a complaint: carries the version it was loaded at (optimistic lock)."""

    expected_version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1)


class PagedForm(GovukForm):
    """A GET form whose results come a page at a time; the page number travels in the links."""

    page = forms.IntegerField(
        required=False,
        min_value=1,
        max_value=100_000,
        widget=forms.HiddenInput,
        error_messages={
            "invalid": "The page number must be a whole number",
            "min_value": "The page number must be 1 or more",
            "max_value": "The page number must be 100000 or less",
        },
    )

    def error_summary(self) -> list[dict[str, str]]:
        """As GOV.UK's, but an error about the page number links nowhere: it has no box."""
        return [
            {**item, "href": ""} if item["href"] == f"#{self['page'].auto_id}" else item
            for item in super().error_summary()
        ]

    @property
    def page_number(self) -> int:
        if not self.is_bound or not self.is_valid():
            return 1
        return int(self.cleaned_data.get("page") or 1)


__all__ = ["PagedForm", "VersionedForm", "england_moment"]
