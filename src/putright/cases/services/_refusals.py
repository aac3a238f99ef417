"""What refusing a complaint (2.1-2.5) and refusing its escalation (5.11) share: the date of
the decision, the refusal row, and a missing fact reported beside its field.

Private to `putright.cases.services`: the public services are `complaint_refuse` and
`complaint_refuse_escalation`.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from typing import Any

from putright.cases.models import Complaint, Refusal
from putright.core.actor import Actor, user_or_none
from putright.core.dates import england_date
from putright.core.entries import dated_entry
from putright.core.errors import ActionRefused
from putright.rules.entries import Entry
from putright.rules.errors import RefusalNotEvidenced


@contextmanager
def beside_the_field() -> Iterator[None]:
    # The missing fact is named, so a form shows the message beside the field to fill in.
    try:
        yield
    except RefusalNotEvidenced as violation:
        raise ActionRefused.from_rule(violation, field=violation.field) from violation


def decision_entry(refused_on: date | None, now: datetime, late_entry_reason: str) -> Entry:
    """The date of the decision (today unless given) as a dated entry (5.12)."""
    return dated_entry(
        given_on=refused_on or england_date(now),
        now=now,
        late_entry_reason=late_entry_reason,
        field="refused_on",
        what="the date of the decision",
    )


def refusal_create(
    complaint: Complaint, stage: int, *, actor: Actor | None, entry: Entry, **fields: Any
) -> Refusal:
    """The refusal at `stage` (1: not accepted; 2: escalation refused), dated by `entry`."""
    return Refusal.objects.create(
        complaint=complaint,
        stage=stage,
        refused_on=entry.given_on,
        recorded_on=entry.recorded_on,
        late_entry_reason=entry.late_entry_reason,
        created_by=user_or_none(actor),
        **fields,
    )
