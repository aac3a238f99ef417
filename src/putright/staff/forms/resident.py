"""Correcting the resident's details from the case page (Code 5.12); the service checks them."""

from __future__ import annotations

from django import forms

from putright.cases.models import ContactPreference, Format, Tenure
from putright.staff.forms.actions import text
from putright.staff.forms.base import VersionedForm

NOT_REMEMBERED = {"autocomplete": "off", "spellcheck": "false"}


class ResidentForm(VersionedForm):
    name = forms.CharField(
        label="Full name",
        max_length=200,
        error_messages={"required": "Enter the resident's name"},
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    # Read as text: the service says what is wrong with an address, beside this field.
    email = forms.CharField(
        label="Email (optional)", required=False, widget=forms.TextInput(attrs=NOT_REMEMBERED)
    )
    phone = forms.CharField(label="Phone (optional)", required=False, max_length=40)
    address = text("Postal address (optional)", required=False, rows=3)
    tenancy_reference = forms.CharField(label="Tenancy reference (optional)", required=False, max_length=60)
    tenure = forms.ChoiceField(label="Tenure", choices=Tenure.choices)
    preferred_channel = forms.ChoiceField(
        label="How they want us to contact them",
        choices=ContactPreference.choices,
        help_text="Letters still go in writing: by email when we have an address, otherwise by post.",
    )
    preferred_format = forms.ChoiceField(label="Format for letters", choices=Format.choices)
    language = forms.CharField(label="Language, if not English (optional)", required=False, max_length=60)
