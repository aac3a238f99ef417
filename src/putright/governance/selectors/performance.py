"""Complaint handling performance for any period, live from the record (Code 8.1b, 9.6, 9.7a).

One call, a fixed number of queries whatever the number of complaints: every figure is
aggregated in the database, per day (`daycounts`), and added up over the period from the
days stored by `putright figures` where nothing has changed since, counting the rest live
(`figures`). Working days need the calendar, so they are counted when read (see
`working_days`). The result is a `report_types.PerformanceReport`, read by attribute by the
pages and documents; its `as_dict()` is the API's JSON and what the exports flatten.
"""

from __future__ import annotations

from datetime import date

from putright.governance.selectors import breakdowns
from putright.governance.selectors.compensation import remedies_against_bands
from putright.governance.selectors.figures import period_tally
from putright.governance.selectors.ombudsman import ombudsman_figures
from putright.governance.selectors.periods import Period
from putright.governance.selectors.report_types import PerformanceReport, ReportPeriod, ReportScope
from putright.governance.selectors.responsibility import by_handler, by_service_area
from putright.governance.selectors.scope import EVERYTHING, Scope
from putright.governance.selectors.stages import stage_figures
from putright.governance.selectors.tsm import tsm_measures
from putright.hazards.figures import hazard_figures
from putright.landlord.models import LandlordSettings


def performance_report(
    *, period: Period, today: date, scope: Scope = EVERYTHING, responsibility: bool = False
) -> PerformanceReport:
    """Every figure for `period`. Figures "as at" a day use the period's end, or today if sooner.

    `scope` narrows the complaint figures to one service area or handler (`scope`); the
    Ombudsman's cases, hazards and remedies against bands stay the landlord's whole figures.
    `responsibility` adds the breakdowns by service area and by handler: for staff pages and
    the API, never for the published reports (annual, board), which name no member of staff."""
    as_of = min(period.end, today)
    tally = period_tally(period, today=today, scope=scope)
    stages = stage_figures(tally, as_of=as_of, scope=scope)
    return PerformanceReport(
        period=ReportPeriod(start=period.start, end=period.end, as_at=as_of, label=period.label()),
        scope=ReportScope(
            service_area=scope.service_area_slug or None, handler=scope.handler_username or None
        ),
        stage1=stages[1],
        stage2=stages[2],
        escalation_rate_pct=stages[1].escalation_rate_pct,
        refused=breakdowns.refusals(tally),
        withdrawn=breakdowns.withdrawals(tally),
        categories=breakdowns.categories(tally),
        channels=breakdowns.channels(tally),
        remedies=breakdowns.remedies(tally, remedies_against_bands(period)),
        follow_through=breakdowns.follow_through(as_of, today=today, scope=scope),
        ombudsman=ombudsman_figures(period, as_of=as_of),
        tsm=tsm_measures(stages[1], stages[2], LandlordSettings.current()),
        hazards=hazard_figures(start=period.start, end=period.end, as_of=as_of),
        by_service_area=by_service_area(period, as_of=as_of, scope=scope) if responsibility else None,
        by_handler=by_handler(period, as_of=as_of, scope=scope) if responsibility else None,
    )
