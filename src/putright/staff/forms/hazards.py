"""Forms for the steps on a hazard (Awaab's Law). Each maps to one hazard service."""

from __future__ import annotations

from django import forms

from putright.rules.hazard_data import STOP_REASONS
from putright.staff.forms.actions import late_entry_field, text, today_field
from putright.staff.forms.record import now_time
from putright.ui.forms import GovukForm, Radios, TimeField


def _time(label: str = "Time") -> TimeField:
    return TimeField(
        label=label,
        initial=now_time,
        help_text="For example, 14:30",
        error_messages={"required": "Enter the time"},
    )


class InvestigatedForm(GovukForm):
    on = today_field("the date the investigation concluded", "Date the investigation concluded")
    at = _time()
    hazard_found = forms.ChoiceField(
        label="Did the investigation find the hazard?",
        choices=[("yes", "Yes"), ("no", "No")],
        widget=Radios(),
        error_messages={"required": "Say whether the investigation found the hazard"},
    )
    findings = text("What the investigation found", rows=4)
    late_entry_reason = late_entry_field()


class SummarySentForm(GovukForm):
    on = today_field("the date the written summary was sent", "Date the written summary was sent")
    safety_work = text("The safety work", hint="What will make the home safe, or that none is needed", rows=3)
    further_works = text(
        "The further works", hint="What will put the cause right, or that none are needed", rows=3
    )
    updates = text(
        "How we will keep the tenant updated", hint="For example: a call every Friday until done", rows=2
    )
    send = forms.ChoiceField(
        label="How does the tenant get it?",
        choices=[
            ("email", "Email it to the tenant from putright now"),
            ("post", "Post it or hand it over: download the PDF or Word file from the hazard's page"),
        ],
        widget=Radios(),
        error_messages={"required": "Choose how the tenant gets the summary"},
    )
    late_entry_reason = late_entry_field()


class MadeSafeForm(GovukForm):
    on = today_field("the date the safety work was done", "Date the safety work was done")
    at = _time()
    note = text("The safety work done", rows=3)
    late_entry_reason = late_entry_field()


class AccommodationForm(GovukForm):
    on = today_field("the date the household moved", "Date alternative accommodation was secured")
    at = _time()
    note = text("Where the household is staying", rows=3)
    late_entry_reason = late_entry_field()


class WorksStartedForm(GovukForm):
    on = today_field("the date", "Date")
    physically = forms.ChoiceField(
        label="What happened?",
        choices=[("yes", "Further works physically started"), ("no", "Steps taken to begin further works")],
        widget=Radios(),
        error_messages={"required": "Choose what happened"},
    )
    note = text("The further works (optional)", required=False, rows=3)
    late_entry_reason = late_entry_field()


class WorksCompletedForm(GovukForm):
    on = today_field("the date the works were completed", "Date the further works were completed")
    note = text("Note (optional)", required=False, rows=3)
    late_entry_reason = late_entry_field()


class ExceptionForm(GovukForm):
    reason = forms.ChoiceField(
        label="Which exception applies?",
        choices=[(r.value, label) for r, label in STOP_REASONS.items()],
        widget=Radios(),
        error_messages={"required": "Choose the exception"},
    )
    evidence = text("The evidence", hint="What shows the exception applies", rows=4)
    on = today_field("the date", "Date")
    at = _time()
    late_entry_reason = late_entry_field()


class DismissScreenForm(GovukForm):
    reason = text("Why this is not a hazard", rows=3)


class HazardFilterForm(GovukForm):
    state = forms.ChoiceField(
        label="Show",
        required=False,
        choices=[
            ("open", "Open duties"),
            ("overdue", "Overdue duties"),
            ("closed", "Closed"),
            ("all", "All"),
        ],
    )
    kind = forms.ChoiceField(
        label="Kind",
        required=False,
        choices=[("", "Any"), ("emergency", "Emergency"), ("significant", "Significant")],
    )
