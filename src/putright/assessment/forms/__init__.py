"""Forms for the self-assessment pages. They parse and keep what was typed; the services decide."""

from __future__ import annotations

from typing import Any

from django import forms

from putright.assessment.forms.base import AssessmentForm, DateField
from putright.assessment.models import EDITION_CHOICES, ActionStatus, Comply, QAScore, Rag, Reason
from putright.ui.forms import CleanTextForm, WholeNumberField

COMPLY_CHOICES = [(c.value, c.label) for c in Comply if c.value]
RAG_CHOICES = [(r.value, r.label) for r in Rag if r.value] + [("", "Not rated yet")]
QA_CHOICES = [(s.value, s.label) for s in QAScore if s.value]


def _text(label: str, *, hint: str = "", required: bool = False, width: str = "") -> forms.CharField:
    attrs = {"class": width} if width else {}
    return forms.CharField(
        label=label, help_text=hint, required=required, widget=forms.TextInput(attrs=attrs), strip=False
    )


def _area(label: str, *, hint: str = "", rows: int = 5) -> forms.CharField:
    return forms.CharField(
        label=label, help_text=hint, required=False, strip=False, widget=forms.Textarea(attrs={"rows": rows})
    )


def _radios(
    label: str, choices: list[tuple[str, str]], *, hint: str = "", required: bool = True, inline: bool = False
) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        help_text=hint,
        choices=choices,
        required=required,
        widget=forms.RadioSelect(attrs={"class": "govuk-radios--inline"} if inline else {}),
        error_messages={"required": f"Choose {label.lower().rstrip('?')}"},
    )


