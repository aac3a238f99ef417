"""Governance forms: GOV.UK components through the shared plumbing in `putright.ui.forms`."""

from __future__ import annotations

from typing import Any

from django import forms

from putright.accounts.models import Role, User
from putright.cases.models import Tenure
from putright.governance.models import Audience, FailureReason, FindingKind, LearningStatus, OrderKind
from putright.landlord.models import Category
from putright.ui.forms import DateField, GovukForm, Radios


class PeriodForm(GovukForm):
    start = DateField(what="the first day of the period", label="From", help_text="For example, 1 4 2026")
    end = DateField(what="the last day of the period", label="To", help_text="For example, 30 6 2026")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("start"), data.get("end")
        if start and end and start > end:
            self.add_error("end", "The last day must be the same as or after the first day")
        return data


def _text(
    label: str,
    *,
    required: bool = True,
    hint: str = "",
    rows: int = 0,
    max_length: int = 0,
    message: str = "",
) -> forms.CharField:
    widget: forms.Widget = forms.Textarea(attrs={"rows": rows}) if rows else forms.TextInput()
    kwargs: dict[str, Any] = {
        "label": label,
        "required": required,
        "help_text": hint,
        "widget": widget,
        "error_messages": {
            "required": message or f"Enter {label[0].lower()}{label[1:]}",
            "max_length": f"{label} must be {max_length} characters or fewer",
        },
    }
    if max_length:
        kwargs["max_length"] = max_length
    return forms.CharField(**kwargs)


def _set_choices(form: forms.Form, name: str, choices: list[Any]) -> None:
    field = form.fields[name]
    assert isinstance(field, forms.ChoiceField)
    field.choices = choices


def _owners() -> list[tuple[str, str]]:
    users = (
        User.objects.filter(is_active=True).exclude(role=Role.GOVERNANCE).order_by("first_name", "username")
    )
    return [("", "No owner yet"), *((str(u.pk), u.display_name) for u in users[:500])]


class LearningForm(GovukForm):
    title = _text("Title", max_length=200)
    learning = _text("What the complaints showed", rows=4, hint="Look beyond the individual case (Code 9.1)")
    improvement = _text("The improvement to the service", rows=4, hint="What will change (Code 9.2)")
    complaints = _text(
        "Complaint references",
        required=False,
        hint="Separate references with commas, for example CMP-ABCD-2345",
    )
    category = forms.ChoiceField(label="Category", required=False)
    owner = forms.ChoiceField(label="Owner", required=False)
    status = forms.ChoiceField(
        label="Status",
        choices=LearningStatus.choices,
        widget=Radios,
        error_messages={"required": "Select a status"},
    )
    identified_on = DateField(what="the date the learning was identified", label="Date identified")
    due_on = DateField(what="the date it is due", label="Due by", required=False)
    completed_on = DateField(what="the date it was completed", label="Date completed", required=False)
    error_fields = {"category_slug": "category", "complaint_references": "complaints"}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _set_choices(self, "category", [("", "None"), *Category.objects.values_list("slug", "name")])
        _set_choices(self, "owner", _owners())


class LearningReportForm(GovukForm):
    audience = forms.ChoiceField(
        label="Reported to",
        choices=Audience.choices,
        widget=Radios,
        error_messages={"required": "Select who it was reported to"},
    )
    reported_on = DateField(what="the date it was reported", label="Date reported")
    note = _text("Note", required=False, max_length=300, hint="For example, the meeting")


class OmbudsmanCaseForm(GovukForm):
    complaint = _text("Complaint reference", hint="Our reference, for example CMP-ABCD-2345", max_length=20)
    ombudsman_reference = _text("Ombudsman's reference", required=False, max_length=60)
    referred_on = DateField(what="the date the Ombudsman told you about the case", label="Date referred")
    summary = _text("Summary", required=False, rows=3)


class EvidenceRequestForm(GovukForm):
    description = _text("Evidence asked for", rows=3)
    requested_on = DateField(what="the date of the request", label="Date requested")
    due_on = DateField(
        what="the date it is due",
        label="Due by",
        required=False,
        help_text="Leave blank for 15 working days after the request",
    )


class EvidenceSentForm(GovukForm):
    sent_on = DateField(what="the date the evidence was sent", label="Date sent")


class FindingForm(GovukForm):
    issue = _text("Issue", max_length=300, hint="The part of the complaint the finding is about")
    kind = forms.ChoiceField(
        label="Finding",
        choices=FindingKind.choices,
        widget=Radios,
        error_messages={"required": "Select the finding"},
    )
    complaint_handling = forms.BooleanField(
        label="This finding is about our complaint handling (non-compliance with the Code)", required=False
    )
    determined_on = DateField(what="the date of the determination", label="Date determined")


