"""The actions someone owns, as the rows under My work show them (Code 6.6)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from putright.cases import selectors
from putright.cases.models import Status
from putright.cases.selectors.limits import page_window
from putright.core.dates import long_date
from putright.ui.links import link


@dataclass(frozen=True)
class ActionRow:
    case_url: str
    update_url: str
    reference: str
    status: str
    description: str
    promised: str
    overdue: bool


# My work shows the earliest few; the rest are a click away on their own paged list, so no
# promise is ever out of sight and the queue does not grow with a caseworker's backlog.
ON_MY_WORK = 10
PAGE_SIZE = 25


@dataclass(frozen=True)
class OwnedActions:
    rows: list[ActionRow]
    # How many open actions the person owns: more than the rows when the list is cut short.
    total: int
    page: int = 1
    has_next: bool = False

    def __bool__(self) -> bool:
        return bool(self.rows)


def owned_actions(*, owner_id: int, today: date, page: int = 1, page_size: int = ON_MY_WORK) -> OwnedActions:
    """One page of the open actions `owner_id` owns, earliest promise first, ready to draw:
    one query (two for a page past the end)."""
    found, total = selectors.actions_open_owned(owner_id=owner_id, page=page, page_size=page_size)
    return OwnedActions(
        rows=[
            ActionRow(
                case_url=link("staff:case", a.complaint_id),
                update_url=link("staff:action_update", a.complaint_id, a.pk),
                reference=a.complaint.reference,
                status=Status(a.complaint.status).label,
                description=a.description,
                promised=long_date(a.promise_on),
                overdue=a.promise_on < today,
            )
            for a in found
        ],
        total=total,
        page=page,
        # Derived from the same window the selector read, so the two cannot disagree.
        has_next=page_window(page, page_size)[1] + len(found) < total,
    )
