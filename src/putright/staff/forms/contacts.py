"""Recording a contact, triaging it (Code 1.2-1.6), and raising a complaint from a service request (1.5)."""

from __future__ import annotations

from typing import Any, cast

from django import forms

from putright.cases.models import Channel, Contact, Tenure
from putright.cases.selectors import LARGEST_ID
from putright.landlord.models import Category
from putright.landlord.service_areas import service_area_choices
from putright.staff.forms.actions import text, today_field
from putright.staff.forms.base import PagedForm
from putright.staff.forms.record import now_time
from putright.ui.forms import DateField, GovukForm, Radios, TimeField, WholeNumberField

SEARCH_REQUIRED = "Enter a name, email address, phone number or tenancy reference"


class ContactSearchForm(PagedForm):
    """The GET form above a new contact, "Is this someone we know?". `q` searches; `resident`
    is the one chosen from the results, carried in the page's address until the contact is
    recorded against them."""

    q = forms.CharField(
        label="Name, email address, phone number or tenancy reference",
        help_text="Part of a name, or a whole email address, phone number or tenancy reference",
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"spellcheck": "false", "autocomplete": "off"}),
        error_messages={"max_length": "The search must be 200 characters or fewer"},
    )
    resident = WholeNumberField(
        required=False,
        min_value=1,
        max_value=LARGEST_ID,
        widget=forms.HiddenInput,
        error_messages={
            "invalid": "The resident number must be a whole number. Search again to choose the resident",
            "min_value": "There is no resident with that number. Search again to choose the resident",
            "max_value": "There is no resident with that number. Search again to choose the resident",
        },
    )

    def clean_q(self) -> str:
        term = str(self.cleaned_data.get("q") or "").strip()
        if "q" in self.data and not term:
            raise forms.ValidationError(SEARCH_REQUIRED)
        return term

    def error_summary(self) -> list[dict[str, str]]:
        """The chosen resident has no box of its own: its errors lead to the search box."""
        hidden = f"#{self['resident'].auto_id}"
        return [
            {**item, "href": f"#{self['q'].auto_id}"} if item["href"] == hidden else item
            for item in super().error_summary()
        ]

    @property
    def term(self) -> str:
        return str(self.cleaned_data.get("q") or "") if self.is_bound and self.is_valid() else ""

    @property
    def chosen_id(self) -> int | None:
        if not self.is_bound or not self.is_valid():
            return None
        chosen = self.cleaned_data.get("resident")
        return int(chosen) if chosen is not None else None


class ContactForm(GovukForm):
    error_fields = {"received_at": "received_on"}

    channel = forms.ChoiceField(label="How did they get in touch?", choices=Channel.choices)
    received_on = today_field("the date of the contact", "Date")
    received_time = TimeField(
        label="Time",
        initial=now_time,
        help_text="For example, 14:30",
        error_messages={"required": "Enter the time"},
    )
    summary = text(
        "What the resident told you",
        hint="In their words where you can. They do not have to use the word 'complaint' (Code 1.3).",
        message="Say what the resident told you",
        rows=6,
    )


TRIAGE_HINTS = {
    Contact.Triage.COMPLAINT: "Dissatisfaction about our service, actions or lack of action (Code 1.2). Logged at stage 1.",
    Contact.Triage.SERVICE_REQUEST: "A request to put something right (Code 1.4). Recorded, monitored and reviewed.",
    Contact.Triage.SURVEY_FEEDBACK: "Said in a survey (Code 1.6). Not a complaint, but tell them how to complain.",
}


def category_choices() -> list[tuple[str, str]]:
    return [("", "No category")] + [(c.slug, c.name) for c in Category.objects.filter(active=True)]


class TriageForm(GovukForm):
    error_fields = {"resident.name": "name"}

    triage = forms.ChoiceField(
        label="What is it?",
        choices=[c for c in Contact.Triage.choices if c[0]],
        widget=Radios(hints={str(k): v for k, v in TRIAGE_HINTS.items()}),
        error_messages={"required": "Choose complaint, service request or survey feedback"},
    )
    choice_to_complain_offered = forms.BooleanField(
        required=False,
        label="I offered the resident the choice to make a complaint",
        help_text="Required whenever they expressed dissatisfaction (Code 1.3).",
    )
    how_to_complain_method = forms.CharField(
        label="How were they told how to complain?",
        required=False,
        max_length=200,
        help_text="For survey feedback this is required: for example, by phone, or the complaints leaflet "
        "sent by email (Code 1.6). Leave blank if they have not been told.",
    )
    how_to_complain_given_on = DateField(
        what="the date they were told how to complain",
        label="When were they told how to complain?",
        required=False,
    )
    description = text(
        "Description (optional)", required=False, hint="Leave blank to use what they told you.", rows=3
    )
    category = forms.ChoiceField(label="Category", required=False, choices=[])
    service_area = forms.ChoiceField(
        label="Service area (optional)",
        required=False,
        choices=[],
        help_text="The part of our service the complaint is about. Only for a complaint.",
    )
    name = forms.CharField(label="Resident's full name", max_length=200, required=False)
    email = forms.EmailField(
        label="Email (optional)",
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
    phone = forms.CharField(label="Phone (optional)", required=False, max_length=40)
    address = text("Address (optional)", required=False, rows=3)
    tenancy_reference = forms.CharField(label="Tenancy reference (optional)", required=False, max_length=60)
    tenure = forms.ChoiceField(label="Tenure", choices=Tenure.choices, initial=Tenure.UNKNOWN)

    def __init__(self, *args: Any, needs_resident: bool = True, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["category"]).choices = category_choices()
        cast(forms.ChoiceField, self.fields["service_area"]).choices = [
            ("", "Not known yet"),
            *service_area_choices(),
        ]
        if not needs_resident:
            for name in ("name", "email", "phone", "address", "tenancy_reference", "tenure"):
                del self.fields[name]


class RaiseComplaintForm(GovukForm):
    error_fields = {"received_at": "received_on"}

    channel = forms.ChoiceField(label="How did they tell you?", choices=Channel.choices)
    received_on = today_field("the date they expressed dissatisfaction", "Date")
    received_time = TimeField(
        label="Time",
        initial=now_time,
        help_text="For example, 14:30",
        error_messages={"required": "Enter the time"},
    )
    description = text(
        "What they are dissatisfied with", message="Describe what the resident is dissatisfied with", rows=5
    )


class ReviewServiceRequestForm(GovukForm):
    outcome = forms.ChoiceField(
        label="What is the outcome of the review?",
        choices=[
            ("open", "Still open: set the next review"),
            ("completed", "Completed: the work is done"),
            ("cancelled", "Cancelled: no longer needed"),
        ],
        widget=Radios,
        error_messages={"required": "Choose the outcome of the review"},
    )
    reviewed_on = today_field("the date of the review", "Date of review")
    next_review_on = DateField(
        what="the next review date", label="Next review (if still open)", required=False
    )
