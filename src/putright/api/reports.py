"""Report endpoints: complaint handling performance and the Regulator's measures (CH01, CH02)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Annotated, Any

from django.http import HttpRequest
from django.utils import timezone
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError

from putright.api.schemas import Day, ErrorOut
from putright.cases import access
from putright.cases.errors import InvalidInput
from putright.governance.selectors.performance import performance_report
from putright.governance.selectors.periods import Period

router = Router(tags=["reports"])
ERRORS = {401: ErrorOut, 403: ErrorOut, 422: ErrorOut, 429: ErrorOut}


class DecisionsOut(Schema):
    upheld: int
    partly_upheld: int
    not_upheld: int


class WorkingDaysOut(Schema):
    count: int
    median: float | None
    p90: float | None
    mean: float | None


class ExtensionsOut(Schema):
    count: int
    good_reason: int
    working_days: int


class StageOut(Schema):
    received: int
    refused: int
    accepted: int
    withdrawn: int
    vulnerable: int
    hazard: int
    acknowledged: int
    acknowledged_within_timescale: int
    acknowledged_within_timescale_pct: float | None
    responded: int
    responded_within_timescale: int
    responded_within_timescale_without_extension: int
    responded_within_timescale_with_extension: int
    responded_within_timescale_pct: float | None
    responded_late: int
    extended: int
    acknowledgements_overdue: int
    responses_overdue: int
    decisions: DecisionsOut
    working_days: WorkingDaysOut
    extensions_notified: ExtensionsOut


class RefusedByStageOut(Schema):
    total: int
    by_reason: dict[str, int]


class RefusedOut(RefusedByStageOut):
    escalation_refused: RefusedByStageOut


class CategoryOut(Schema):
    slug: str
    name: str
    stage1: int
    stage2: int


class RemediesOut(Schema):
    total: int
    by_kind: dict[str, int]
    financial_total: Decimal


class FollowThroughOut(Schema):
    actions_open: int
    actions_overdue: int
    remedies_open: int
    remedies_overdue: int


class OrdersOut(Schema):
    due_in_period: int
    completed_in_period: int
    completed_on_time_in_period: int
    overdue: int
    open_after_severe: int


class EvidenceOut(Schema):
    due_in_period: int
    sent_on_time: int
    overdue: int


class OmbudsmanOut(Schema):
    referrals: int
    findings: dict[str, int]
    complaint_handling_non_compliance: int
    orders: OrdersOut
    failure_orders: RefusedByStageOut
    evidence_requests: EvidenceOut


class HomesOut(Schema):
    rented: int
    shared_ownership: int
    total: int


class Ch01TenureOut(Schema):
    stage1_complaints: int
    stage2_complaints: int
    stage1_per_1000_homes: float | None
    stage2_per_1000_homes: float | None


class Ch01Out(Ch01TenureOut):
    rented: Ch01TenureOut
    shared_ownership: Ch01TenureOut


class Ch02TenureOut(Schema):
    stage1_within_timescale_pct: float | None
    stage2_within_timescale_pct: float | None


class Ch02Out(Ch02TenureOut):
    stage1_responses: int
    stage1_within_timescale: int
    stage2_responses: int
    stage2_within_timescale: int
    rented: Ch02TenureOut
    shared_ownership: Ch02TenureOut


class TsmOut(Schema):
    homes: HomesOut
    CH01: Ch01Out
    CH02: Ch02Out
    counting_rules: list[str]


class PeriodOut(Schema):
    from_: date = Field(alias="from")
    to: date
    as_at: date = Field(
        description="Day at the end of which open items are counted: the end, or today if sooner"
    )
    label: str


class HazardDutyOut(Schema):
    due: int
    met_in_time: int
    met_in_time_pct: float | None


class HazardsOut(Schema):
    recorded: int
    by_kind: dict[str, int]
    by_phase: dict[str, int]
    duties: dict[str, HazardDutyOut] = Field(
        description="investigate, make_safe, written_summary, begin_further_works, start_further_works"
    )
    exceptions: dict[str, int]
    alternative_accommodation: int
    with_overdue_duties: int
    counting_rules: list[str]


class PerformanceOut(Schema):
    period: PeriodOut
    stage1: StageOut
    stage2: StageOut
    escalation_rate_pct: float | None
    refused: RefusedOut
    categories: list[CategoryOut]
    channels: dict[str, int]
    remedies: RemediesOut
    follow_through: FollowThroughOut
    ombudsman: OmbudsmanOut
    tsm: TsmOut
    hazards: HazardsOut = Field(
        description="Awaab's Law duties for hazards the landlord became aware of in the period"
    )


@router.get(
    "/reports/performance",
    response={200: PerformanceOut, **ERRORS},
    summary="Complaint handling performance and the TSMs CH01 and CH02 for a period",
    by_alias=True,
)
def performance(
    request: HttpRequest,
    start: Annotated[Day, Query(alias="from")],
    end: Annotated[Day, Query(alias="to")],
) -> dict[str, Any]:
    """Figures for the days `from` to `to`, both included. Stage 1 complaints count in the period
    they were received, stage 2 complaints in the period of the escalation request, responses in
    the period they were sent; "within timescale" means on or before the response date in force,
    extensions the Code allows included. The counting rules are returned in `tsm.counting_rules`."""
    if not access.access_can_view_reports(request.user):
        raise HttpError(403, "Your role cannot see reports")
    if start > end:
        raise InvalidInput({"from": "The start of the period must be on or before its end"})
    return performance_report(period=Period(start, end), today=timezone.localdate())
