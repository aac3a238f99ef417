"""What following a complaint through takes (`api/followup.py`): a remedy delivered, an
update on an outstanding action, update intervals agreed, a new issue, an adjustment, the
resident's tenure and the complaint's service area."""

from __future__ import annotations

from typing import Annotated

from ninja import Schema
from pydantic import AfterValidator, Field

from putright.api.schemas.common import Day, LongText, Moment, RequiredText
from putright.cases.models import AdjustmentKind, Tenure
from putright.core.inputs import clean_line, clean_text


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
    resident_told_how: Annotated[str, Field(max_length=60), AfterValidator(clean_line)] = ""
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
    method: Annotated[str, Field(max_length=40), AfterValidator(clean_line)] = ""
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


class ServiceAreaIn(Schema):
    """The service area to move the complaint to (its slug), or null for none."""

    service_area: Annotated[str, Field(max_length=60), AfterValidator(clean_text)] | None
    version: int | None = Field(default=None, ge=1, le=2**31)
