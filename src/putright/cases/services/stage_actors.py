"""Who acted at stage 1, gathered from the record, for the Code 6.13 check at stage 2.

The rule itself (`putright.rules.lifecycle.check_stage_two_actors`) is pure; this module
collects its facts: everyone who acknowledged, extended or responded at stage 1, and everyone
who was ever its handler, from the event log, the stage record and its extensions. Reading
the whole history, not the current handler, is what stops a reassignment after the stage 1
response from washing the stage 1 handler out.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model

from putright.cases.models import CaseEvent, Complaint, EventAction, Extension, StageRecord
from putright.cases.services._common import rules
from putright.rules import lifecycle

# The events in which someone acted on the stage itself (Code 6.13: "considered").
ACTED = frozenset({"acknowledged", "extended", "responded"})


def stage_one_actors(complaint: Complaint) -> frozenset[int]:
    """The ids of everyone who acted at stage 1 of `complaint`, or was ever its handler."""
    ids: set[int] = set()
    usernames: set[str] = set()
    escalated = (
        CaseEvent.objects.filter(complaint=complaint, action=EventAction.ESCALATED)
        .order_by("id")
        .values_list("id", flat=True)
        .first()
    )
    if escalated is not None:
        # Everything logged before the escalation happened at stage 1.
        events = CaseEvent.objects.filter(complaint=complaint, id__lt=escalated)
        for actor_id, action, before, after in events.values_list("actor_id", "action", "before", "after"):
            if action in ACTED and actor_id:
                ids.add(actor_id)
            for side in (before, after):
                if isinstance(side, dict):
                    _handler_from(side, ids, usernames)
    first = StageRecord.objects.filter(complaint=complaint, stage=1).first()
    if first is not None:
        if first.handler_id:
            ids.add(first.handler_id)
        ids.update(
            Extension.objects.filter(stage_record=first, created_by__isnull=False).values_list(
                "created_by_id", flat=True
            )
        )
    if usernames:
        users = get_user_model().objects.filter(username__in=usernames)
        ids.update(users.values_list("pk", flat=True))
    return frozenset(ids)


def _handler_from(side: dict[str, Any], ids: set[int], usernames: set[str]) -> None:
    handler_id = side.get("handler_id")
    if isinstance(handler_id, int):
        ids.add(handler_id)
    handler = side.get("handler")
    if isinstance(handler, str) and handler:
        usernames.add(handler)


def check_stage_two(complaint: Complaint, stage: int, *, acting: Any = None, handler: Any = None) -> None:
    """Code 6.13, at stage 2 only: neither the acting user nor the handler acted at stage 1."""
    if stage != 2:
        return
    with rules():
        lifecycle.check_stage_two_actors(
            stage_one_actors=stage_one_actors(complaint),
            acting=getattr(acting, "pk", None),
            handler=getattr(handler, "pk", None),
        )
