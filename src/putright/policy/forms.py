"""Forms for the policy pages: plain fields; the services decide what is allowed."""

from __future__ import annotations

from typing import Any

from django import forms

from putright.rules.policy import TIMESCALE_FIELDS
from putright.ui.forms import DateField, GovukForm, WholeNumberField


class SectionForm(GovukForm):
    title = forms.CharField(
        label="Heading", max_length=200, error_messages={"required": "Enter the section's heading"}
    )
    body = forms.CharField(
        label="Text",
        required=False,
        widget=forms.Textarea(attrs={"rows": 14}),
        help_text=(
            "Leave a blank line between paragraphs; start a list item with '- '. Write numbers of days as "
            "placeholders, such as {stage1_respond_days}, so they always match the deadlines."
        ),
    )
    easy_read = forms.CharField(
        label="Easy-read version (optional)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="Short sentences, one idea in each, everyday words.",
    )


class TimescalesSectionForm(SectionForm):
    """The timescales section also sets the working-day timescales the policy proposes."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, (_table, _stage, paragraph, words) in TIMESCALE_FIELDS.items():
            self.fields[name] = WholeNumberField(
                label=f"{words} (working days)",
                min_value=1,
                max_value=365,
                help_text=f"No longer than the Code allows (Code {paragraph})",
                error_messages={"required": f"Enter the {words.lower()} timescale"},
            )


class ConfirmForm(GovukForm):
    """A button and nothing else: the page says what will happen."""


class ApproveForm(GovukForm):
    approved_on = DateField(what="the date the governing body approved the policy", label="Date of approval")
    note = forms.CharField(
        label="The governing body's decision (optional)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="For example the minute reference",
    )


class ReturnForm(GovukForm):
    note = forms.CharField(
        label="What the governing body wants changed",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Say what the governing body wants changed"},
    )


class ImportForm(GovukForm):
    document = forms.FileField(
        label="The existing policy (Word .docx)",
        error_messages={"required": "Choose the .docx file with your policy"},
    )


class MappingForm(GovukForm):
    sections = forms.MultipleChoiceField(
        label="Sections that meet this provision",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        choices=[],
    )

    def __init__(self, *args: Any, choices: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["sections"].choices = choices  # type: ignore[attr-defined]
