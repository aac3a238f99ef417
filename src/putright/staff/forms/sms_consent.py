"""The resident's consent to updates by text message (GOV.UK Notify)."""

from __future__ import annotations

from django import forms

from putright.staff.forms.base import VersionedForm
from putright.ui.forms import DateField


class SmsConsentForm(VersionedForm):
    given_on = DateField(
        what="the date consent was given",
        label="Date the resident agreed to text messages",
        required=False,
        help_text=(
            "Updates are sent by text message only once the resident's consent is recorded. "
            "Leave blank to withdraw it. For example, 27 3 2026"
        ),
    )
    how = forms.CharField(
        label="How the resident gave consent",
        required=False,
        help_text="For example: on the phone to you, ticked the box on the complaint form. Needed with the date.",
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
