"""API shapes. Strings refuse NUL bytes and dates stay in the range the calendar covers,
so odd input is a 422 with a field error, never a database fault."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Any

from ninja import Schema
from pydantic import AfterValidator, AwareDatetime, BeforeValidator, Field

from putright.cases.models import AdjustmentKind, Channel, Decision, RefusalReason, RemedyKind, Tenure
from putright.core.inputs import clean_line, clean_text, email_problem, phone_problem
from putright.ui.forms import money_cleaned

EARLIEST = date(2000, 1, 1)
LATEST = date(2059, 12, 31)


def _clean(value: str) -> str:
    """Text as every edge keeps it: characters no letter, export or PDF can carry are
    removed and pasted line breaks made newlines (`putright.core.inputs.clean_text`)."""
    return clean_text(value)


def _one_line(value: str) -> str:
    return clean_line(value)


def _email(value: str) -> str:
    value = value.strip()
    if value and (problem := email_problem(value)):
        raise ValueError(problem)
    return value


def _phone(value: str) -> str:
    value = clean_line(value).strip()
    if value and (problem := phone_problem(value)):
        raise ValueError(problem)
    return value


def _in_range(value: date) -> date:
    if not EARLIEST <= value <= LATEST:
        raise ValueError(f"must be between {EARLIEST.isoformat()} and {LATEST.isoformat()}")
    return value


def _moment_in_range(value: datetime) -> datetime:
    _in_range(value.date())
    return value


Text = Annotated[str, AfterValidator(_clean)]
ShortText = Annotated[str, Field(max_length=200), AfterValidator(_clean)]
LongText = Annotated[str, Field(max_length=20000), AfterValidator(_clean)]
RequiredText = Annotated[str, Field(min_length=1, max_length=20000), AfterValidator(_clean)]
Day = Annotated[date, AfterValidator(_in_range)]
Moment = Annotated[AwareDatetime, AfterValidator(_moment_in_range)]
Username = Annotated[str, Field(min_length=1, max_length=150), AfterValidator(_one_line)]
Name = Annotated[str, Field(min_length=1, max_length=200), AfterValidator(_one_line)]
Email = Annotated[str, Field(max_length=254), AfterValidator(_email)]
Phone = Annotated[str, Field(max_length=40), AfterValidator(_phone)]


class ErrorOut(Schema):
    detail: str | list[dict[str, Any]]
    code_paragraph: str | None = None
    errors: dict[str, list[str]] | None = None


class ResidentIn(Schema):
    name: Name
    email: Email = ""
    phone: Phone = ""
    address: LongText = ""
    tenancy_reference: Annotated[str, Field(max_length=60), AfterValidator(_clean)] = ""
    tenure: Tenure = Tenure.UNKNOWN


class RepresentativeIn(Schema):
    name: Name
    relationship: Annotated[str, Field(min_length=1, max_length=120), AfterValidator(_one_line)]
    email: Email = ""
    phone: Phone = ""
    consent_recorded_on: Day | None = None


class ComplaintIn(Schema):
    resident: ResidentIn
    channel: Channel
    received_at: Moment
    description: RequiredText
    category: Annotated[str, Field(max_length=60), AfterValidator(_clean)] | None = None
    service_area: Annotated[str, Field(max_length=60), AfterValidator(_clean)] | None = Field(
        default=None, description="The slug of one of the landlord's active service areas"
    )
    issue_occurred_on: Day | None = None
    aware_on: Day | None = None
    representative: RepresentativeIn | None = None


class AcknowledgeIn(Schema):
    acknowledged_on: Day
    definition: RequiredText
    outcomes_sought: RequiredText
    responsibility: LongText = ""
    handler: Username | None = None
    sent_outside: bool = False
    sent_outside_note: LongText = ""
    late_entry_reason: LongText = ""
    version: int | None = Field(default=None, ge=1, le=2**31)


class ExtendIn(Schema):
    working_days: int = Field(ge=1, le=60)
    reason: RequiredText
    good_reason: bool = False
    good_reason_explanation: LongText = ""
    notified_on: Day | None = None
    late_entry_reason: LongText = ""
    version: int | None = Field(default=None, ge=1, le=2**31)


class RemedyIn(Schema):
    kind: RemedyKind
    description: RequiredText
    # "£150.00" and "1,500" are accepted as people write them (putright.ui.forms.money_cleaned).
    amount: Annotated[Decimal | None, BeforeValidator(money_cleaned)] = Field(
        default=None, ge=0, le=Decimal("1000000"), decimal_places=2
    )
    due_on: Day | None = None
    agreed_with_resident: bool = False
    band: Annotated[str, Field(max_length=40)] = ""
    band_reason: LongText = ""


class OutstandingActionIn(Schema):
    description: RequiredText
    promise_on: Day
    owner: Username | None = None


class RespondIn(Schema):
    responded_on: Day
    decision: Decision
    reasons: RequiredText
    remedies: list[RemedyIn] = Field(default_factory=list, max_length=50)
    outstanding_actions: list[OutstandingActionIn] = Field(default_factory=list, max_length=50)
    no_remedy_reason: LongText = ""
    sent_outside: bool = False
    sent_outside_note: LongText = ""
    late_entry_reason: LongText = ""
    version: int | None = Field(default=None, ge=1, le=2**31)


class EscalateIn(Schema):
    requested_at: Moment
    reason: LongText = ""
    late_entry_reason: LongText = ""
    version: int | None = Field(default=None, ge=1, le=2**31)


class RefuseIn(Schema):
    reason: RefusalReason
    explanation: RequiredText
    evidence: LongText = ""
    aware_on: Day | None = Field(
        default=None, description="When the resident became aware of the issue (over_12_months, Code 2.3)"
    )
    aware_when_occurred: bool = Field(
        default=False, description="The resident was aware of the issue when it occurred (Code 2.3)"
    )
    discretion: LongText = Field(
        default="", description="How discretion to accept a late complaint was considered (Code 2.3)"
    )
    version: int | None = Field(default=None, ge=1, le=2**31)


class RefuseEscalationIn(Schema):
    requested_at: Moment = Field(description="When the resident asked for stage 2 (kept, Code 5.11, 6.11)")
    reason: RefusalReason
    explanation: RequiredText
    evidence: LongText = ""
    version: int | None = Field(default=None, ge=1, le=2**31)


class ReopenIn(Schema):
    reason: RequiredText
    reopened_at: Moment
    version: int | None = Field(default=None, ge=1, le=2**31)


class WithdrawIn(Schema):
    channel: Channel = Field(description="How the resident told us they were withdrawing")
    note: RequiredText = Field(description="Why the resident withdrew")
    version: int | None = Field(default=None, ge=1, le=2**31)


class AssignIn(Schema):
    handler: Username
    version: int | None = Field(default=None, ge=1, le=2**31)


class RepresentativeSetIn(RepresentativeIn):
    """The representative and the consent recorded (Code 3.6): both consent fields or neither."""

    address: LongText = ""
    consent_method: Annotated[str, Field(max_length=200), AfterValidator(_clean)] = ""
    version: int | None = Field(default=None, ge=1, le=2**31)


class SmsConsentIn(Schema):
    """The resident's consent to text message updates: `given_on` and `how`, or `given_on` null to withdraw it."""

    given_on: date | None = None
    how: Annotated[str, Field(max_length=200), AfterValidator(_clean)] = ""
    version: int | None = Field(default=None, ge=1, le=2**31)


