"""The response form (Code 6.9, 6.19) with repeatable remedy and action rows; blank rows are ignored."""

from __future__ import annotations

from typing import Any

from django import forms

from putright.cases.models import Decision, RemedyKind
from putright.rules.remedies import band_range
from putright.rules.remedy_guidance import Band
from putright.staff.forms.actions import late_entry_field, sent_outside_fields, text, today_field
from putright.staff.forms.base import VersionedForm
from putright.ui.forms import DateField, GovukForm, MoneyField, Radios

ROWS = 3


class RespondForm(VersionedForm):
    refusal_fields = {
        "6.3": "responded_on",
        "6.14": "responded_on",
        "6.10": "responded_on",
        "6.20": "responded_on",
        "6.9": "no_remedy_reason",
        "6.19": "no_remedy_reason",
        "5.12": "sent_outside_note",
    }

    responded_on = today_field("the date the response was sent", "Date the response was sent")
    decision = forms.ChoiceField(
        label="Decision",
        choices=Decision.choices,
        widget=Radios(),
        error_messages={"required": "Choose the decision"},
    )
    reasons = text(
        "Reasons for the decision",
        hint="In plain language (Code 6.9d, 6.19d).",
        message="Give the reasons for the decision (Code 6.9d)",
        rows=6,
    )
    no_remedy_reason = text(
        "Why no remedy is offered",
        required=False,
        hint="Only if the complaint is upheld or partly upheld and you offer no remedy below (Code 6.9e, 6.19e).",
        rows=3,
    )
    sent_outside, sent_outside_note = sent_outside_fields("response")
    late_entry_reason = late_entry_field()


class RemedyRow(GovukForm):
    kind = forms.ChoiceField(
        label="Kind of remedy",
        choices=[("", "Choose a kind"), *RemedyKind.choices],
        error_messages={"required": "Choose the kind of remedy"},
    )
    description = forms.CharField(
        label="What will happen",
        max_length=2000,
        error_messages={"required": "Say what will happen to put things right (Code 7.3)"},
    )
    amount = MoneyField(
        label="Amount in pounds (for a financial remedy)",
        required=False,
        min_value=0,
        max_digits=10,
        decimal_places=2,
        widget=forms.TextInput(attrs={"class": "govuk-input--width-5", "inputmode": "decimal"}),
        error_messages={"invalid": "Enter the amount in pounds, like 150, £150.50 or £1,500"},
    )
    # Required by the service (Code 7.3: what will happen and by when), which names the
    # paragraph; optional here so that a blank spare row is not an error.
    due_on = DateField(
        what="the date it will be done by",
        label="Done by",
        required=False,
        help_text="Not before the response date. For an apology given in the letter, the response date.",
    )
    agreed_with_resident = forms.BooleanField(required=False, label="Agreed with the resident")
    band = forms.ChoiceField(
        label="Compensation band (for a financial remedy)",
        required=False,
        choices=[],
        help_text="The band that fits the impact on the resident, with the amounts it suggests (Code 7.4).",
    )
    band_reason = forms.CharField(
        label="Why the amount is outside the band (if it is)",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args: Any, bands: tuple[Band, ...] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = [
            ("", "The band the amount falls in"),
            *((b.key, f"{b.label}: {band_range(b)}") for b in bands),
        ]
        self.fields["band"].choices = choices  # type: ignore[attr-defined]


class ActionRow(GovukForm):
    description = forms.CharField(
        label="Outstanding action",
        max_length=2000,
        error_messages={"required": "Describe the outstanding action (Code 6.6)"},
    )
    promise_on = DateField(
        what="the date promised", label="Promised by", help_text="Not before the response date (Code 6.6)."
    )


RemedyRows = forms.formset_factory(RemedyRow, extra=ROWS)
ActionRows = forms.formset_factory(ActionRow, extra=ROWS)


def filled(formset: Any) -> list[tuple[int, dict[str, Any]]]:
    """(row number, data) for the rows someone filled in."""
    return [(i, form.cleaned_data) for i, form in enumerate(formset.forms) if form.cleaned_data]
