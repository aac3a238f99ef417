"""Telephone numbers as the search compares them: digits only, UK numbers in national form."""

from __future__ import annotations


def phone_digits(number: str) -> str:
    """The digits of `number`, with an international UK prefix written nationally, so that
    "07700 900123", "07700-900-123", "+44 7700 900123" and "+44 (0)7700 900123" are all
    "07700900123". Anything else keeps its digits as typed; no digits gives "" (no match)."""
    digits = "".join(ch for ch in number if ch.isascii() and ch.isdigit())
    if number.strip().startswith("+44"):
        national = digits[2:].lstrip("0")
    elif digits.startswith("0044"):
        national = digits[4:].lstrip("0")
    else:
        return digits
    return "0" + national if national else ""
