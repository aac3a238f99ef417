"""Errors the account services raise; the pages turn each into a message a person can act on."""

from __future__ import annotations

from datetime import datetime


class CodeRefused(Exception):
    """A second-factor or recovery code that is wrong, reused or malformed."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class TooManyAttempts(Exception):
    """Attempts are refused until `until` (sign-in or second-factor limits)."""

    def __init__(self, until: datetime) -> None:
        super().__init__(f"locked until {until.isoformat()}")
        self.until = until


class TokenRefused(Exception):
    """An API token action that cannot be done: an unknown token, or a lifetime out of range."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message
