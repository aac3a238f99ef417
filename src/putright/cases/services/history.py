"""Writing to a complaint's history from another part of the service.

Governance (the Ombudsman's cases) and privacy (anonymisation) keep their own records but
must leave a mark on the complaint's event log (Code 5.12). They do it here, so the case
record keeps one writer and `putright.cases.services._common` stays private.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from django.db.models import F

from putright.cases.models import CaseEvent, Complaint, EventAction
from putright.cases.services._common import lock_complaint, record_event
from putright.core.actor import Actor, user_or_none


def complaint_event_record(
    *,
    actor: Actor | None,
    now: datetime,
    complaint_id: int,
    action: EventAction,
    summary: str,
    details: dict[str, Any],
) -> CaseEvent:
    """Lock the complaint and append one event for an action recorded elsewhere.

    Call it inside the caller's transaction, so the event and the caller's own record are
    saved together or not at all. The complaint's status and stage do not change.
    """
    complaint = lock_complaint(complaint_id)
    return record_event(
        complaint, actor=actor, now=now, action=action, summary=summary, before={}, after={}, details=details
    )


def complaints_anonymised_record(
    *,
    complaint_ids: Iterable[int],
    actor: Actor | None,
    actor_label: str,
    now: datetime,
    summary: str,
    details: dict[str, Any],
) -> None:
    """Mark each complaint's history as anonymised, and move its version on.

    No event hooks run (an anonymised complaint gets no letter). The version moves
    so a page open on the old text cannot write it back.
    """
    ids = list(complaint_ids)
    for complaint_id in ids:
        CaseEvent.objects.create(
            complaint_id=complaint_id,
            at=now,
            actor=user_or_none(actor),
            actor_label=actor_label,
            action=EventAction.ANONYMISED,
            summary=summary,
            before={},
            after=details,
        )
    Complaint.objects.filter(pk__in=ids).update(version=F("version") + 1)
