"""Complaint handling performance for any period, live from the record (Code 8.1b, 9.6, 9.7a).

One call, a fixed number of queries whatever the number of complaints: every figure is
aggregated in the database, per day (`daycounts`), and added up over the period from the
days stored by `putright figures` where nothing has changed since, counting the rest live
(`figures`). Working days need the calendar, so they are counted when read (see
`working_days`). The result is plain data, ready for the API, pages and exports.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from putright.governance.selectors import breakdowns
from putright.governance.selectors.compensation import remedies_against_bands
from putright.governance.selectors.figures import period_tally
from putright.governance.selectors.ombudsman import ombudsman_figures
from putright.governance.selectors.periods import Period
from putright.governance.selectors.stages import stage_figures
from putright.governance.selectors.tsm import tsm_measures
from putright.governance.selectors.working_days import working_days_taken
from putright.hazards.figures import hazard_figures
from putright.landlord.models import LandlordSettings


def performance_report(*, period: Period, today: date) -> dict[str, Any]:
    """Every figure for `period`. Figures "as at" a day use the period's end, or today if sooner."""
    as_of = min(period.end, today)
    tally = period_tally(period, today=today)
    stages = stage_figures(tally, as_of=as_of)
    days = working_days_taken(tally)
    extensions = breakdowns.extensions(tally)
    for stage in (1, 2):
        stages[stage]["working_days"] = days[stage]
        stages[stage]["extensions_notified"] = extensions[stage]
    return {
        "period": {"from": period.start, "to": period.end, "as_at": as_of, "label": period.label()},
        "stage1": stages[1],
        "stage2": stages[2],
        "escalation_rate_pct": stages[1]["escalation_rate_pct"],
        "refused": breakdowns.refusals(tally),
        "withdrawn": breakdowns.withdrawals(tally),
        "categories": breakdowns.categories(tally),
        "channels": breakdowns.channels(tally),
        "remedies": {**breakdowns.remedies(tally), "against_bands": remedies_against_bands(period)},
        "follow_through": breakdowns.follow_through(as_of, today=today),
        "ombudsman": ombudsman_figures(period, as_of=as_of),
        "tsm": tsm_measures(stages, LandlordSettings.current()),
        "hazards": hazard_figures(start=period.start, end=period.end, as_of=as_of),
    }
