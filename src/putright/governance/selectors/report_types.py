"""The performance report as typed, frozen data: what `performance.performance_report` returns.

The staff pages, the documents (board, annual), the exports and the API all read these
classes by attribute, so a misspelt figure name is a type error rather than a blank cell.
`PerformanceReport.as_dict` gives the report as the plain data it has always been
(the API's JSON, the figures kept with a frozen report, the spreadsheet exports): field
by field in declaration order, a field's `key` metadata naming it where Python cannot
(`from`), `omit_when_none` leaving a field out where a figure does not apply. The API's
schema (`api/reports.py`) is checked against these classes by a test; fields marked
`api=False` are counted for the exports and the TSM but not published by the API.
A stage's figures and the TSM made from them are in `stage_types`; hazard figures are the
hazards app's own (`putright.hazards.figures.HazardFigures`).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from putright.governance.selectors.stage_types import StageFigures, TsmMeasures
from putright.hazards.figures import HazardFigures


def as_plain(value: Any) -> Any:
    """`value` with every report dataclass in it as a dict (keys in field order), tuples as lists."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            f.metadata.get("key", f.name): as_plain(getattr(value, f.name))
            for f in dataclasses.fields(value)
            if not ("omit_when_none" in f.metadata and getattr(value, f.metadata["omit_when_none"]) is None)
        }
    if isinstance(value, dict):
        return {key: as_plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [as_plain(item) for item in value]
    return value


@dataclass(frozen=True)
class ReportPeriod:
    start: date = field(metadata={"key": "from"})
    end: date = field(metadata={"key": "to"})
    as_at: date
    label: str


@dataclass(frozen=True)
class ReportScope:
    service_area: str | None
    handler: str | None


@dataclass(frozen=True)
class ReasonCounts:
    total: int
    by_reason: dict[str, int]


@dataclass(frozen=True)
class EscalationRefusals(ReasonCounts):
    late: int


@dataclass(frozen=True)
class Refusals(ReasonCounts):
    reopened: int
    escalation_refused: EscalationRefusals


@dataclass(frozen=True)
class WithdrawalCounts:
    count: int
    after_deadline: int


@dataclass(frozen=True)
class Withdrawals:
    total: int
    after_deadline: int
    by_stage: dict[str, WithdrawalCounts]


@dataclass(frozen=True)
class CategoryRow:
    slug: str
    name: str
    stage1: int
    stage2: int


@dataclass(frozen=True)
class BandRow:
    band: str
    label: str
    range: str
    count: int
    within: int
    outside: int
    total: Decimal
    lowest: Decimal | None
    highest: Decimal | None


@dataclass(frozen=True)
class Remedies:
    total: int
    by_kind: dict[str, int]
    financial_total: Decimal
    against_bands: dict[str, BandRow]


@dataclass(frozen=True)
class FollowThrough:
    actions_open: int
    actions_overdue: int
    remedies_open: int
    remedies_overdue: int


@dataclass(frozen=True)
class OmbudsmanOrders:
    due_in_period: int
    completed_in_period: int
    completed_on_time_in_period: int
    overdue: int
    open_after_severe: int


@dataclass(frozen=True)
class EvidenceRequests:
    due_in_period: int
    sent_on_time: int
    overdue: int


@dataclass(frozen=True)
class OmbudsmanFigures:
    referrals: int
    findings: dict[str, int]
    complaint_handling_non_compliance: int
    orders: OmbudsmanOrders
    failure_orders: ReasonCounts
    evidence_requests: EvidenceRequests


@dataclass(frozen=True)
class ResponsibilityStage:
    received: int
    responded: int
    responded_within_timescale: int
    overdue: int


@dataclass(frozen=True)
class ResponsibilityRow:
    """A service area or handler: `slug` is its filter (the slug or username, "" for none)."""

    slug: str
    name: str
    stage1: ResponsibilityStage
    stage2: ResponsibilityStage


@dataclass(frozen=True)
class PerformanceReport:
    """Every figure for a period. The breakdowns by service area and by handler are None
    unless asked for (staff pages and the API only), and then left out of `as_dict`."""

    period: ReportPeriod
    scope: ReportScope
    stage1: StageFigures
    stage2: StageFigures
    escalation_rate_pct: float | None
    refused: Refusals
    withdrawn: Withdrawals
    categories: tuple[CategoryRow, ...]
    channels: dict[str, int]
    remedies: Remedies
    follow_through: FollowThrough
    ombudsman: OmbudsmanFigures
    tsm: TsmMeasures
    hazards: HazardFigures
    by_service_area: tuple[ResponsibilityRow, ...] | None = field(
        default=None, metadata={"omit_when_none": "by_service_area"}
    )
    by_handler: tuple[ResponsibilityRow, ...] | None = field(
        default=None, metadata={"omit_when_none": "by_handler"}
    )

    def as_dict(self) -> dict[str, Any]:
        """The report as plain data: the API's JSON and the figures kept with a sent report."""
        plain: dict[str, Any] = as_plain(self)
        return plain
