"""The questions of the "make a complaint" flow, one short page each (GOV.UK: one thing per page).

Every field is checked here with a message that says how to put it right; the answers are
kept as typed, so nothing is lost when a page is shown again with an error.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms

from putright.cases.models import ContactPreference, Format, Tenure
from putright.portal.forms.base import (
    GovukForm,
    clean_email,
    clean_phone,
    clean_text,
    date_fields,
    date_group,
    parse_date,
)


class StepForm(GovukForm):
    """A page of the flow. `for_someone_else` changes the wording; `today` bounds dates."""

    def __init__(self, *args: Any, today: date, for_someone_else: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.today = today
        self.for_someone_else = for_someone_else


class WhoForm(StepForm):
    who = forms.ChoiceField(
        choices=[("myself", "For myself"), ("someone_else", "For someone else")],
        error_messages={
            "required": "Select whether you are complaining for yourself or for someone else",
            "invalid_choice": "Select whether you are complaining for yourself or for someone else",
        },
    )


class RepresentativeForm(StepForm):
    rep_name = forms.CharField(required=False)
    relationship = forms.CharField(required=False)
    resident_agrees = forms.BooleanField(required=False)

    def clean_rep_name(self) -> str:
        return clean_text(
            self.data.get("rep_name", ""),
            required_message="Enter your full name",
            max_length=200,
            what="Your name",
        )

    def clean_relationship(self) -> str:
        return clean_text(
            self.data.get("relationship", ""),
            required_message="Enter how you know the person you are complaining for",
            max_length=120,
            what="How you know them",
        )

    def clean_resident_agrees(self) -> bool:
        if not self.cleaned_data.get("resident_agrees"):
            raise forms.ValidationError("Confirm that they agree to you complaining for them")
        return True


class WhatHappenedForm(StepForm):
    description = forms.CharField(required=False)

    def clean_description(self) -> str:
        return clean_text(
            self.data.get("description", ""),
            required_message="Tell us what happened",
            max_length=10_000,
            what="What happened",
        )


class WhenForm(StepForm):
    """When it happened, or when they found out (Code 2.3 counts 12 months from either)."""

    when = forms.ChoiceField(
        choices=[
            ("happened", "I know when it happened"),
            ("found_out", "I know when I found out about it"),
            ("not_sure", "I'm not sure"),
        ],
        error_messages={
            "required": "Select when it happened, or select I'm not sure",
            "invalid_choice": "Select when it happened, or select I'm not sure",
        },
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields.update(date_fields("happened"))
        self.fields.update(date_fields("found_out"))
        source = self.data if self.is_bound else self.initial
        self.dates = {p: date_group(source, p) for p in ("happened", "found_out")}

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        data["issue_occurred_on"] = data["aware_on"] = None
        if data.get("when") == "happened":
            data["issue_occurred_on"] = parse_date(
                self, "happened", what="the date it happened", required=True, today=self.today
            )
        elif data.get("when") == "found_out":
            data["aware_on"] = parse_date(
                self, "found_out", what="the date you found out", required=True, today=self.today
            )
        return data


class OutcomeForm(StepForm):
    outcomes = forms.CharField(required=False)

    def clean_outcomes(self) -> str:
        return clean_text(
            self.data.get("outcomes", ""), required_message=None, max_length=5_000, what="What you would like"
        )


# How the home is held, in plain words (the Regulator's TSMs count tenants by tenure: LCRA and
# LCHO). "I don't know" is a fair answer: the complaints officer resolves it before year end.
HOME_CHOICES = [
    (Tenure.GENERAL_NEEDS.value, "Rented from us"),
    (Tenure.SUPPORTED.value, "Rented from us, with support there, such as sheltered or supported housing"),
    (Tenure.SHARED_OWNERSHIP.value, "Part-owned, with rent paid to us on the rest (shared ownership)"),
    (Tenure.LEASEHOLD.value, "Owned on a lease (leasehold)"),
    (Tenure.OTHER.value, "None of these, for example it is not one of our homes"),
    (Tenure.UNKNOWN.value, "I don't know"),
]


class DetailsForm(StepForm):
    name = forms.CharField(required=False)
    address = forms.CharField(required=False)
    home = forms.ChoiceField(
        choices=HOME_CHOICES,
        error_messages={
            "required": "Select how the home is held, or select I don't know",
            "invalid_choice": "Select how the home is held, or select I don't know",
        },
    )

    def clean_name(self) -> str:
        message = "Enter their full name" if self.for_someone_else else "Enter your full name"
        return clean_text(self.data.get("name", ""), required_message=message, max_length=200, what="Name")

    def clean_address(self) -> str:
        return clean_text(self.data.get("address", ""), required_message=None, max_length=500, what="Address")


class ContactForm(StepForm):
    contact = forms.ChoiceField(
        choices=ContactPreference.choices,
        error_messages={
            "required": "Select how you would like us to contact you",
            "invalid_choice": "Select how you would like us to contact you",
        },
    )
    email = forms.CharField(required=False)
    phone = forms.CharField(required=False)
    postal_address = forms.CharField(required=False)

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        how = data.get("contact")
        # Only the chosen way is required; anything else typed is kept only if it is valid.
        for name, chosen in (("email", "email"), ("phone", "phone"), ("postal_address", "post")):
            value = str(self.data.get(name, ""))
            try:
                data[name] = self._check(name, value, required=chosen == how)
            except forms.ValidationError as exc:
                data[name] = ""
                if chosen == how:
                    self.add_error(name, exc)
        return data

    @staticmethod
    def _check(name: str, value: str, *, required: bool) -> str:
        if name == "email":
            return clean_email(value, required_message="Enter your email address" if required else None)
        if name == "phone":
            return clean_phone(value, required_message="Enter your phone number" if required else None)
        return clean_text(
            value,
            required_message="Enter the address we should write to" if required else None,
            max_length=500,
            what="Address",
        )


class HelpForm(StepForm):
    letter_format = forms.ChoiceField(
        choices=Format.choices,
        error_messages={
            "required": "Select the format you need, or select standard",
            "invalid_choice": "Select the format you need, or select standard",
        },
    )
    language = forms.CharField(required=False)
    adjustments = forms.CharField(required=False)

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        try:
            data["language"] = clean_text(
                self.data.get("language", ""),
                required_message=(
                    "Enter the language you would like us to use"
                    if data.get("letter_format") == Format.OTHER_LANGUAGE
                    else None
                ),
                max_length=60,
                what="Language",
            )
        except forms.ValidationError as exc:
            self.add_error("language", exc)
        try:
            data["adjustments"] = clean_text(
                self.data.get("adjustments", ""), required_message=None, max_length=2_000, what="This"
            )
        except forms.ValidationError as exc:
            self.add_error("adjustments", exc)
        return data


class SendForm(GovukForm):
    """The last page: optional files, and a field only robots fill in."""

    attachments = forms.Field(required=False)
    website = forms.CharField(required=False)

    def __init__(self, *args: Any, uploads: list[Any] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.uploads = uploads or []

    @property
    def from_robot(self) -> bool:
        return bool(str(self.data.get("website", "")).strip())
