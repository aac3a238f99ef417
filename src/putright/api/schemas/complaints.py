"""A complaint as it is logged (`ComplaintIn`) and as the API answers it (`ComplaintOut`, a
page of them, its event log): the shapes of `api/complaints.py`, and the answer of every
endpoint that changes a complaint."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Any

from ninja import Schema
from pydantic import AfterValidator, Field

from putright.api.schemas.common import Day, Email, LongText, Moment, Name, Phone, RequiredText
from putright.cases.models import Channel, Tenure
from putright.core.inputs import clean_line, clean_text


class ResidentIn(Schema):
    name: Name
    email: Email = ""
    phone: Phone = ""
    address: LongText = ""
    tenancy_reference: Annotated[str, Field(max_length=60), AfterValidator(clean_text)] = ""
    tenure: Tenure = Tenure.UNKNOWN


class RepresentativeIn(Schema):
    name: Name
    relationship: Annotated[str, Field(min_length=1, max_length=120), AfterValidator(clean_line)]
    email: Email = ""
    phone: Phone = ""
    consent_recorded_on: Day | None = None


class ComplaintIn(Schema):
    resident: ResidentIn
    channel: Channel
    received_at: Moment
    description: RequiredText
    category: Annotated[str, Field(max_length=60), AfterValidator(clean_text)] | None = None
    service_area: Annotated[str, Field(max_length=60), AfterValidator(clean_text)] | None = Field(
        default=None, description="The slug of one of the landlord's active service areas"
    )
    issue_occurred_on: Day | None = None
    aware_on: Day | None = None
    representative: RepresentativeIn | None = None


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
