"""Forms for moving a complaint through its stages (Code sections 2, 5 and 6)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone

from putright.accounts.models import User
from putright.cases.models import RefusalReason
from putright.core.roles import Role
from putright.staff.forms.base import VersionedForm
from putright.staff.forms.queue import caseworkers
from putright.ui.forms import DateField, Radios, WholeNumberField

TEXT = {"rows": "4", "spellcheck": "true"}


def text(
    label: str, *, required: bool = True, hint: str = "", message: str = "", rows: int = 4
) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=required,
        help_text=hint,
        widget=forms.Textarea(attrs={**TEXT, "rows": str(rows)}),
        error_messages={"required": message or f"Enter {label[0].lower()}{label[1:]}"},
    )


def today_field(what: str, label: str, hint: str = "") -> DateField:
    return DateField(what=what, label=label, help_text=hint, initial=timezone.localdate)


def late_entry_field() -> forms.CharField:
    """Why a date before today is only being recorded now (Code 5.12): the record keeps both days."""
    return text(
        "Why it is being recorded late (only if the date is before today)",
        required=False,
        hint="The record keeps the date you give and today's date. A date before today needs a reason (Code 5.12).",
        rows=2,
    )


_ROLE_NAMES = {value: str(label).lower() for value, label in Role.choices}


class HandlerChoice(forms.ModelChoiceField):  # type: ignore[type-arg]
    """Caseworkers by name and role; everyone who acted at stage 1 is marked, so 6.13 is visible before choosing."""

    def __init__(self, *args: Any, stage_one_people: frozenset[int] = frozenset(), **kwargs: Any) -> None:
        self.stage_one_people = stage_one_people
        super().__init__(*args, **kwargs)

    def label_from_instance(self, obj: User) -> str:
        # A plain lookup: the list names every caseworker, hundreds at a large landlord.
        label = f"{obj.display_name} ({_ROLE_NAMES.get(obj.role, obj.role)})"
        return label + (", handled stage 1" if obj.pk in self.stage_one_people else "")


def handler_field(*, required: bool, stage_one_people: frozenset[int], empty_label: str) -> HandlerChoice:
    return HandlerChoice(
        queryset=caseworkers(),
        required=required,
        label="Handler",
        empty_label=empty_label,
        stage_one_people=stage_one_people,
        error_messages={
            "required": "Choose who will handle the complaint",
            "invalid_choice": "Choose a caseworker from the list",
        },
    )


def sent_outside_fields(what: str) -> tuple[forms.BooleanField, forms.CharField]:
    """The pair that records a letter sent outside putright (Code 5.12): a box and how it went."""
    box = forms.BooleanField(
        required=False,
        label=f"The {what} was sent outside putright",
        help_text="Tick only if you have already sent it yourself; putright will then not send its letter.",
    )
    note = text(
        "How and when it was sent",
        required=False,
        hint="For example: posted first class on 3 June 2025, copy on file.",
        rows=2,
    )
    return box, note


class AcknowledgeForm(VersionedForm):
    refusal_fields = {
        "6.2": "acknowledged_on",
        "6.11": "acknowledged_on",
        "6.13": "handler",
        "5.7": "responsibility",
        "5.12": "sent_outside_note",
    }

    acknowledged_on = today_field(
        "the date you acknowledged the complaint",
        "Date acknowledged",
        "Usually today. The response deadline runs from this date (Code 6.3, 6.14).",
    )
    definition = text(
        "Your understanding of the complaint",
        hint=(
            "These words go to the resident in the acknowledgement letter, and again in the response, as the "
            "complaint definition (Code 5.6, 6.9a). Write them to the resident. If any part is unclear, ask the "
            "resident to clarify instead."
        ),
        message="Set out your understanding of the complaint (Code 5.6)",
    )
    outcomes_sought = text(
        "The outcomes the resident is seeking",
        message="Record the outcomes the resident is seeking (Code 5.6)",
        rows=3,
    )
    responsibility = text(
        "What we are and are not responsible for",
        hint="Code 5.7: say which parts of the complaint are ours to answer and which are not, and who to contact for those.",
        message="Say which aspects we are and are not responsible for (Code 5.7)",
        rows=3,
    )
    sent_outside, sent_outside_note = sent_outside_fields("acknowledgement")
    late_entry_reason = late_entry_field()

    def __init__(self, *args: Any, stage_one_people: frozenset[int] = frozenset(), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["handler"] = handler_field(
            required=False,
            stage_one_people=stage_one_people,
            empty_label="Keep the current handler, or me",
        )


class ClarifyForm(VersionedForm):
    questions = text(
        "What you need the resident to clarify",
        hint="This is recorded as a letter to the resident (Code 5.6).",
        message="Write what you need the resident to clarify",
    )


class AssignForm(VersionedForm):
    refusal_fields = {"6.13": "handler"}

    def __init__(self, *args: Any, stage_one_people: frozenset[int] = frozenset(), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["handler"] = handler_field(
            required=True, stage_one_people=stage_one_people, empty_label="Choose a caseworker"
        )


class ExtendForm(VersionedForm):
    refusal_fields = {
        "6.4": "working_days",
        "6.15": "working_days",
        "6.5": "ombudsman_details_given",
        "6.16": "ombudsman_details_given",
    }

    working_days = WholeNumberField(
        label="Extend by how many working days",
        min_value=1,
        max_value=60,
        widget=forms.TextInput(attrs={"class": "govuk-input--width-3", "inputmode": "numeric"}),
        help_text="At most 10 working days in total at stage 1 and 20 at stage 2, unless there is good reason (Code 6.4, 6.15).",
        error_messages={
            "required": "Enter the number of working days",
            "invalid": "Enter the number of working days as a whole number, like 5",
            "min_value": "The extension must be at least 1 working day",
            "max_value": "The extension cannot be more than 60 working days",
        },
    )
    reason = text(
        "The reason, as explained to the resident",
        message="Explain the reason for the extension to the resident (Code 6.4)",
    )
    good_reason = forms.BooleanField(
        required=False,
        label="There is good reason to go past the usual limit",
        help_text="Only for complex complaints; the reason must say why.",
    )
    good_reason_explanation = text(
        "The good reason, as explained to the resident",
        required=False,
        hint="Needed when the extensions at this stage go past the usual limit. The notice tells the resident this.",
        rows=3,
    )
    notified_on = today_field(
        "the date you told the resident",
        "Date the resident was told",
        "On or before the current response date: an extension cannot be agreed after the deadline (Code 6.4, 6.15).",
    )
    late_entry_reason = late_entry_field()
    ombudsman_details_given = forms.BooleanField(
        required=False,
        label="The resident was given the Ombudsman's contact details with the extension",
        help_text="Code 6.5 and 6.16 require it every time an extension is notified.",
    )


class AddIssueForm(VersionedForm):
    error_fields = {"raised_at": "raised_on"}

    description = text("The new issue", message="Describe the new issue")
    raised_on = today_field("the date the resident raised it", "Date raised")
    related = forms.TypedChoiceField(
        label="Is it related to the complaint already being considered?",
        choices=[("yes", "Yes, it is related"), ("no", "No, it is a separate matter")],
        coerce=lambda v: v == "yes",
        widget=Radios(),
        error_messages={"required": "Say whether the new issue is related"},
    )
    would_unreasonably_delay = forms.BooleanField(
        required=False,
        label="Including it would unreasonably delay the stage 1 response",
        help_text="Then it is logged as a new complaint (Code 6.8).",
    )
    late_entry_reason = late_entry_field()


class EscalateForm(VersionedForm):
    refusal_fields = {"6.10": "requested_on", "5.3": "requested_on"}
    error_fields = {"requested_at": "requested_on"}

    requested_on = today_field(
        "the date the resident asked",
        "Date the resident asked for stage 2",
        "However they asked: by phone, email, letter or in person.",
    )
    reason = text(
        "Reason given (optional)",
        required=False,
        hint="The resident does not have to give a reason (Code 6.12). Record one only if they offered it.",
        rows=3,
    )
    late_entry_reason = late_entry_field()


REFUSAL_HINTS = {
    RefusalReason.OVER_12_MONTHS: "Counted from when the issue occurred or the resident became aware of it (Code 2.3). Consider discretion.",
    RefusalReason.LEGAL_PROCEEDINGS: "A claim has been filed at court (Code 2.2). Give the evidence.",
    RefusalReason.PREVIOUSLY_CONSIDERED: "Already decided under the complaints policy. Give the evidence (Code 2.1).",
}


class NoteForm(VersionedForm):
    note = text("Note (optional)", required=False, rows=3)


class CloseForm(NoteForm):
    confirm_open_work = forms.BooleanField(
        required=False,
        label="Close the complaint with this work still open",
        help_text="The actions stay in their owners' work until they are done (Code 6.6).",
    )

    def __init__(self, *args: Any, open_work: bool = True, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not open_work:  # nothing to confirm
            del self.fields["confirm_open_work"]


class AgreeUpdatesForm(VersionedForm):
    interval_working_days = WholeNumberField(
        label="Update the resident every how many working days",
        min_value=1,
        max_value=20,
        widget=forms.TextInput(attrs={"class": "govuk-input--width-3", "inputmode": "numeric"}),
        error_messages={
            "required": "Enter the interval in working days",
            "invalid": "Enter the interval as a whole number",
            "min_value": "Enter an interval between 1 and 20 working days",
            "max_value": "Enter an interval between 1 and 20 working days",
        },
    )
    agreed_on = today_field("the date it was agreed", "Date agreed")
    method = forms.CharField(
        label="How (optional)", required=False, max_length=40, help_text="For example, a phone call"
    )
    late_entry_reason = late_entry_field()
