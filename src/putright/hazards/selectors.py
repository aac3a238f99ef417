"""Reading hazards: their deadlines as plain data, the open duties, the list filters."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.db.models import QuerySet

from putright.cases.selectors.limits import UpTo, count_up_to
from putright.core.dates import code_calendar
from putright.hazards.models import Hazard, HazardScreen
from putright.hazards.progress import progress_of
from putright.rules.hazard_data import Duty
from putright.rules.hazard_scope import HHSRS
from putright.rules.hazards import deadlines, due_instant, met_in_time, open_duties

DUTY_LABELS = {
    Duty.INVESTIGATE: "Investigate",
    Duty.MAKE_SAFE: "Make safe (or alternative accommodation)",
    Duty.WRITTEN_SUMMARY: "Written summary to the tenant",
    Duty.BEGIN_WORKS: "Begin further works (or take steps to)",
    Duty.START_WORKS: "Further works physically started",
}


@dataclass(frozen=True)
class DutyView:
    duty: str
    label: str
    due: datetime | date
    due_at: datetime
    done: bool
    met: bool | None
    overdue: bool
    hours_left: int | None


@dataclass(frozen=True)
class HazardView:
    hazard: Hazard
    label: str
    duties: list[DutyView]
    next_duty: DutyView | None

    @property
    def overdue(self) -> list[DutyView]:
        return [d for d in self.duties if d.overdue]


def hazard_view(hazard: Hazard, *, now: datetime) -> HazardView:
    """Every duty with its deadline, whether done in time, and the time left on open ones."""
    calendar = code_calendar()
    progress = progress_of(hazard)
    remaining = open_duties(progress, calendar) if not progress.closed else {}
    met = met_in_time(progress, calendar)
    duties = []
    for duty, due in deadlines(progress, calendar).by_duty().items():
        at = due_instant(due)
        is_open = duty in remaining
        duties.append(
            DutyView(
                duty=duty.value,
                label=DUTY_LABELS[duty],
                due=due,
                due_at=at,
                done=duty in met,
                met=met.get(duty),
                overdue=is_open and at <= now,
                hours_left=int((at - now).total_seconds() // 3600) if is_open else None,
            )
        )
    first = next((d for d in sorted(duties, key=lambda d: d.due_at) if d.duty in remaining), None)
    return HazardView(
        hazard=hazard, label=HHSRS.get(hazard.hazard, "Not yet named"), duties=duties, next_duty=first
    )


def deadlines_data(hazard: Hazard) -> dict[str, Any]:
    """Every deadline known so far, as the API shows them: instants or dates in ISO form."""
    found = deadlines(progress_of(hazard), code_calendar())
    return {f"{duty.value}_by": due.isoformat() for duty, due in found.by_duty().items()}


def hazard_get(*, hazard_id: int) -> Hazard | None:
    return Hazard.objects.select_related("complaint", "resident").filter(pk=hazard_id).first()


def hazards_filtered(
    *, now: datetime, open_only: bool | None = None, overdue: bool | None = None, kind: str | None = None
) -> QuerySet[Hazard]:
    """Hazards, the soonest deadline first; closed ones after every open one."""
    qs = Hazard.objects.select_related("complaint", "resident").order_by("closed", "next_due_at", "id")
    if open_only is True:
        qs = qs.filter(closed=False)
    elif open_only is False:
        qs = qs.filter(closed=True)
    if overdue is True:
        qs = qs.filter(closed=False, next_due_at__lte=now)
    if kind:
        qs = qs.filter(kind=kind)
    return qs


def hazards_for_complaint(*, complaint_id: int, now: datetime) -> list[HazardView]:
    return [hazard_view(h, now=now) for h in Hazard.objects.filter(complaint_id=complaint_id).order_by("id")]


def screens_open_for_complaint(*, complaint_id: int) -> list[HazardScreen]:
    return list(HazardScreen.objects.filter(complaint_id=complaint_id, state=HazardScreen.State.OPEN))


# The warning on My work and the team view points to the hazards list, which shows them all;
# past this it says "more than" rather than scan a large backlog on every view.
OVERDUE_COUNTED_TO = 1000


def hazards_overdue_count(*, now: datetime) -> UpTo:
    """Open hazards with a duty past its deadline, counted up to `OVERDUE_COUNTED_TO`."""
    return count_up_to(Hazard.objects.filter(closed=False, next_due_at__lte=now), OVERDUE_COUNTED_TO)
