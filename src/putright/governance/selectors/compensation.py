"""Financial remedies set against the compensation bands, for consistency (Code 7.2, 7.4).

Each financial remedy in a response sent in the period is counted in the band it was weighed
against (the caseworker's choice, else the band its amount fell in), as within the band or
outside it (with the reason recorded at the time). Two queries, whatever the period.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.db.models import Exists, OuterRef

from putright.cases.models import Remedy, RemedyKind, StageRecord
from putright.governance.selectors.periods import Period
from putright.landlord.compensation import compensation_bands
from putright.rules.remedies import band_range
from putright.rules.remedy_guidance import Band

UNBANDED = "none"


def _row(band: Band | None) -> dict[str, Any]:
    return {
        "band": band.key if band else UNBANDED,
        "label": band.label if band else "Below every band, or a band no longer used",
        "range": band_range(band) if band else "",
        "count": 0,
        "within": 0,
        "outside": 0,
        "total": Decimal("0.00"),
        "lowest": None,
        "highest": None,
    }


def remedies_against_bands(period: Period) -> dict[str, dict[str, Any]]:
    """One row per band key (and `none` for remedies in none): how many financial remedies, how many
    within the band's amounts and outside them, their total, lowest and highest amount."""
    bands = compensation_bands(on=period.end)
    rows = {band.key: _row(band) for band in bands}
    spare = _row(None)
    sent = StageRecord.objects.filter(
        complaint_id=OuterRef("complaint_id"),
        stage=OuterRef("stage"),
        responded_on__gte=period.start,
        responded_on__lte=period.end,
    )
    remedies = Remedy.objects.filter(kind=RemedyKind.FINANCIAL, amount__isnull=False).filter(Exists(sent))
    for band_key, amount in remedies.values_list("band", "amount"):
        assert amount is not None  # filtered above
        row = rows.get(band_key, spare)
        band = next((b for b in bands if b.key == band_key), None)
        row["count"] += 1
        row["within" if band is not None and band.contains(amount) else "outside"] += 1
        row["total"] += amount
        row["lowest"] = amount if row["lowest"] is None else min(row["lowest"], amount)
        row["highest"] = amount if row["highest"] is None else max(row["highest"], amount)
    # Keyed by band, like the other breakdowns, so the figures flatten into exports.
    return {**rows, **({UNBANDED: spare} if spare["count"] else {})}