class ServiceAreaIn(Schema):
    """The service area to move the complaint to (its slug), or null for none."""

    service_area: Annotated[str, Field(max_length=60), AfterValidator(_clean)] | None
    version: int | None = Field(default=None, ge=1, le=2**31)


class RepresentativeRemoveIn(Schema):
    reason: LongText = ""
    version: int | None = Field(default=None, ge=1, le=2**31)


class NoteIn(Schema):
    note: LongText = ""
    version: int | None = Field(default=None, ge=1, le=2**31)


class CloseIn(NoteIn):
    # Closing with actions or remedies still open is refused (422, Code 6.6) unless confirmed.
    confirm_open_work: bool = False


class ComplaintExtensionOut(Schema):
    working_days: int
    reason: str
    good_reason: bool
    good_reason_explanation: str
    notified_on: date
    recorded_on: date | None
    late_entry_reason: str
    new_respond_by: date


class ComplaintStageOut(Schema):
    stage: int
    requested_on: date
    requested_recorded_on: date | None
    request_late_entry_reason: str
    acknowledge_by: date
    acknowledged_on: date | None
    acknowledgement_recorded_on: date | None
    acknowledgement_late_entry_reason: str
    respond_by: date | None
    code_acknowledge_by: date | None = Field(
        description="The Code's acknowledgement date (acknowledge_by is the landlord's own, told to the resident)"
    )
    code_respond_by: date | None = Field(
        description="The Code's response date, extensions included: what CH02 measures against"
    )
    responded_on: date | None
    response_recorded_on: date | None
    response_late_entry_reason: str
    handler: str | None
    definition: str
    outcomes_sought: str
    responsibility: str
    decision: str | None
    reasons: str
    no_remedy_reason: str
    acknowledgement_sent_outside: str
    response_sent_outside: str
    extensions: list[ComplaintExtensionOut]


