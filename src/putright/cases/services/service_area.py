"""Which of the landlord's service areas a complaint belongs to: chosen when it is logged,
changed later as one action with its event ("Service area changed from Repairs to Lettings").

Only active areas may be chosen; a complaint keeps a deactivated one until someone moves it.
"""

from __future__ import annotations

from datetime import datetime

from django.db import transaction

from putright.cases.models import Complaint, EventAction
from putright.cases.services._common import lock_complaint, record_event, snapshot
from putright.core.actor import Actor
from putright.core.errors import InvalidInput
from putright.landlord.models import ServiceArea

NONE = "none"


def service_area_resolve(slug: str | None, errors: dict[str, str]) -> ServiceArea | None:
    """The active service area `slug` names, None for none; an unknown one is a field error."""
    if not slug:
        return None
    area = ServiceArea.objects.filter(slug=slug, active=True).first()
    if area is None:
        errors["service_area"] = f"Unknown service area '{slug}'. Choose one of the landlord's service areas."
    return area


def complaint_set_service_area(
    *,
    actor: Actor | None,
    now: datetime,
    complaint_id: int,
    service_area: str | None,
    expected_version: int | None = None,
) -> Complaint:
    """Move a complaint to the service area `service_area` (a slug; empty for none), as one event.

    The figures by service area count the complaint under its area as it is now, so its days
    are recounted (the write to its row marks it).
    """
    errors: dict[str, str] = {}
    area = service_area_resolve(service_area, errors)
    if errors:
        raise InvalidInput(errors)
    with transaction.atomic():
        complaint = lock_complaint(complaint_id, expected_version=expected_version)
        current = complaint.service_area
        if (current.pk if current else None) == (area.pk if area else None):
            name = current.name if current else "no service area"
            raise InvalidInput({"service_area": f"The complaint is already in {name}: choose another"})
        before = {**snapshot(complaint), "service_area": current.slug if current else None}
        complaint.service_area = area
        record_event(
            complaint,
            actor=actor,
            now=now,
            action=EventAction.SERVICE_AREA_CHANGED,
            summary=(
                f"Service area changed from {current.name if current else NONE} to {area.name if area else NONE}"
            ),
            before=before,
            after={**snapshot(complaint), "service_area": area.slug if area else None},
        )
    return complaint
