"""Report endpoints: complaint handling performance and the Regulator's measures (CH01, CH02)."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any

from django.http import HttpRequest
from django.utils import timezone
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError

from putright.api.schemas.common import Day, ErrorOut
from putright.api.scope_schemas import PeriodOut, ResponsibilityOut, ScopeOut
from putright.cases import access
from putright.core.errors import InvalidInput
from putright.governance.selectors.performance import performance_report
from putright.governance.selectors.periods import Period
from putright.governance.selectors.scope import scope_from

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
    acknowledged_within_timescale: int = Field(
        description="Accepted complaints acknowledged by the Code's date (refused complaints left out)"
    )
    acknowledged_within_timescale_pct: float | None = Field(description="Share of the accepted complaints")
    acknowledged_within_policy_timescale: int = Field(
        description="Accepted complaints acknowledged by the landlord's own date, as told to the resident"
    )
    acknowledged_within_policy_timescale_pct: float | None
    responded: int
    responded_within_timescale: int = Field(description="Responses sent by the Code's date (CH02)")
    responded_within_timescale_without_extension: int
    responded_within_timescale_with_extension: int
    responded_within_timescale_pct: float | None
    responded_within_policy_timescale: int = Field(
        description="Responses sent by the landlord's own date (its published policy, Code 3.4, 5.1)"
    )
    responded_within_policy_timescale_pct: float | None
    responded_late: int
    acknowledgements_recorded_late: int
    responses_recorded_late: int
    recorded_late: int
    extended: int
    acknowledgements_overdue: int
    responses_overdue: int
    decisions: DecisionsOut
    working_days: WorkingDaysOut
    extensions_notified: ExtensionsOut


class RefusedByStageOut(Schema):
    total: int
    by_reason: dict[str, int]


class EscalationRefusedOut(RefusedByStageOut):
    late: int = Field(description="Refused after the 5 working days to answer the request (Code 6.11)")


class RefusedOut(RefusedByStageOut):
    reopened: int = Field(description="Not accepted at first, then reopened and taken on (Code 2.4)")
    escalation_refused: EscalationRefusedOut


class WithdrawnStageOut(Schema):
    count: int
    after_deadline: int


class WithdrawnOut(Schema):
    total: int
    after_deadline: int = Field(description="Withdrawn after a Code deadline at the stage had passed unmet")
    by_stage: dict[str, WithdrawnStageOut]


class CategoryOut(Schema):
    slug: str
    name: str
    stage1: int
    stage2: int


class BandRowOut(Schema):
    band: str = Field(
        description="The band's key; `none` for remedies below every band or in a band no longer used"
    )
    label: str
    range: str
    count: int
    within: int = Field(description="Financial remedies whose amount is within the band's amounts")
    outside: int = Field(description="Outside the band's amounts: each with a reason recorded (Code 7.4)")
    total: Decimal
    lowest: Decimal | None
    highest: Decimal | None


class RemediesOut(Schema):
    total: int
    by_kind: dict[str, int]
    financial_total: Decimal
    against_bands: dict[str, BandRowOut] = Field(
        description="Financial remedies set against the compensation bands (Code 7.4)"
    )


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
    """LCRA and LCHO together, with each beside the total."""

    lcra: Ch01TenureOut = Field(description="Low-cost rental: general needs and supported housing")
    lcho: Ch01TenureOut = Field(description="Low-cost home ownership: shared ownership")


class Ch02TenureOut(Schema):
    stage1_responses: int
    stage1_within_timescale: int
    stage1_within_timescale_pct: float | None
    stage1_within_timescale_without_extension: int
    stage1_within_timescale_without_extension_pct: float | None
    stage2_responses: int
    stage2_within_timescale: int
    stage2_within_timescale_pct: float | None
    stage2_within_timescale_without_extension: int
    stage2_within_timescale_without_extension_pct: float | None


class Ch02Out(Ch02TenureOut):
    """LCRA and LCHO together, with each beside the total."""

    lcra: Ch02TenureOut
    lcho: Ch02TenureOut


class NotCountedStagesOut(Schema):
    stage1_complaints: int
    stage2_complaints: int


class NotCountedOut(Schema):
    unknown_tenure: NotCountedStagesOut = Field(
        description="Complaints from residents of unknown tenure: to resolve before the figures are filed"
    )
    other_tenure: NotCountedStagesOut = Field(description="Leaseholders and people who are not tenants")


class TsmOut(Schema):
    homes: HomesOut
    CH01: Ch01Out
    CH02: Ch02Out
    not_counted: NotCountedOut
    counting_rules: list[str]


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
    scope: ScopeOut
    stage1: StageOut
    stage2: StageOut
    escalation_rate_pct: float | None
    refused: RefusedOut
    withdrawn: WithdrawnOut
    categories: list[CategoryOut]
    channels: dict[str, int]
    remedies: RemediesOut
    follow_through: FollowThroughOut
    ombudsman: OmbudsmanOut
    tsm: TsmOut
    hazards: HazardsOut = Field(
        description="Awaab's Law duties for hazards the landlord became aware of in the period"
    )
    by_service_area: list[ResponsibilityOut] = Field(description="Per service area, most received first")
    by_handler: list[ResponsibilityOut] = Field(description="Per handler of the stage, most received first")


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
    service_area: Annotated[str | None, Query(max_length=60)] = None,
    handler: Annotated[str | None, Query(max_length=150)] = None,
) -> dict[str, Any]:
    """Figures for the days `from` to `to`, both included. Stage 1 complaints count in the period
    they were received, stage 2 complaints in the period of the escalation request, responses in
    the period they were sent; "within timescale" means on or before the response date in force,
    extensions the Code allows included; the rules are in `tsm.counting_rules`. `service_area`
    (slug) and `handler` (username) narrow the figures (docs/reports.md); unknown ones are 422."""
    if not access.access_can_view_reports(request.user):
        raise HttpError(403, "Your role cannot see reports")
    if start > end:
        raise InvalidInput({"from": "The start of the period must be on or before its end"})
    scope = scope_from(service_area=service_area, handler=handler)
    report = performance_report(
        period=Period(start, end), today=timezone.localdate(), scope=scope, responsibility=True
    )
    return report.as_dict()
