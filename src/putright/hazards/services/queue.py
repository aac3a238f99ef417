"""Keeping a complaint's queue position in step with the hazards it revealed.

The queue sorts complaints on stored keys (priority, then deadline), so the hazard services
write the complaint's hazard kind, priority and soonest hazard deadline whenever a hazard
changes. These are sort keys, not part of the complaint's record: the hazard's own event
log holds what happened.
"""

from __future__ import annotations

from django.db.models import Min

from putright.cases.models import Complaint
from putright.cases.services.queue_key import promised_dates, running_due_at
from putright.hazards.models import Hazard
from putright.rules.hazard_scope import HazardKind

HAZARD_PRIORITY = {HazardKind.EMERGENCY.value: 30, HazardKind.SIGNIFICANT.value: 20}


def complaint_refresh_hazards(complaint_id: int) -> None:
    """Store on the complaint the most urgent kind of hazard it revealed (kept once closed: the
    figures count complaints that revealed a hazard), and from its open hazards the priority
    and the soonest hazard deadline (which leads the queue when sooner than the complaint's)."""
    hazards = Hazard.objects.filter(complaint_id=complaint_id)
    kinds = set(hazards.values_list("kind", flat=True))
    kind = HazardKind.EMERGENCY.value if HazardKind.EMERGENCY.value in kinds else next(iter(kinds), "")
    open_hazards = hazards.filter(closed=False)
    due = open_hazards.aggregate(due=Min("next_due_at"))["due"]
    open_kinds = set(open_hazards.values_list("kind", flat=True))
    urgent = max((HAZARD_PRIORITY[k] for k in open_kinds), default=0)
    complaint = Complaint.objects.only("vulnerable", "next_due").get(pk=complaint_id)
    priority = urgent + (10 if complaint.vulnerable else 0)
    # The queue's key moves with the hazard's deadline (sooner than the complaint's, it leads).
    due_at = running_due_at(
        hazard_due_at=due, next_due=complaint.next_due, promised=promised_dates(complaint_id)
    )
    Complaint.objects.filter(pk=complaint_id).update(
        hazard=kind, hazard_due_at=due, priority=priority, due_at=due_at
    )
