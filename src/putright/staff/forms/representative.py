"""The complaint's representative and the resident's consent (Code 3.6).

The form reads the input; the case service's own check says what is wrong with it (a
consent date in the future, an email address that is not one), so every message shows at
once beside its field, even when another field could not be read.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone

from putright.cases.services import RepresentativeDetails, representative_check
from putright.core.errors import InvalidInput
from putright.staff.forms.actions import text
from putright.staff.forms.base import VersionedForm
from putright.ui.forms import DateField

NOT_REMEMBERED = {"autocomplete": "off", "spellcheck": "false"}


class RepresentativeForm(VersionedForm):
    name = forms.CharField(
        label="Representative's full name",
        error_messages={"required": "Enter the representative's name"},
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    relationship = forms.CharField(
        label="Relationship to the resident",
        help_text="For example: son, advocate, support worker, councillor, MP",
        error_messages={
            "required": "Say how the representative is related to the resident, "
            "for example son, advocate or councillor"
        },
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    email = forms.CharField(
        label="Email address (optional)",
        required=False,
        help_text="Letters are copied by email when we have an email address, otherwise by post.",
        widget=forms.EmailInput(attrs=NOT_REMEMBERED),
    )
    phone = forms.CharField(
        label="Phone number (optional)",
        required=False,
        widget=forms.TextInput(attrs={**NOT_REMEMBERED, "class": "govuk-input--width-20"}),
    )
    address = text("Postal address (optional)", required=False, rows=3)
    consent_recorded_on = DateField(
        what="the date consent was recorded",
        label="Date the resident's consent was recorded (optional)",
        required=False,
        help_text=(
            "Letters are copied to the representative only once the resident's consent is recorded "
            "(Code 3.6). Leave blank if it is not recorded yet. For example, 27 3 2026"
        ),
    )
    consent_method = forms.CharField(
        label="How the resident gave consent",
        required=False,
        help_text="For example: signed consent form, by phone, by email. Needed with the date.",
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        details = RepresentativeDetails(
            name=data.get("name") or "",
            relationship=data.get("relationship") or "",
            email=data.get("email") or "",
            phone=data.get("phone") or "",
            address=data.get("address") or "",
            consent_recorded_on=data.get("consent_recorded_on"),
            consent_method=data.get("consent_method") or "",
        )
        try:
            representative_check(details, today=timezone.localdate())
        except InvalidInput as exc:
            for key, messages in exc.errors.items():
                if key not in self.errors:  # a field that could not be read keeps its own message
                    for message in messages:
                        self.add_error(key, message)
        return data


class RemoveRepresentativeForm(VersionedForm):
    reason = text(
        "Why the representative is removed",
        hint="For example: the resident withdrew their consent by phone on 3 March.",
        message="Say why the representative is removed, for example the resident withdrew consent",
        rows=3,
    )
