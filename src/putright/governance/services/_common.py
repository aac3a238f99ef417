"""Validation helpers shared by the governance services."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from putright.core.dates import england_date
from putright.core.errors import InvalidInput


def text(errors: dict[str, str], name: str, value: str | None, message: str, *, max_length: int = 0) -> str:
    cleaned = (value or "").strip()
    if not cleaned:
        errors[name] = message
    elif max_length and len(cleaned) > max_length:
        errors[name] = f"Use {max_length} characters or fewer"
    return cleaned


def choice(errors: dict[str, str], name: str, value: str | None, choices: Any, message: str) -> str:
    if value not in choices.values:
        errors[name] = message
    return value or ""


def not_future(errors: dict[str, str], name: str, value: date | None, now: datetime, label: str) -> None:
    if value is not None and value > england_date(now):
        errors[name] = f"{label} cannot be in the future"


def required_date(errors: dict[str, str], name: str, value: date | None, message: str) -> None:
    if value is None:
        errors[name] = message


def raise_if(errors: dict[str, str]) -> None:
    if errors:
        raise InvalidInput(errors)
