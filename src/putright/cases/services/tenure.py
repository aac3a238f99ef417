"""Recording a resident's tenure, which decides whether their complaints count in CH01 and CH02.

The Regulator's measures count tenants of low-cost rental and low-cost home ownership homes
only, so a complaint from a resident of unknown tenure is left out until someone records it.
"""

from __future__ import annotations

from datetime import datetime

from django.db import transaction

from putright.cases.models import Complaint, EventAction, Resident, Tenure
from putright.cases.services._common import lock_complaint, record_event, snapshot
from putright.core.actor import Actor
from putright.core.errors import InvalidInput


def tenure_problem(tenure: str) -> str | None:
    """Why `tenure` cannot be recorded, or None. "Unknown" is never recorded: it would take a
    resident's complaints out of CH01 and CH02, so a figure could look better than it was."""
    if tenure not in Tenure.values or tenure == Tenure.UNKNOWN:
        choices = ", ".join(v for v in Tenure.values if v != Tenure.UNKNOWN)
        return f"Select the resident's tenure: one of {choices}"
    return None


def complaint_set_tenure(
    *, actor: Actor | None, now: datetime, complaint_id: int, tenure: str, expected_version: int | None = None
) -> Complaint:
    """Record the tenure of the complaint's resident, as one event on this complaint.

    The tenure belongs to the resident, so every complaint of theirs is recounted in the
    figures; the change is recorded on the complaint it was made from.
    """
    problem = tenure_problem(tenure)
    if problem:
        raise InvalidInput({"tenure": problem})
    with transaction.atomic():
        complaint = lock_complaint(complaint_id, expected_version=expected_version)
        resident = Resident.objects.select_for_update().get(pk=complaint.resident_id)
        before = {**snapshot(complaint), "tenure": resident.tenure}
        resident.tenure = tenure
        resident.save(update_fields=["tenure"])
        label = Tenure(tenure).label
        record_event(
            complaint,
            actor=actor,
            now=now,
            action=EventAction.TENURE_RECORDED,
            summary=f"Resident's tenure recorded as {label.lower()}",
            before=before,
            after={**snapshot(complaint), "tenure": tenure},
        )
    return complaint
