"""Schemas for what the performance report covers (its period, and the service area or
handler it is narrowed to) and its breakdowns by service area and by handler
(`governance.selectors.responsibility`)."""

from __future__ import annotations

from datetime import date

from ninja import Field, Schema


class PeriodOut(Schema):
    from_: date = Field(alias="from")
    to: date
    as_at: date = Field(
        description="Day at the end of which open items are counted: the end, or today if sooner"
    )
    label: str


class ScopeOut(Schema):
    service_area: str | None = Field(
        description="The service area's slug the figures are narrowed to, or null"
    )
    handler: str | None = Field(description="The handler's username the figures are narrowed to, or null")


class ResponsibilityStageOut(Schema):
    received: int = Field(
        description="Stage records requested in the period (complaints received at the stage)"
    )
    responded: int = Field(description="Responses sent in the period")
    responded_within_timescale: int = Field(description="Of those, sent by the Code's date")
    overdue: int = Field(description="Acknowledgements and responses past their date at the period's end")


class ResponsibilityOut(Schema):
    slug: str = Field(
        description="The service area's slug or the handler's username: its filter (\"\" for none)"
    )
    name: str
    stage1: ResponsibilityStageOut
    stage2: ResponsibilityStageOut
