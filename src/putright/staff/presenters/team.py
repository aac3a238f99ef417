"""The team view: every open case by handler and stage, with overdue and due-soon counts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Q, QuerySet

from putright.accounts.models import User
from putright.cases import selectors
from putright.cases.models import Complaint, Status
from putright.cases.selectors.limits import page_window
from putright.rules.calendar import WorkingDayCalendar
from putright.staff.presenters.deadlines import Deadline, deadline
from putright.ui.links import link

OPEN = (Status.RECEIVED, Status.ACKNOWLEDGED, Status.RESPONDED)


@dataclass(frozen=True)
class PersonLoad:
    handler_id: int | None  # None: nobody is handling these
    name: str
    stage_one: int
    stage_two: int
    overdue: int
    due_soon: int

    @property
    def total(self) -> int:
        return self.stage_one + self.stage_two


def team_loads(*, today: date, soon: date) -> list[PersonLoad]:
    """Open cases per handler (nobody's first), by stage, with how many are overdue and due by
    `soon`: one grouped query over the kept counts and one for the names, whatever the
    number of cases."""
    found = selectors.open_counts_by_handler(today=today, soon=soon)
    people = {u.pk: u.display_name for u in User.objects.filter(pk__in=[k for k in found if k is not None])}
    loads = [
        PersonLoad(
            handler_id,
            people.get(handler_id, "Nobody (unassigned)") if handler_id else "Nobody (unassigned)",
            r["stage_one"],
            r["stage_two"],
            r["overdue"],
            r["due_soon"],
        )
        for handler_id, r in found.items()
    ]
    return sorted(loads, key=lambda p: (p.handler_id is not None, p.name.lower()))


def _cases(handler: int | None) -> QuerySet[Complaint]:
    """One handler's open cases (None: nobody's), by stage and the nearest deadline: read in
    order from the open-cases-by-handler index."""
    who = Q(handler__isnull=True) if handler is None else Q(handler_id=handler)
    return (
        Complaint.objects.filter(who, status__in=OPEN)
        .select_related("resident", "handler")
        .order_by("stage", "next_due", "id")
    )


def team_page(
    *, handler: int | None, unassigned: bool, page: int, page_size: int, loads: list[PersonLoad]
) -> tuple[list[Complaint], bool]:
    """One page of open cases: one handler's, nobody's, or everyone's in the order of `loads`
    (the team table above the list). Everyone's page reads only the handlers whose cases fall
    on it, found from the counts `loads` already holds, one indexed query each (usually one or
    two, never more than the page size), so the database never sorts every open case to show
    fifty."""
    page_size, start = page_window(page, page_size)
    wanted = page_size + 1
    if handler is not None or unassigned:
        found = list(_cases(None if unassigned else handler)[start : start + wanted])
        return found[:page_size], len(found) > page_size
    found = []
    seen = 0
    for load in loads:
        if len(found) >= wanted:
            break
        if seen + load.total > start:
            offset = max(0, start - seen)
            found += _cases(load.handler_id)[offset : offset + wanted - len(found)]
        seen += load.total
    return found[:page_size], len(found) > page_size


@dataclass(frozen=True)
class LoadRow:
    """One line of the table of handlers, ready to draw: a large landlord has hundreds."""

    url: str
    name: str
    stage_one: str
    stage_two: str
    overdue: str  # blank for none
    due_soon: str  # blank for none


def load_rows(loads: list[PersonLoad]) -> list[LoadRow]:
    base = link("staff:team")
    return [
        LoadRow(
            url=f"{base}?handler={p.handler_id or 'none'}",
            name=p.name,
            stage_one=str(p.stage_one),
            stage_two=str(p.stage_two),
            overdue=str(p.overdue) if p.overdue else "",
            due_soon=str(p.due_soon) if p.due_soon else "",
        )
        for p in loads
    ]


@dataclass(frozen=True)
class TeamRow:
    """One open case in the list under the table."""

    pk: int
    url: str
    reference: str
    handler: str
    stage: str
    deadline: Deadline
    refused: str  # why reassigning it was refused, blank if it was not


def team_rows(
    cases: list[Complaint], *, today: date, calendar: WorkingDayCalendar, refused: dict[int, str]
) -> list[TeamRow]:
    return [
        TeamRow(
            pk=c.pk,
            url=link("staff:case", c.pk),
            reference=c.reference,
            handler=c.handler.display_name if c.handler else "Nobody",
            stage=f"Stage {c.stage}: {c.get_status_display()}",
            deadline=deadline(c.next_due, today, calendar),
            refused=refused.get(c.pk, ""),
        )
        for c in cases
    ]
