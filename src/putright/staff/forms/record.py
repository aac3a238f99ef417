"""Forms that add to the record: correspondence, circumstances, hazards, follow-up (Code 5.10-5.15, 6.6, 7.3)."""

from __future__ import annotations

from django import forms
from django.utils import timezone

from putright.cases.models import AdjustmentKind, Channel, Correspondence
from putright.cases.uploads import ALLOWED_DESCRIPTION
from putright.rules.hazard_scope import HHSRS
from putright.staff.forms import actions as action_forms
from putright.staff.forms.actions import late_entry_field, text, today_field
from putright.staff.forms.base import VersionedForm
from putright.ui.forms import DateField, GovukForm, MultipleFileField, Radios, TimeField


def now_time() -> str:
    return timezone.localtime().strftime("%H:%M")


class CorrespondenceForm(VersionedForm):
    error_fields = {"files": "attachments"}

    direction = forms.ChoiceField(
        label="Direction",
        choices=Correspondence.Direction.choices,
        widget=Radios(),
        error_messages={"required": "Choose received or sent"},
    )
    channel = forms.ChoiceField(label="How", choices=Channel.choices)
    party = forms.CharField(
        label="From or to",
        max_length=200,
        help_text="For example: Resident, Representative, Contractor",
        error_messages={"required": "Say who it was from or to"},
    )
    subject = forms.CharField(label="Subject (optional)", required=False, max_length=300)
    body = text("Content", required=False, hint="Type the content, or attach a file.", rows=6)
    occurred_on = today_field("the date", "Date")
    occurred_time = TimeField(
        label="Time",
        initial=now_time,
        help_text="For example, 14:30",
        error_messages={"required": "Enter the time"},
    )
    attachments = MultipleFileField(
        label="Attach files (optional)", required=False, help_text=f"{ALLOWED_DESCRIPTION}, up to 10 MB each"
    )


class AdjustmentForm(GovukForm):
    kind = forms.ChoiceField(
        label="What is being recorded",
        choices=AdjustmentKind.choices,
        widget=Radios(),
        error_messages={"required": "Choose what is being recorded"},
    )
    description = text("Details", message="Describe the adjustment or what was disclosed")
    recorded_on = today_field("the date recorded", "Date recorded")
    review_on = DateField(
        what="the review date",
        label="Review by",
        help_text="Adjustments are kept under active review (Code 5.10).",
    )


class RestrictionForm(GovukForm):
    reason = text(
        "The evidenced reasons", message="Set out the evidenced reasons for the restriction (Code 5.14)"
    )
    scope = text(
        "What contact is restricted",
        hint="And how the resident can still make and pursue a complaint.",
        message="Say what contact is restricted and how the resident can still complain",
    )
    proportionality = text(
        "Why it is proportionate",
        hint="With regard to the Equality Act 2010 (Code 5.15).",
        message="Explain why this is proportionate (Code 5.15)",
    )
    starts_on = today_field("the start date", "Starts on")
    review_on = DateField(
        what="the review date",
        label="Review by",
        help_text="Restrictions are kept under regular review (Code 5.14).",
    )


class HazardForm(GovukForm):
    kind = forms.ChoiceField(
        label="How serious is it?",
        choices=[("emergency", "Emergency hazard"), ("significant", "Significant hazard")],
        widget=Radios(
            hints={
                "emergency": "An imminent and significant risk of harm: investigate and make safe within 24 hours.",
                "significant": "A significant risk of harm: investigate within 10 working days.",
            }
        ),
        error_messages={"required": "Choose emergency or significant"},
    )
    hazard = forms.ChoiceField(
        label="Hazard (HHSRS)",
        choices=[("", "Choose a hazard"), *HHSRS.items()],
        error_messages={"required": "Choose the hazard"},
    )
    description = text("What was reported", rows=4)
    household = text(
        "Household (optional)", required=False, hint="Who lives there, and anyone at greater risk", rows=2
    )


class RemedyCompleteForm(GovukForm):
    completed_on = today_field("the date it was delivered", "Date delivered")
    note = text("Note (optional)", required=False, rows=3)
    late_entry_reason = late_entry_field()


class ActionUpdateForm(GovukForm):
    refusal_fields = {"6.6": "new_promise_on", "6.17": "new_promise_on"}

    text = text("The update given to the resident", message="Write the update given to the resident")
    given_on = today_field("the date of the update", "Date given")
    completed = forms.BooleanField(required=False, label="The action is now complete")
    new_promise_on = DateField(
        what="the new promise date",
        label="New promise date (optional)",
        required=False,
        help_text="Only if the date has changed. The first date promised is kept and still counts (Code 6.6).",
    )
    # `text` is the update field in this class body, so the reason is built from the function by its module name.
    promise_change_reason = action_forms.text(
        "Why the date is moving", required=False, hint="Needed if you give a new promise date.", rows=2
    )
    resident_told_on = DateField(
        what="the date the resident was told",
        label="Date the resident was told of the new date",
        required=False,
        help_text="Needed if you give a new promise date.",
    )
    resident_told_how = forms.CharField(
        label="How they were told (optional)",
        required=False,
        max_length=60,
        help_text="For example, a phone call or a letter",
    )
    late_entry_reason = late_entry_field()


YES_NO = [("yes", "Yes"), ("no", "No")]


class AdjustmentReviewForm(GovukForm):
    reviewed_on = today_field("the date of the review", "Date reviewed")
    still_needed = forms.TypedChoiceField(
        label="Is it still needed?",
        choices=YES_NO,
        coerce=lambda v: v == "yes",
        widget=Radios(),
        error_messages={"required": "Say whether it is still needed"},
    )
    next_review_on = DateField(
        what="the next review date",
        label="Next review by",
        required=False,
        help_text="If it is still needed.",
    )


class RestrictionReviewForm(GovukForm):
    reviewed_on = today_field("the date of the review", "Date reviewed")
    lift = forms.TypedChoiceField(
        label="What did the review decide?",
        choices=[("no", "Keep the restriction"), ("yes", "Lift the restriction")],
        coerce=lambda v: v == "yes",
        widget=Radios(),
        error_messages={"required": "Say whether to keep or lift the restriction"},
    )
    next_review_on = DateField(
        what="the next review date", label="Next review by", required=False, help_text="If it stays in place."
    )
