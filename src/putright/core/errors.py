"""The one application error every service raises, which each interface maps once.

Rule violations from `putright.rules` become `ActionRefused` carrying the Code
paragraph; bad input becomes `InvalidInput` with messages per field; a stale
write becomes `EditConflict`.
"""

from __future__ import annotations

from collections.abc import Mapping

from putright.rules.errors import RuleViolation


class CaseError(Exception):
    """Base for errors a person can act on. Never a server fault."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ActionRefused(CaseError):
    """The Code forbids this move."""

    def __init__(self, message: str, *, code_paragraph: str, field: str | None = None) -> None:
        super().__init__(message)
        self.code_paragraph = code_paragraph
        self.field = field

    @classmethod
    def from_rule(cls, violation: RuleViolation, *, field: str | None = None) -> ActionRefused:
        return cls(violation.message, code_paragraph=violation.code_paragraph, field=field)


class InvalidInput(CaseError):
    """One or more fields are wrong; `errors` maps field name to messages."""

    def __init__(self, errors: Mapping[str, str | list[str]]) -> None:
        self.errors = {k: [v] if isinstance(v, str) else list(v) for k, v in errors.items()}
        first = next(iter(self.errors.values()))[0] if self.errors else "Invalid input"
        super().__init__(first)


class EditConflict(CaseError):
    """Someone else changed the complaint since it was loaded (optimistic lock)."""
