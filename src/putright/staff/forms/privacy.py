"""Search and filters for the privacy pages: subject access, the special category access log,
and the retention preview. Every field is checked; bad input is a field error, never a crash."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any, cast

from django import forms

from putright.accounts.models import User
from putright.cases.selectors import LARGEST_ID
from putright.staff.forms.base import PagedForm, england_moment
from putright.ui.forms import DateField, WholeNumberField

# Dates outside these years are typing mistakes, and a day after 31 December 9999 cannot exist.
FIRST_YEAR, LAST_YEAR = 1900, 2999


def _in_range(form: forms.Form, name: str, what: str) -> None:
    day = form.cleaned_data.get(name)
    if day is not None and not FIRST_YEAR <= day.year <= LAST_YEAR:
        form.add_error(name, f"{what} must be between {FIRST_YEAR} and {LAST_YEAR}")


class ResidentSearchForm(PagedForm):
    q = forms.CharField(
        label="Name, email address or tenancy reference",
        help_text="Part of a name, or a whole email address, phone number or tenancy reference",
        max_length=200,
        widget=forms.TextInput(attrs={"spellcheck": "false", "autocomplete": "off"}),
        error_messages={
            "required": "Enter a name, email address or tenancy reference",
            "max_length": "The search must be 200 characters or fewer",
        },
    )


class AccessLogForm(PagedForm):
    start = DateField(what="the first day", label="From", required=False, help_text="For example, 1 4 2026")
    end = DateField(what="the last day", label="To", required=False, help_text="For example, 30 6 2026")
    user = forms.ChoiceField(
        label="Member of staff",
        required=False,
        choices=[],
        error_messages={"invalid_choice": "Choose a member of staff from the list"},
    )
    resident = WholeNumberField(
        label="Resident number",
        required=False,
        min_value=1,
        max_value=LARGEST_ID,
        help_text="As shown on the subject access page",
        widget=forms.TextInput(attrs={"class": "govuk-input--width-10", "inputmode": "numeric"}),
        error_messages={
            "invalid": "The resident number must be a whole number, like 1234",
            "min_value": "The resident number must be 1 or more",
            "max_value": "There is no resident with that number",
        },
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        staff = User.objects.order_by("username").only("pk", "username", "first_name", "last_name")
        cast(forms.ChoiceField, self.fields["user"]).choices = [("", "Anyone")] + [
            (str(u.pk), u.username if u.display_name == u.username else f"{u.display_name} ({u.username})")
            for u in staff
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        _in_range(self, "start", "The first day")
        _in_range(self, "end", "The last day")
        start, end = self.cleaned_data.get("start"), self.cleaned_data.get("end")
        if start and end and start > end:
            self.add_error("end", "The last day must be the same as or after the first day")
        return data

    def filters(self) -> dict[str, Any]:
        """The filters for `special_category_reads`: whole days in England, `until` exclusive."""
        if not self.is_bound or not self.is_valid():
            return {}
        data = self.cleaned_data
        start: date | None = data.get("start")
        end: date | None = data.get("end")
        since: datetime | None = england_moment(start, time.min) if start else None
        until: datetime | None = england_moment(end + timedelta(days=1), time.min) if end else None
        return {
            "since": since,
            "until": until,
            "user_id": int(data["user"]) if data.get("user") else None,
            "resident_id": data.get("resident"),
        }


class RetentionForm(PagedForm):
    on = DateField(
        what="the date",
        label="Who would be anonymised on",
        required=False,
        help_text="For example, 1 4 2027. Leave it empty for today.",
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        _in_range(self, "on", "The date")
        return data

    def day(self, today: date) -> date:
        if not self.is_bound or not self.is_valid():
            return today
        return cast(date | None, self.cleaned_data.get("on")) or today
