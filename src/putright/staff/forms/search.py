"""The staff search box in the header of every staff page."""

from __future__ import annotations

from django import forms

from putright.cases.selectors import SEARCH_MIN_LENGTH
from putright.staff.forms.base import PagedForm

SEARCH_TOO_SHORT = (
    f"Enter at least {SEARCH_MIN_LENGTH} characters: part of a reference, a name, an email address, "
    "a phone number, a postcode or a tenancy reference"
)


class SearchForm(PagedForm):
    q = forms.CharField(
        label="Search complaints",
        help_text=(
            "Reference (whole or part), resident's name, email, phone, postcode, tenancy reference "
            "or representative's name. Every status, closed and refused included"
        ),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"spellcheck": "false", "autocomplete": "off", "type": "search"}),
        error_messages={"max_length": "The search must be 200 characters or fewer"},
    )

    def clean_q(self) -> str:
        term = " ".join(str(self.cleaned_data.get("q") or "").split())
        if len(term) < SEARCH_MIN_LENGTH:
            raise forms.ValidationError(SEARCH_TOO_SHORT)
        return term

    @property
    def term(self) -> str:
        return str(self.cleaned_data.get("q") or "") if self.is_bound and self.is_valid() else ""
