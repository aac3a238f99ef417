"""Figures by who answers for complaints: by service area and by handler (Code 9.7a asks for
performance; the landlords we serve report it by department and by handler).

For each service area (the complaint's, as it is now) or handler (the stage's own handler),
per stage: stage records received in the period (requested in it), responses sent in the
period, those sent within the Code's timescale (`daycounts.IN_TIME`), and acknowledgements
and responses overdue at the period's end (`stages.overdue_counts`). The same conditions as
the stage figures, so a row's numbers add up to the report's, and each opens its list of
cases through the same figure key with the row's filter added (`drill`, `scope`).

Three grouped queries per breakdown and one for the names, whatever the number of complaints.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.contrib.auth import get_user_model
from django.db.models import Count, Q

from putright.cases.models import StageRecord
from putright.governance.selectors.daycounts import IN_TIME
from putright.governance.selectors.periods import Period
from putright.governance.selectors.report_types import ResponsibilityRow, ResponsibilityStage
from putright.governance.selectors.scope import EVERYTHING, Scope
from putright.governance.selectors.stages import STAGES, overdue_counts
from putright.landlord.models import ServiceArea

NONE_LABEL = {"service_area": "No service area", "handler": "Not assigned"}
FIGURES = ("received", "responded", "responded_within_timescale", "overdue")


def _counted(group: str, period: Period, as_of: date, scope: Scope) -> dict[Any, dict[int, dict[str, int]]]:
    span = (period.start, period.end)
    got, sent = Q(requested_on__range=span), Q(responded_on__range=span)
    rows = (
        StageRecord.objects.filter(got | sent, scope.stages())
        .values(group, "stage")
        .annotate(
            received=Count("id", filter=got),
            responded=Count("id", filter=sent),
            responded_within_timescale=Count("id", filter=sent & IN_TIME),
        )
        .order_by()
    )
    found: dict[Any, dict[int, dict[str, int]]] = {}

    def row_for(key: Any) -> dict[int, dict[str, int]]:
        return found.setdefault(key, {stage: dict.fromkeys(FIGURES, 0) for stage in STAGES})

    for row in rows:
        into = row_for(row[group])[row["stage"]]
        for name in ("received", "responded", "responded_within_timescale"):
            into[name] += row[name]
    for (stage, key), late in overdue_counts(as_of, scope=scope, by=group).items():
        row_for(key)[stage]["overdue"] += late["acknowledgements_overdue"] + late["responses_overdue"]
    return found


def _rows(
    kind: str, counted: dict[Any, dict[int, dict[str, int]]], names: dict[int, tuple[str, str]]
) -> tuple[ResponsibilityRow, ...]:
    rows = []
    for key, stages in counted.items():
        if not any(any(figures.values()) for figures in stages.values()):
            continue
        slug, name = names.get(key, ("", NONE_LABEL[kind])) if key is not None else ("", NONE_LABEL[kind])
        stage1, stage2 = (ResponsibilityStage(**stages[stage]) for stage in STAGES)
        rows.append(ResponsibilityRow(slug=slug, name=name, stage1=stage1, stage2=stage2))
    # Most received first; those with none (a filter key of "") last among equals.
    return tuple(sorted(rows, key=lambda r: (-r.stage1.received, -r.stage2.received, r.slug == "", r.name)))


def by_service_area(
    period: Period, *, as_of: date, scope: Scope = EVERYTHING
) -> tuple[ResponsibilityRow, ...]:
    """Per service area, most complaints first: `slug` (its filter; "" for none), `name`, and
    `stage1`/`stage2` each with received, responded, responded_within_timescale, overdue."""
    counted = _counted("complaint__service_area_id", period, as_of, scope)
    ids = [k for k in counted if k is not None]
    names = {
        pk: (slug, name)
        for pk, slug, name in ServiceArea.objects.filter(pk__in=ids).values_list("id", "slug", "name")
    }
    return _rows("service_area", counted, names)


def by_handler(period: Period, *, as_of: date, scope: Scope = EVERYTHING) -> tuple[ResponsibilityRow, ...]:
    """Per handler of the stage, as `by_service_area`; `slug` is the handler's username."""
    counted = _counted("handler_id", period, as_of, scope)
    ids = [k for k in counted if k is not None]
    people = (
        get_user_model().objects.filter(pk__in=ids).values_list("id", "username", "first_name", "last_name")
    )
    names = {pk: (username, f"{first} {last}".strip() or username) for pk, username, first, last in people}
    return _rows("handler", counted, names)
