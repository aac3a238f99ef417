"""Formatting figures for reports: "no figure" rather than a misleading 0."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

NO_FIGURE = "no figure"


def pct(value: float | None) -> str:
    return NO_FIGURE if value is None else f"{value:.1f}%"


def num(value: float | int | None, places: int = 1) -> str:
    if value is None:
        return NO_FIGURE
    if isinstance(value, int) or float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.{places}f}"


def money(value: Decimal | None) -> str:
    return "£0.00" if value is None else f"£{value:,.2f}"


def day(value: date | None) -> str:
    return "" if value is None else f"{value:%-d %B %Y}"


def change(now: float | int | None, before: float | int | None) -> str:
    """The change from `before` to `now`, in words a reader cannot misread."""
    if now is None or before is None:
        return NO_FIGURE
    delta = now - before
    if delta == 0:
        return "no change"
    return f"{'up' if delta > 0 else 'down'} {num(abs(delta))}"
