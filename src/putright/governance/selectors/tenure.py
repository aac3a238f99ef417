"""Complaints from residents whose tenure is not known: they drop out of CH01 and CH02.

The Regulator's measures count LCRA and LCHO tenants only, so each of these needs its
tenure recorded before the year's figures are filed. Listed for the period the figures
cover: stage 1 complaints received in it and stage 2 complaints escalated in it.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q

from putright.cases.models import Complaint, Status, Tenure
from putright.governance.selectors.periods import Period

LISTED_AT_MOST = 200


def complaints_of_unknown_tenure(period: Period) -> list[dict[str, Any]]:
    """Accepted complaints counted in `period` whose resident's tenure is unknown, oldest first."""
    span = (period.start, period.end)
    counted = Q(received_on__range=span) | Q(stages__stage=2, stages__requested_on__range=span)
    rows = (
        Complaint.objects.filter(counted, resident__tenure=Tenure.UNKNOWN)
        .exclude(status=Status.REFUSED)
        .distinct()
        .order_by("received_on", "id")
        .values("id", "reference", "received_on", "stage", "status", "resident__name")[:LISTED_AT_MOST]
    )
    statuses = dict(Status.choices)
    return [
        {
            "id": row["id"],
            "reference": row["reference"],
            "received_on": row["received_on"],
            "stage": row["stage"],
            "status": statuses.get(row["status"], row["status"]),
            "resident": row["resident__name"],
        }
        for row in rows
    ]