class NewAssessmentForm(AssessmentForm):
    error_fields = {"copy_from": "copy_from"}

    title = _text("Title", hint="For example, Self-assessment 2025 to 2026", required=True)
    edition = _radios("Which edition of the Code?", [(v, str(label)) for v, label in EDITION_CHOICES])
    reason = _radios("Why is this self-assessment being done?", [(r.value, r.label) for r in Reason])
    reason_detail = _area(
        "What changed, or what did the Ombudsman ask for?",
        hint="Needed for a restructure, merger or change of procedure (Code 8.3) or an Ombudsman request (8.4)",
        rows=3,
    )
    period_start = DateField(what="the first day of the period", label="Period starts")
    period_end = DateField(what="the last day of the period", label="Period ends")
    copy_from = forms.ChoiceField(
        label="Carry forward answers from",
        help_text="Last year's answers, evidence, RAG and unfinished actions, to review rather than retype",
        required=False,
        choices=[],
    )

    def __init__(self, *args: Any, previous: list[tuple[int, str]] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choice_field = self.fields["copy_from"]
        assert isinstance(choice_field, forms.ChoiceField)
        choice_field.choices = [("", "Start with blank answers"), *[(str(pk), t) for pk, t in previous or []]]


class DetailsForm(AssessmentForm):
    title = _text("Title", required=True)
    reason = _radios("Why is this self-assessment being done?", [(r.value, r.label) for r in Reason])
    reason_detail = _area("What changed, or what did the Ombudsman ask for?", rows=3)
    period_start = DateField(what="the first day of the period", label="Period starts")
    period_end = DateField(what="the last day of the period", label="Period ends")
    rag_green = _text("What green means", required=True)
    rag_amber = _text("What amber means", required=True)
    rag_red = _text("What red means", required=True)
    expected_revision = WholeNumberField(widget=forms.HiddenInput, required=False)


class AnswerForm(AssessmentForm):
    comply = _radios("Do we comply?", COMPLY_CHOICES)
    evidence = _area("Our evidence", hint="Policy sections, procedures, training, reports, web pages", rows=6)
    commentary = _area(
        "Commentary or explanation",
        hint="Needed when the answer is no, partly or not applicable: say why, and what is being done",
        rows=6,
    )
    rag = _radios("RAG rating", RAG_CHOICES, required=False, inline=True)
    documents = forms.MultipleChoiceField(
        label="Documents relied on", required=False, choices=[], widget=forms.CheckboxSelectMultiple
    )
    expected_revision = WholeNumberField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, documents: list[tuple[int, str]] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choice_field = self.fields["documents"]
        assert isinstance(choice_field, forms.MultipleChoiceField)
        choice_field.choices = [(str(pk), title) for pk, title in documents or []]


class ActionForm(AssessmentForm):
    description = _area("What will be done", rows=3)
    owner = _text("Owner", hint="A person or team", required=True, width="govuk-!-width-one-half")
    due_on = DateField(what="the date the action is due", label="Due by")
    status = _radios("Progress", [(s.value, s.label) for s in ActionStatus])
    completed_on = DateField(what="the date it was completed", label="Completed on", required=False)


class DocumentForm(AssessmentForm):
    error_fields = {"file": "file"}

    title = _text("Document title", hint="For example, Complaints policy 2024", required=True)
    file = forms.FileField(
        label="Upload a file",
        help_text="PDF, Word (.docx), JPEG, PNG, GIF or HEIC, up to 10 MB",
        error_messages={"required": "Choose a file to upload"},
    )


class CompleteForm(AssessmentForm):
    completed_by_name = _text("Completed by", hint="The complaints officer's name", required=True)
    completed_on = DateField(what="the date it was completed", label="Completed on")


class ApproveForm(AssessmentForm):
    error_fields = {"version": "version_number"}

    version_number = WholeNumberField(widget=forms.HiddenInput)
    approver_name = _text("Approved by", hint="Name and role, for example Priya Shah, Chair", required=True)
    body = _text("Governing body", hint="For example, Board, or Customer Services Committee", required=True)
    approved_on = DateField(what="the date of approval", label="Approved on")
    response = _area(
        "The governing body's response", hint="Published alongside the self-assessment (Code 8.2)", rows=6
    )


class ImportForm(AssessmentForm):
    file = forms.FileField(
        label="Upload a CSV or Excel file",
        help_text="Columns: Provision id, Comply, Evidence, Commentary, RAG, Actions",
        error_messages={"required": "Choose a CSV (.csv) or Excel (.xlsx) file"},
    )


class CompareForm(CleanTextForm):
    earlier = forms.TypedChoiceField(label="Earlier self-assessment", coerce=int, choices=[])
    later = forms.TypedChoiceField(label="Later self-assessment", coerce=int, choices=[])

    def __init__(self, *args: Any, options: list[tuple[int, str]], **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        for name in ("earlier", "later"):
            choice_field = self.fields[name]
            assert isinstance(choice_field, forms.TypedChoiceField)
            choice_field.choices = [(pk, title) for pk, title in options]


class SampleForm(AssessmentForm):
    quarter_start = DateField(what="the first day of the quarter", label="Quarter starts")
    size = WholeNumberField(
        label="How many complaints to sample",
        min_value=1,
        max_value=100,
        error_messages={
            "required": "Enter how many complaints to sample",
            "invalid": "Enter the sample size as a whole number",
            "min_value": "Sample at least 1 complaint",
            "max_value": "Sample at most 100 complaints",
        },
        widget=forms.TextInput(attrs={"class": "govuk-input--width-3", "inputmode": "numeric"}),
    )
    seed = WholeNumberField(
        label="Seed (optional)",
        help_text="Leave blank for a new random sample; enter a recorded seed to draw the same sample again",
        required=False,
        min_value=0,
        max_value=2**62,
        error_messages={"invalid": "Enter the seed as a whole number"},
        widget=forms.TextInput(attrs={"class": "govuk-input--width-20", "inputmode": "numeric"}),
    )


class ScoreForm(AssessmentForm):
    definition_recorded = _radios("Complaint definition recorded", QA_CHOICES, inline=True)
    acknowledged_in_time = _radios("Acknowledged in time", QA_CHOICES, inline=True)
    all_points_addressed = _radios("Response addressed all points", QA_CHOICES, inline=True)
    remedy_proportionate = _radios("Remedy proportionate to the impact", QA_CHOICES, inline=True)
    letter_plain_complete = _radios("Letter in plain language and complete", QA_CHOICES, inline=True)
    record_complete = _radios("Record complete", QA_CHOICES, inline=True)
    notes = _area("Notes", rows=4)
