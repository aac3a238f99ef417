"""The landlord's compensation bands (Code 7.4): its own, or the Ombudsman's guidance by default."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db import transaction
from django.utils.text import slugify

from putright.core.actor import Actor
from putright.core.errors import InvalidInput
from putright.landlord.models import CompensationBand
from putright.rules.remedy_guidance import GUIDANCE, Band, guidance_in_force


def compensation_bands(*, on: date) -> tuple[Band, ...]:
    """The bands to weigh a financial remedy decided on ``on`` against: the landlord's own when
    it has set any, else the Ombudsman's guidance then in force (the earliest held before it)."""
    own = tuple(
        Band(b.key, b.label, b.min_pounds, b.max_pounds, b.description)
        for b in CompensationBand.objects.all()
    )
    if own:
        return own
    try:
        return guidance_in_force(on).bands
    except LookupError:
        return GUIDANCE[0].bands


def compensation_bands_are_the_landlords() -> bool:
    return CompensationBand.objects.exists()


@dataclass(frozen=True)
class BandInput:
    label: str
    min_pounds: Decimal | None
    max_pounds: Decimal | None
    description: str = ""


def compensation_bands_replace(*, actor: Actor | None, bands: list[BandInput]) -> list[CompensationBand]:
    """Set the landlord's bands, lowest first; an empty list goes back to the Ombudsman's guidance.

    Each band needs a name and at least one bound, its lower bound not above its upper, and
    the bands in order of their lower bounds, so a sum suggests one band that fits.
    """
    errors: dict[str, str] = {}
    previous_min: Decimal | None = None
    for i, band in enumerate(bands):
        if not band.label.strip():
            errors[f"bands.{i}.label"] = "Enter the band's name"
        if band.min_pounds is None and band.max_pounds is None:
            errors[f"bands.{i}.min_pounds"] = "Enter the lowest or the highest amount, or both"
        elif (
            band.min_pounds is not None and band.max_pounds is not None and band.min_pounds > band.max_pounds
        ):
            errors[f"bands.{i}.max_pounds"] = "The highest amount must not be below the lowest"
        low = band.min_pounds if band.min_pounds is not None else Decimal(0)
        if previous_min is not None and low < previous_min:
            errors[f"bands.{i}.min_pounds"] = "List the bands from the lowest amounts to the highest"
        previous_min = low
    if errors:
        raise InvalidInput(errors)
    with transaction.atomic():
        CompensationBand.objects.all().delete()
        used: set[str] = set()
        rows = []
        for position, band in enumerate(bands):
            key = slugify(band.label)[:36] or "band"
            key = key if key not in used else f"{key}-{position}"
            used.add(key)
            rows.append(
                CompensationBand(
                    key=key, label=band.label.strip()[:120], min_pounds=band.min_pounds,
                    max_pounds=band.max_pounds, description=band.description.strip()[:300], position=position,
                )
            )  # fmt: skip
        return CompensationBand.objects.bulk_create(rows)
