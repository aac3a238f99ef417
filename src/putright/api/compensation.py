"""The compensation bands a caseworker weighs a financial remedy against (Code 7.4)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Annotated, Any

from django.http import HttpRequest
from django.utils import timezone
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError

from putright.api.schemas.common import Day, ErrorOut
from putright.cases import access
from putright.core.errors import InvalidInput
from putright.landlord.compensation import compensation_bands, compensation_bands_are_the_landlords
from putright.rules.remedies import band_range, suggested_band

router = Router(tags=["remedies"])
ERRORS = {401: ErrorOut, 403: ErrorOut, 422: ErrorOut, 429: ErrorOut}


class BandOut(Schema):
    key: str
    label: str
    min_pounds: Decimal | None
    max_pounds: Decimal | None
    range: str
    description: str


class BandsOut(Schema):
    source: str = Field(description="`landlord` for the landlord's own bands, `ombudsman` for the guidance")
    on: date
    bands: list[BandOut]
    suggested: str | None = Field(description="The band `amount` falls in, if an amount was given")


@router.get(
    "/compensation-bands",
    response={200: BandsOut, **ERRORS},
    summary="The compensation bands, and the one an amount falls in (Code 7.4)",
)
def bands(
    request: HttpRequest,
    amount: Annotated[Decimal | None, Query(ge=0, le=Decimal("1000000"))] = None,
    on: Day | None = None,
) -> dict[str, Any]:
    """The bands in force on `on` (default: today in England): the landlord's own, else the
    Ombudsman's remedies guidance. With `amount`, `suggested` names the band it falls in."""
    if not access.access_can_work_cases(request.user):
        raise HttpError(403, "Your role cannot record remedies")
    # A mistyped parameter (`ammount=250`) would otherwise be ignored and the answer look right.
    unknown = sorted(set(request.GET) - {"amount", "on"})
    if unknown:
        raise InvalidInput({name or "query": "Not a parameter: use amount and on" for name in unknown})
    day = on or timezone.localdate()
    found = compensation_bands(on=day)
    suggestion = suggested_band(amount, found) if amount is not None else None
    return {
        "source": "landlord" if compensation_bands_are_the_landlords() else "ombudsman",
        "on": day,
        "bands": [{**band.__dict__, "range": band_range(band)} for band in found],
        "suggested": suggestion.key if suggestion else None,
    }