class OrderForm(GovukForm):
    kind = forms.ChoiceField(
        label="Order or recommendation",
        choices=OrderKind.choices,
        widget=Radios(hints={"order": "Binding, with a date", "recommendation": "Not binding"}),
        error_messages={"required": "Select order or recommendation"},
    )
    description = _text("What the Ombudsman said", rows=3)
    due_on = DateField(what="the date it must be done by", label="Due by", required=False)
    finding = forms.ChoiceField(label="After the finding", required=False)

    def __init__(self, *args: Any, findings: list[tuple[str, str]] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _set_choices(self, "finding", [("", "Not linked to a finding"), *(findings or [])])


class OrderCompleteForm(GovukForm):
    completed_on = DateField(what="the date it was complied with", label="Date complied with")
    compliance_evidence = _text("Evidence of compliance", rows=3)
    evidence_sent_on = DateField(
        what="the date the evidence went to the Ombudsman", label="Evidence sent", required=False
    )


class CloseCaseForm(GovukForm):
    closed_on = DateField(what="the date the case closed", label="Date closed")


class FailureOrderForm(GovukForm):
    reason = forms.ChoiceField(
        label="Kind of failure",
        choices=FailureReason.choices,
        widget=Radios,
        error_messages={"required": "Select the kind of failure"},
    )
    description = _text("What the order says", rows=3)
    issued_on = DateField(what="the date the order was issued", label="Date issued")
    due_on = DateField(what="the date it must be done by", label="Due by", required=False)
    complaint = _text(
        "Complaint reference",
        required=False,
        max_length=20,
        hint="Leave blank if it is about our handling in general",
    )
    ombudsman_reference = _text("Ombudsman's reference", required=False, max_length=60)
    error_fields = {"complaint_reference": "complaint"}


class FailureComplyForm(GovukForm):
    complied_on = DateField(what="the date it was complied with", label="Date complied with")
    compliance_note = _text("How it was complied with", rows=3)


class ExceptionalForm(GovukForm):
    title = _text("Title", max_length=200, hint="For example, Cyber incident affecting our case system")
    description = _text("What happened and how residents are affected", rows=4)
    started_on = DateField(what="the date the circumstances began", label="Began on")
    ombudsman_informed_on = DateField(what="the date the Ombudsman was told", label="Ombudsman told on")
    residents_informed_on = DateField(
        what="the date residents were told", label="Residents told on", required=False
    )
    return_to_compliance_by = DateField(what="the date you will comply again", label="Back in compliance by")


class ExceptionalEndForm(GovukForm):
    returned_on = DateField(what="the date compliance returned", label="Compliance returned on")


class AnnualReportForm(GovukForm):
    period_start = DateField(what="the first day of the year", label="Year from")
    period_end = DateField(what="the last day of the year", label="Year to")
    commentary = _text(
        "What the figures tell us",
        required=False,
        rows=6,
        hint="The qualitative analysis of performance (Code 8.1b)",
    )
    other_ombudsman_reports = _text(
        "Other reports by the Ombudsman about us", required=False, rows=3, hint="Code 8.1f"
    )
    no_other_ombudsman_reports = forms.BooleanField(
        required=False, label="I confirm the Ombudsman published no other report about us in the year (8.1f)"
    )
    no_ombudsman_annual_report = forms.BooleanField(
        required=False,
        label="I confirm the Ombudsman published no annual report on our performance for the year (8.1e)",
    )


class OmbudsmanReportUploadForm(GovukForm):
    file = forms.FileField(
        label="The Ombudsman's annual report on us (PDF)", help_text="Code 8.1e. Up to 10 MB"
    )


class SendToGoverningBodyForm(GovukForm):
    sent_on = DateField(what="the date the report went to the governing body", label="Sent on")


class ResponseForm(GovukForm):
    governing_body_response = _text(
        "The governing body's response", rows=6, hint="Published with the report (Code 8.2)"
    )
    response_recorded_on = DateField(what="the date of the response", label="Response dated")


class BoardResponseForm(GovukForm):
    governing_body_response = _text(
        "The governing body's response",
        rows=6,
        hint="What the governing body said or decided about this version. It is kept with the version (Code 9.7)",
    )
    response_recorded_on = DateField(what="the date of the response", label="Response dated")


__all__ = [
    "AnnualReportForm",
    "BoardResponseForm",
    "CloseCaseForm",
    "EvidenceRequestForm",
    "EvidenceSentForm",
    "ExceptionalEndForm",
    "ExceptionalForm",
    "FailureComplyForm",
    "FailureOrderForm",
    "FindingForm",
    "LearningForm",
    "LearningReportForm",
    "OmbudsmanCaseForm",
    "OmbudsmanReportUploadForm",
    "OrderCompleteForm",
    "OrderForm",
    "PeriodForm",
    "ResponseForm",
    "SendToGoverningBodyForm",
    "TenureForm",
]


class TenureForm(GovukForm):
    """The resident's tenure, as the Regulator's measures count it (CH01, CH02)."""

    tenure = forms.ChoiceField(
        label="The resident's tenure",
        choices=[(v, label) for v, label in Tenure.choices if v != Tenure.UNKNOWN],
        widget=Radios(
            hints={
                Tenure.GENERAL_NEEDS: "Counted in CH01 and CH02 as low-cost rental (LCRA)",
                Tenure.SUPPORTED: "Counted in CH01 and CH02 as low-cost rental (LCRA)",
                Tenure.SHARED_OWNERSHIP: "Counted in CH01 and CH02 as low-cost home ownership (LCHO)",
                Tenure.LEASEHOLD: "Not counted in CH01 and CH02",
                Tenure.OTHER: "Not counted in CH01 and CH02",
            }
        ),
        error_messages={"required": "Select the resident's tenure"},
    )
