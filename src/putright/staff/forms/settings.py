"""The complaints officer's settings: landlord details, policy timescales, closure days, categories."""

from __future__ import annotations

from typing import Any, cast

from django import forms

from putright.landlord.models import NamedRoleKind
from putright.staff.forms.actions import text
from putright.ui.forms import DateField, GovukForm, Radios, WholeNumberField

NUMBER = {"class": "govuk-input--width-5", "inputmode": "numeric"}


def count(label: str, hint: str = "") -> WholeNumberField:
    return WholeNumberField(
        label=label,
        min_value=0,
        help_text=hint,
        widget=forms.TextInput(attrs=NUMBER),
        error_messages={
            "required": f"Enter {label[0].lower()}{label[1:]}",
            "invalid": "Enter a whole number, like 8200",
            "min_value": "Enter 0 or more",
        },
    )


class DetailsForm(GovukForm):
    name = forms.CharField(
        label="Landlord name", max_length=200, error_messages={"required": "Enter the landlord's name"}
    )
    colour = forms.CharField(
        label="Header colour",
        max_length=7,
        help_text="A hex colour, like #1d70b8. It appears as a line under the header.",
        widget=forms.TextInput(attrs={"class": "govuk-input--width-5", "spellcheck": "false"}),
        error_messages={"required": "Enter the colour, like #1d70b8"},
    )
    homes_rented = count("Homes owned for rent", "General needs and supported housing (used for TSM CH01).")
    homes_shared_ownership = count("Shared ownership homes owned")
    ombudsman_details = text(
        "The Ombudsman's contact details, as shown to residents",
        hint="Given with every extension and final response (Code 6.5, 6.16, 6.19g).",
        message="Enter the Ombudsman's contact details",
    )
    complaints_email = forms.EmailField(
        label="Complaints email",
        error_messages={"invalid": "Enter an email address like complaints@example.org"},
    )
    complaints_phone = forms.CharField(label="Complaints phone", max_length=40)
    complaints_address = text("Complaints postal address", rows=3)


def days(label: str, code: int, paragraph: str) -> WholeNumberField:
    return WholeNumberField(
        label=label,
        help_text=f"The Code allows at most {code} working days (Code {paragraph}).",
        widget=forms.TextInput(attrs={"class": "govuk-input--width-3", "inputmode": "numeric"}),
        error_messages={
            "required": "Enter the number of working days",
            "invalid": "Enter a whole number of working days",
        },
    )


class TimescalesForm(GovukForm):
    stage1_acknowledge_days = days("Stage 1: acknowledge within", 5, "6.2")
    stage1_respond_days = days("Stage 1: respond within, after acknowledging", 10, "6.3")
    stage2_acknowledge_days = days("Stage 2: acknowledge within", 5, "6.11")
    stage2_respond_days = days("Stage 2: respond within, after acknowledging", 20, "6.14")


class ClosureForm(GovukForm):
    day = DateField(what="the closure date", label="Date the office is closed")
    reason = forms.CharField(
        label="Reason (optional)", required=False, max_length=200, help_text="For example, Christmas closure"
    )


class CategoryForm(GovukForm):
    name = forms.CharField(
        label="New category", max_length=120, error_messages={"required": "Enter the category name"}
    )


class NamedRoleForm(GovukForm):
    role = forms.ChoiceField(
        label="Role",
        choices=NamedRoleKind.choices,
        widget=Radios(),
        error_messages={"required": "Choose the role"},
    )
    name = forms.CharField(
        label="Name",
        max_length=200,
        error_messages={"required": "Enter the name of the person who holds the role"},
    )
    area = forms.CharField(
        label="Service area (complaint champions only)",
        required=False,
        max_length=120,
        help_text="For example repairs, or income and rents",
    )
    since = DateField(what="the date they took on the role", label="In the role since")
    contact = forms.CharField(
        label="Contact (optional)",
        required=False,
        max_length=200,
        help_text="An email address or telephone number",
    )


class TrainingForm(GovukForm):
    person = forms.CharField(
        label="Name", max_length=200, error_messages={"required": "Enter the name of the person trained"}
    )
    role_title = forms.CharField(label="Job title (optional)", required=False, max_length=200)
    course = forms.CharField(
        label="Training", max_length=200, error_messages={"required": "Enter the name of the training"}
    )
    completed_on = DateField(what="the date the training was completed", label="Completed on")
    provider = forms.CharField(label="Given by (optional)", required=False, max_length=200)


class BandRow(GovukForm):
    label = forms.CharField(
        label="Name", max_length=120, error_messages={"required": "Enter the band's name"}
    )
    min_pounds = forms.DecimalField(
        label="Lowest amount in pounds (optional)",
        required=False,
        min_value=0,
        max_digits=10,
        decimal_places=2,
        error_messages={"invalid": "Enter the amount in pounds, like 50 or 50.50"},
    )
    max_pounds = forms.DecimalField(
        label="Highest amount in pounds (optional)",
        required=False,
        min_value=0,
        max_digits=10,
        decimal_places=2,
        error_messages={"invalid": "Enter the amount in pounds, like 100 or 100.50"},
    )
    description = forms.CharField(label="What impact it is for (optional)", required=False, max_length=300)


BandRows = forms.formset_factory(BandRow, extra=6, max_num=12)


class ServiceAreaForm(GovukForm):
    """A service area's name and owner: adding one, or changing them."""

    name = forms.CharField(
        label="Name",
        max_length=120,
        help_text="As your teams say it, for example Repairs, Lettings or Income.",
        error_messages={"required": "Enter the service area's name"},
    )
    owner = forms.TypedChoiceField(
        label="Owner",
        coerce=int,
        choices=[],
        help_text="The member of staff who answers for complaints about this service.",
        error_messages={"required": "Choose the member of staff who owns this service area"},
    )

    def __init__(self, *args: Any, owners: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.TypedChoiceField, self.fields["owner"]).choices = [
            ("", "Choose a member of staff"),
            *owners,
        ]
