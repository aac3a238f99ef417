"""Financial remedies set against the compensation bands, for consistency (Code 7.2, 7.4).

Each financial remedy in a response sent in the period is counted in the band it was weighed
against (the caseworker's choice, else the band its amount fell in), as within the band or
outside it (with the reason recorded at the time). Two queries, whatever the period.
"""

from __future__ import annotations

from decimal import Decimal

from django.db.models import Exists, OuterRef

from putright.cases.models import Remedy, RemedyKind, StageRecord
from putright.governance.selectors.periods import Period
from putright.governance.selectors.report_types import BandRow
from putright.landlord.compensation import compensation_bands
from putright.rules.remedies import band_range
from putright.rules.remedy_guidance import Band

UNBANDED = "none"


def _row(band: Band | None, amounts: list[Decimal], within: int) -> BandRow:
    return BandRow(
        band=band.key if band else UNBANDED,
        label=band.label if band else "Below every band, or a band no longer used",
        range=band_range(band) if band else "",
        count=len(amounts),
        within=within,
        outside=len(amounts) - within,
        total=sum(amounts, Decimal("0.00")),
        lowest=min(amounts, default=None),
        highest=max(amounts, default=None),
    )


def remedies_against_bands(period: Period) -> dict[str, BandRow]:
    """One row per band key (and `none` for remedies in none): how many financial remedies, how many
    within the band's amounts and outside them, their total, lowest and highest amount."""
    bands = compensation_bands(on=period.end)
    by_key = {band.key: band for band in bands}
    amounts: dict[str | None, list[Decimal]] = {band.key: [] for band in bands}
    within: dict[str | None, int] = dict.fromkeys(amounts, 0)
    amounts[None], within[None] = [], 0
    sent = StageRecord.objects.filter(
        complaint_id=OuterRef("complaint_id"),
        stage=OuterRef("stage"),
        responded_on__gte=period.start,
        responded_on__lte=period.end,
    )
    remedies = Remedy.objects.filter(kind=RemedyKind.FINANCIAL, amount__isnull=False).filter(Exists(sent))
    for band_key, amount in remedies.values_list("band", "amount"):
        assert amount is not None  # filtered above
        band = by_key.get(band_key)
        key = band_key if band_key in amounts else None
        amounts[key].append(amount)
        if band is not None and band.contains(amount):
            within[key] += 1
    rows = {band.key: _row(band, amounts[band.key], within[band.key]) for band in bands}
    # Keyed by band, like the other breakdowns, so the figures flatten into exports.
    if amounts[None]:
        rows[UNBANDED] = _row(None, amounts[None], within[None])
    return rows
