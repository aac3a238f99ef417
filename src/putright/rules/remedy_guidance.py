"""The Ombudsman's remedies and compensation guidance as dated data (Code 7.4).

Code 7.4 requires landlords to take account of the Ombudsman's guidance when deciding on
remedies. The guidance changes over time, so it is kept here as data with the dates it
applies between, and looked up by the date the remedy is decided (passed in: no clock
here). The checks on a remedy offer itself are in :mod:`putright.rules.remedies`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

PENNY = Decimal("0.01")


class RateKey(StrEnum):
    """Fixed sums in the Ombudsman's compensation guidance from 1 April 2026."""

    HEATING_AND_HOT_WATER_LOST = "heating_and_hot_water_lost"
    HEATING_OR_HOT_WATER_LOST = "heating_or_hot_water_lost"
    POWER_LOST = "power_lost"
    LIGHTING_LOST = "lighting_lost"
    MISSED_APPOINTMENT = "missed_appointment"


@dataclass(frozen=True)
class Band:
    """A band of compensation for distress and inconvenience; ``None`` is an open bound."""

    key: str
    label: str
    min_pounds: Decimal | None
    max_pounds: Decimal | None
    description: str

    def contains(self, amount: Decimal) -> bool:
        """Whether ``amount`` lies in the band, both bounds inclusive."""
        above = self.min_pounds is None or amount >= self.min_pounds
        below = self.max_pounds is None or amount <= self.max_pounds
        return above and below


@dataclass(frozen=True)
class Rate:
    """A fixed sum per unit (a day, a week, an appointment)."""

    key: RateKey
    label: str
    amount: Decimal
    unit: str


@dataclass(frozen=True)
class Guidance:
    """The Ombudsman's remedies guidance in force from ``effective_from`` to ``effective_to``
    (both inclusive; ``None``: still in force)."""

    key: str
    title: str
    effective_from: date
    effective_to: date | None
    bands: tuple[Band, ...]
    daily_rates: tuple[Rate, ...]

    def in_force_on(self, on: date) -> bool:
        """Whether this guidance applies on ``on``."""
        return self.effective_from <= on and (self.effective_to is None or on <= self.effective_to)

    def rate(self, key: RateKey | str) -> Rate:
        """The fixed sum ``key``; ``KeyError`` if this guidance has none."""
        for rate in self.daily_rates:
            if rate.key == key:
                return rate
        raise KeyError(f"the guidance {self.key!r} sets no fixed sum {str(key)!r}")


def _d(pounds: str | None) -> Decimal | None:
    return None if pounds is None else Decimal(pounds)


_BANDS = (
    Band("minor", "Minor failure", _d("50"), _d("100"), "a minor failure, with little impact"),
    Band(
        "adverse",
        "Failure with adverse effect",
        _d("100"),
        _d("600"),
        "a failure that adversely affected the resident, without a permanent impact",
    ),
    Band(
        "significant",
        "Significant impact",
        _d("600"),
        _d("1000"),
        "a failure with a significant impact on the resident",
    ),
    Band(
        "severe",
        "Severe or long-term impact",
        _d("1000"),
        None,
        "a failure with a severe or long-term impact on the resident (over \u00a31,000)",
    ),
)

GUIDANCE: tuple[Guidance, ...] = (
    Guidance(
        key="hos-remedies-pre-2026",
        title="Housing Ombudsman remedies guidance: distress and inconvenience bands",
        # The bands predate the 2024 Code; putright applies them from the Code's start.
        effective_from=date(2024, 4, 1),
        effective_to=date(2026, 3, 31),
        bands=_BANDS,
        daily_rates=(),
    ),
    Guidance(
        key="hos-compensation-2026",
        title="Housing Ombudsman compensation guidance (from 1 April 2026)",
        effective_from=date(2026, 4, 1),
        effective_to=None,
        # The 2026 guidance adds fixed sums to the bands, which are carried over.
        bands=_BANDS,
        daily_rates=(
            Rate(
                RateKey.HEATING_AND_HOT_WATER_LOST,
                "Total loss of heating and hot water",
                Decimal("15.00"),
                "day",
            ),
            Rate(
                RateKey.HEATING_OR_HOT_WATER_LOST,
                "Loss of heating or of hot water",
                Decimal("8.00"),
                "day",
            ),
            Rate(RateKey.POWER_LOST, "Total loss of power", Decimal("10.00"), "day"),
            Rate(RateKey.LIGHTING_LOST, "Loss of lighting only", Decimal("10.00"), "week"),
            Rate(RateKey.MISSED_APPOINTMENT, "Missed appointment", Decimal("15.00"), "appointment"),
        ),
    ),
)
"""The Ombudsman's remedies guidance, oldest first.

Amounts are as published; verify against the Ombudsman's current guidance before
relying on them, and add a new entry (closing the old one) when it changes.
"""


def guidance_in_force(on: date) -> Guidance:
    """The remedies guidance to take account of on ``on`` (Code 7.4).

    Raises ``LookupError`` for a date before the earliest guidance held (1 April 2024).
    """
    for guidance in GUIDANCE:
        if guidance.in_force_on(on):
            return guidance
    raise LookupError(f"no remedies guidance held for {on.isoformat()}")


def band_for(amount: Decimal, on: date) -> Band | None:
    """The guidance band an award of ``amount`` falls in on ``on`` (Code 7.4).

    Bounds are inclusive and a sum on a boundary takes the lower band (£100 is "minor",
    £1,000 "significant"); below the lowest band (under £50) gives ``None``.
    """
    for band in guidance_in_force(on).bands:
        if band.contains(amount):
            return band
    return None


def fixed_sum(rate_key: RateKey | str, units: int, on: date) -> Decimal:
    """The fixed sum for ``units`` days, weeks or appointments under the guidance on ``on``.

    ``KeyError`` if the guidance then in force sets no such sum (before 1 April 2026, none).
    """
    if units < 0:
        raise ValueError(f"units must not be negative, got {units}")
    rate = guidance_in_force(on).rate(RateKey(rate_key))
    return (rate.amount * units).quantize(PENNY)
