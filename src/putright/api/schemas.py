"""API shapes. Strings refuse NUL bytes and dates stay in the range the calendar covers,
so odd input is a 422 with a field error, never a database fault."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Any

from ninja import Schema
from pydantic import AfterValidator, AwareDatetime, BeforeValidator, Field

from putright.cases.models import Channel, Decision, RefusalReason, RemedyKind, Tenure
from putright.ui.forms import money_cleaned

EARLIEST = date(2000, 1, 1)
LATEST = date(2059, 12, 31)


def _clean(value: str) -> str:
    if "\x00" in value:
        raise ValueError("must not contain NUL characters")
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
Username = Annotated[str, Field(min_length=1, max_length=150), AfterValidator(_clean)]


class ErrorOut(Schema):
    detail: str | list[dict[str, Any]]
    code_paragraph: str | None = None
    errors: dict[str, list[str]] | None = None


class ResidentIn(Schema):
    name: Annotated[str, Field(min_length=1, max_length=200), AfterValidator(_clean)]
    email: Annotated[str, Field(max_length=254), AfterValidator(_clean)] = ""
    phone: Annotated[str, Field(max_length=40), AfterValidator(_clean)] = ""
    address: LongText = ""
    tenancy_reference: Annotated[str, Field(max_length=60), AfterValidator(_clean)] = ""
    tenure: Tenure = Tenure.OTHER


class RepresentativeIn(Schema):
    name: Annotated[str, Field(min_length=1, max_length=200), AfterValidator(_clean)]
    relationship: Annotated[str, Field(min_length=1, max_length=120), AfterValidator(_clean)]
    email: Annotated[str, Field(max_length=254), AfterValidator(_clean)] = ""
    phone: Annotated[str, Field(max_length=40), AfterValidator(_clean)] = ""
    consent_recorded_on: Day | None = None


class ComplaintIn(Schema):
    resident: ResidentIn
    channel: Channel
    received_at: Moment
    description: RequiredText
    category: Annotated[str, Field(max_length=60), AfterValidator(_clean)] | None = None
    issue_occurred_on: Day | None = None
    aware_on: Day | None = None
    representative: RepresentativeIn | None = None


class AcknowledgeIn(Schema):
    acknowledged_on: Day
    definition: RequiredText
    outcomes_sought: RequiredText
    responsibility: LongText = ""
    handler: Username | None = None
    version: int | None = Field(default=None, ge=1, le=2**31)


class ExtendIn(Schema):
    working_days: int = Field(ge=1, le=60)
    reason: RequiredText
    good_reason: bool = False
    notified_on: Day | None = None
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
    version: int | None = Field(default=None, ge=1, le=2**31)


class EscalateIn(Schema):
    requested_at: Moment
    reason: LongText = ""
    version: int | None = Field(default=None, ge=1, le=2**31)


class RefuseIn(Schema):
    reason: RefusalReason
    explanation: RequiredText
    evidence: LongText = ""
    version: int | None = Field(default=None, ge=1, le=2**31)


class AssignIn(Schema):
    handler: Username
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
    notified_on: date
    new_respond_by: date


class ComplaintStageOut(Schema):
    stage: int
    requested_on: date
    acknowledge_by: date
    acknowledged_on: date | None
    respond_by: date | None
    responded_on: date | None
    handler: str | None
    definition: str
    outcomes_sought: str
    responsibility: str
    decision: str | None
    reasons: str
    extensions: list[ComplaintExtensionOut]


class ComplaintRemedyOut(Schema):
    id: int
    stage: int
    kind: str
    description: str
    amount: Decimal | None
    due_on: date | None
    completed_on: date | None


class ComplaintActionOut(Schema):
    id: int
    stage: int
    description: str
    promise_on: date
    completed_on: date | None


class ComplaintResidentOut(Schema):
    name: str
    email: str
    phone: str
    tenancy_reference: str
    tenure: str


class ComplaintOut(Schema):
    id: int
    reference: str
    stage: int
    status: str
    channel: str
    category: str | None
    description: str
    received_at: datetime
    received_on: date
    issue_occurred_on: date | None
    aware_on: date | None
    handler: str | None
    next_due: date | None
    hazard: str
    vulnerable: bool
    version: int
    resident: ComplaintResidentOut
    stages: list[ComplaintStageOut]
    remedies: list[ComplaintRemedyOut]
    outstanding_actions: list[ComplaintActionOut]


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
