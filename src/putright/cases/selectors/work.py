"""Work waiting for someone: contacts to decide (Code 1.2-1.6), and actions and remedies
promised but not yet delivered (6.6, 7.3), including on complaints already closed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.db.models import Count, F, Subquery

from putright.cases.models import Action, Contact, Remedy
from putright.cases.selectors.limits import page_window


def contacts_undecided(*, page: int, page_size: int = 25) -> tuple[list[Contact], bool]:
    """Contacts recorded but not yet decided (complaint, service request or survey feedback:
    Code 1.2-1.6), the longest-waiting first, so that none drops out of sight. One query."""
    size, start = page_window(page, page_size)
    found = list(
        Contact.objects.filter(triage=Contact.Triage.UNTRIAGED)
        .select_related("resident", "recorded_by")
        .order_by("received_at", "id")[start : start + size + 1]
    )
    return found[:size], len(found) > size


def contacts_undecided_count() -> int:
    """How many contacts wait for a decision: the navigation shows it. One indexed COUNT."""
    return Contact.objects.filter(triage=Contact.Triage.UNTRIAGED).count()


@dataclass(frozen=True)
class OpenWork:
    """What is still to be done on a complaint: actions promised and remedies not delivered."""

    actions: list[Action]
    remedies: list[Remedy]

    def __bool__(self) -> bool:
        return bool(self.actions or self.remedies)


def complaint_open_work(*, complaint_id: int) -> OpenWork:
    """The complaint's open actions (with their owners) and undelivered remedies, earliest
    date first (Code 6.6, 7.3). Two queries."""
    return OpenWork(
        actions=list(
            Action.objects.filter(complaint_id=complaint_id, completed_on__isnull=True)
            .select_related("owner")
            .order_by("promise_on", "id")
        ),
        remedies=list(
            Remedy.objects.filter(complaint_id=complaint_id, completed_on__isnull=True).order_by(
                F("due_on").asc(nulls_last=True), "id"
            )
        ),
    )


ACTION_ROW_FIELDS = (
    "complaint_id",
    "description",
    "promise_on",
    "owner_id",
    "completed_on",
    "complaint__reference",
    "complaint__status",
)


def actions_open_owned(*, owner_id: int, page: int = 1, page_size: int = 50) -> tuple[Sequence[Action], int]:
    """One page of the open actions someone owns, whatever their complaint's status (a closed
    complaint's promises still have to be kept: Code 6.6), the earliest promise first, and how
    many there are in all. One query on the open-actions index; a second only for a page past
    the end, which has no row to carry the total."""
    size, start = page_window(page, page_size)
    open_actions = Action.objects.filter(owner_id=owner_id, completed_on__isnull=True)
    # Only what a row shows of the complaint: its description can run to pages. Each row
    # carries the total from an uncorrelated subquery the database counts once, on the index
    # alone (a window count would join every open action to its complaint before the cut).
    total = open_actions.order_by().values("owner_id").annotate(n=Count("id")).values("n")
    found = list(
        open_actions.select_related("complaint")
        .only(*ACTION_ROW_FIELDS)
        .annotate(open_total=Subquery(total))
        .order_by("promise_on", "id")[start : start + size]
    )
    if found:
        return found, int(found[0].open_total)
    return found, open_actions.count() if start else 0
