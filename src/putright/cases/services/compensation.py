"""A financial remedy weighed against the compensation bands (Code 7.4).

The caseworker may say which band fits the impact on the resident (`band`); an amount outside
it needs `band_reason`. Without a band, the band the amount falls in is recorded, so the
reports can set every financial remedy against the bands.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from putright.cases.models import RemedyKind
from putright.core.errors import ActionRefused
from putright.landlord.compensation import compensation_bands
from putright.rules import remedies as remedy_rules


def remedy_bands(remedies: Sequence[Any], *, on: date) -> list[str]:
    """The band key to record for each remedy ("" for one that is not financial, or below every
    band). Raises `ActionRefused` (7.4) naming the field: an unknown band, or an amount outside
    the chosen band without a reason."""
    bands = compensation_bands(on=on)
    by_key = {band.key: band for band in bands}
    chosen: list[str] = []
    for i, remedy in enumerate(remedies):
        if remedy.kind != RemedyKind.FINANCIAL or remedy.amount is None:
            chosen.append("")
            continue
        amount = Decimal(str(remedy.amount))
        key = (remedy.band or "").strip()
        if not key:
            suggested = remedy_rules.suggested_band(amount, bands)
            chosen.append(suggested.key if suggested else "")
            continue
        band = by_key.get(key)
        if band is None:
            names = ", ".join(by_key)
            raise ActionRefused(
                f"'{key}' is not one of the compensation bands ({names}).",
                code_paragraph="7.4",
                field=f"remedies.{i}.band",
            )
        try:
            remedy_rules.check_band(amount, band, remedy.band_reason)
        except remedy_rules.RemedyInvalid as violation:
            raise ActionRefused.from_rule(violation, field=f"remedies.{i}.band_reason") from violation
        chosen.append(key)
    return chosen
