"""Forms for refusing, reopening and withdrawing (Code 2.1-2.5, 5.11, 5.12)."""

from __future__ import annotations

from django import forms

from putright.cases.models import Channel, RefusalReason
from putright.staff.forms.actions import REFUSAL_HINTS, text, today_field
from putright.staff.forms.base import VersionedForm
from putright.ui.forms import DateField, Radios


class RefuseForm(VersionedForm):
    refusal_fields = {"2.3": "reason", "2.1": "evidence", "2.4": "reason"}

    reason = forms.ChoiceField(
        label="Reason",
        choices=RefusalReason.choices,
        widget=Radios(hints={str(k): v for k, v in REFUSAL_HINTS.items()}),
        error_messages={"required": "Choose the reason"},
    )
    explanation = text(
        "Explanation for the resident",
        hint="It goes to the resident with their right to take it to the Ombudsman (Code 2.4).",
        message="Explain to the resident why (Code 2.4)",
    )
    evidence = text(
        "Evidence",
        required=False,
        hint="What shows the reason applies to this complaint (Code 2.1). Required for legal proceedings "
        "(the claim filed at court) and for a matter already considered (the earlier decision). Attach "
        "documents to the case record as correspondence and name them here.",
        rows=3,
    )
    aware_on = DateField(
        what="the date the resident became aware",
        label="When did the resident become aware of the issue?",
        required=False,
        help_text="For a complaint over 12 months old: the 12 months run from when the issue occurred or "
        "the resident became aware of it, whichever is later (Code 2.3).",
    )
    aware_when_occurred = forms.BooleanField(
        required=False,
        label="The resident was aware of the issue when it occurred",
        help_text="Tick instead of giving a date, only if that is what the record shows.",
    )
    discretion = text(
        "How did you consider using discretion to accept it anyway?",
        required=False,
        hint="For a complaint over 12 months old: whether there are good reasons to accept it, and why "
        "not (Code 2.3).",
        rows=3,
    )


class RefuseEscalationForm(VersionedForm):
    refusal_fields = {"5.11": "reason", "6.20": "reason", "2.1": "evidence", "2.4": "reason"}
    error_fields = {"requested_at": "requested_on"}

    requested_on = today_field(
        "the date the resident asked for stage 2",
        "Date the resident asked for stage 2",
        "Kept on the record: the refusal is due within 5 working days of it, as an acknowledgement "
        "would be (Code 6.11).",
    )
    reason = forms.ChoiceField(
        label="Reason",
        choices=RefusalReason.choices,
        widget=Radios(hints={str(k): v for k, v in REFUSAL_HINTS.items()}),
        error_messages={"required": "Choose the reason"},
    )
    explanation = text(
        "Reasons for the resident",
        hint="Set out the reasons clearly; they must be consistent with section 2 of the Code (Code 5.11).",
        message="Set out the reasons clearly for the resident (Code 5.11)",
    )
    evidence = text("Evidence", required=False, hint="What shows the reason applies (Code 2.1).", rows=3)


class ReopenForm(VersionedForm):
    refusal_fields = {"2.4": "reopened_on"}
    error_fields = {"reopened_at": "reopened_on"}

    reopened_on = today_field(
        "the date it was decided to take the complaint on",
        "Date it was decided to take the complaint on",
        "Stage 1 starts again from this date: acknowledge within 5 working days (Code 6.2).",
    )
    reason = text(
        "Why is the complaint being taken on?",
        hint="For example, the Ombudsman found the exclusion was not fairly applied, or we reconsidered "
        "(Code 2.4).",
        message="Say why the complaint is now being taken on (Code 2.4)",
        rows=3,
    )


class WithdrawForm(VersionedForm):
    channel = forms.ChoiceField(
        label="How did the resident tell us?",
        choices=Channel.choices,
        widget=Radios,
        error_messages={"required": "Say how the resident told us they were withdrawing"},
    )
    note = text(
        "Why is the resident withdrawing?",
        hint="In their words where you can. They will get a letter confirming the withdrawal.",
        message="Say why the resident is withdrawing the complaint",
        rows=3,
    )
