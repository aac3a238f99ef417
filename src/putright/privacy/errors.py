"""The one error the privacy services raise; commands and pages show its message."""

from __future__ import annotations


class PrivacyRefused(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message
