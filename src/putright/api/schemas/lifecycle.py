"""What each lifecycle action takes (`api/lifecycle.py`): acknowledge, extend, respond (with
its remedies and outstanding actions), escalate, refuse, reopen, refuse an escalation,
assign, withdraw and close. Each carries the `version` it was read at: a stale one is a 409."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated

from ninja import Schema
from pydantic import BeforeValidator, Field

from putright.api.schemas.common import Day, LongText, Moment, RequiredText, Username
from putright.cases.models import Channel, Decision, RefusalReason, RemedyKind
from putright.ui.forms import money_cleaned


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


class NoteIn(Schema):
    note: LongText = ""
    version: int | None = Field(default=None, ge=1, le=2**31)


class CloseIn(NoteIn):
    # Closing with actions or remedies still open is refused (422, Code 6.6) unless confirmed.
    confirm_open_work: bool = False