class ComplaintRemedyOut(Schema):
    id: int
    stage: int
    kind: str
    description: str
    amount: Decimal | None
    band: str
    band_reason: str
    due_on: date | None
    completed_on: date | None
    completion_recorded_on: date | None
    completion_late_entry_reason: str


class ComplaintActionOut(Schema):
    id: int
    stage: int
    description: str
    promise_on: date
    first_promise_on: date
    completed_on: date | None


class ComplaintRefusalOut(Schema):
    stage: int
    reason: str
    refused_on: date
    requested_on: date | None
    acknowledge_by: date | None
    late: bool
    reopened_on: date | None
    reopen_reason: str


class ComplaintWithdrawalOut(Schema):
    withdrawn_on: date
    channel: str
    note: str
    after_deadline: bool


class ComplaintResidentOut(Schema):
    name: str
    email: str
    phone: str
    tenancy_reference: str
    tenure: str
    # Consent to text message updates: the day given and how; null and "" without consent.
    sms_consent_on: date | None = None
    sms_consent_how: str = ""


class RepresentativeOut(Schema):
    name: str
    relationship: str
    email: str
    phone: str
    consent_recorded_on: date | None
    consent_method: str


class ComplaintOut(Schema):
    id: int
    reference: str
    stage: int
    status: str
    channel: str
    category: str | None
    service_area: str | None = Field(description="The slug of the complaint's service area")
    description: str
    received_at: datetime
    received_on: date
    code_edition: str = Field(
        description="The Code edition the complaint is judged by: hos-2020 if received before 1 April 2024, else hos-2024"
    )
    issue_occurred_on: date | None
    aware_on: date | None
    handler: str | None
    next_due: date | None
    hazard: str
    vulnerable: bool
    version: int
    resident: ComplaintResidentOut
    representative: RepresentativeOut | None = None
    stages: list[ComplaintStageOut]
    remedies: list[ComplaintRemedyOut]
    outstanding_actions: list[ComplaintActionOut]
    refusals: list[ComplaintRefusalOut]
    withdrawal: ComplaintWithdrawalOut | None


class ComplaintPage(Schema):
    items: list[ComplaintOut]
    page: int
    page_size: int
    has_next: bool


class ComplaintEventOut(Schema):
    at: datetime
    actor: str
    action: str
    summary: str
    before: dict[str, Any]
    after: dict[str, Any]


class RemedyCompleteIn(Schema):
    completed_on: Day = Field(description="The day the remedy was delivered (Code 7.3)")
    note: LongText = ""
    late_entry_reason: LongText = Field(
        default="", description="Required when `completed_on` is before today (Code 5.12)"
    )


class ActionUpdateIn(Schema):
    text: RequiredText = Field(description="The update given to the resident (Code 6.6, 6.17)")
    given_on: Day = Field(description="The day the update was given (or the action done)")
    completed: bool = Field(default=False, description="The action is done, on `given_on`")
    new_promise_on: Day | None = Field(
        default=None,
        description="Move the promise: needs `promise_change_reason` and `resident_told_on`; the first "
        "promise date is kept and stays the measure of kept on time (Code 6.6, 6.17)",
    )
    promise_change_reason: LongText = ""
    resident_told_on: Day | None = None
    resident_told_how: Annotated[str, Field(max_length=60), AfterValidator(_one_line)] = ""
    late_entry_reason: LongText = Field(
        default="", description="Required when `given_on` is before today (Code 5.12)"
    )


class TenureIn(Schema):
    tenure: Tenure = Field(
        description="The resident's tenure; it decides whether their complaints count in CH01/CH02 (LCRA, LCHO)"
    )
    version: int | None = Field(default=None, ge=1, le=2**31)


class AgreeUpdatesIn(Schema):
    interval_working_days: int = Field(ge=1, le=20)
    agreed_on: Day
    method: Annotated[str, Field(max_length=40), AfterValidator(_one_line)] = ""
    late_entry_reason: LongText = Field(
        default="", description="Required when `agreed_on` is before today (Code 5.12)"
    )
    version: int | None = Field(default=None, ge=1, le=2**31)


class AddIssueIn(Schema):
    description: RequiredText
    raised_at: Moment
    related: bool
    would_unreasonably_delay: bool = False
    late_entry_reason: LongText = Field(
        default="", description="Required when `raised_at` is on a day before today (Code 5.12)"
    )
    version: int | None = Field(default=None, ge=1, le=2**31)


class AdjustmentIn(Schema):
    kind: AdjustmentKind
    description: RequiredText
    recorded_on: Day
    review_on: Day = Field(description="After `recorded_on`: adjustments are kept under review (Code 5.10)")
