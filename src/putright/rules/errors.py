"""Errors raised by the rules core when a move would break the Complaint Handling Code.

Every error carries `code_paragraph`, the paragraph of the Housing Ombudsman's Complaint
Handling Code 2024 that the refusal protects, so each interface can show it (the API answers
422 with `{"detail": ..., "code_paragraph": ...}`).
"""

from __future__ import annotations

from typing import Any


class RuleViolation(Exception):
    """A move the Code forbids. `code_paragraph` names the paragraph it protects, e.g. "6.13"."""

    def __init__(self, message: str, *, code_paragraph: str) -> None:
        super().__init__(message)
        self.message = message
        self.code_paragraph = code_paragraph

    def __reduce__(self) -> tuple[Any, ...]:
        # The keyword-only paragraph would otherwise be lost when pickled (multiprocessing,
        # caches), because Exception pickles only its positional args.
        return (_rebuild, (type(self), self.message, self.code_paragraph))

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.message!r}, code_paragraph={self.code_paragraph!r})"


def _rebuild(cls: type[RuleViolation], message: str, code_paragraph: str) -> RuleViolation:
    return cls(message, code_paragraph=code_paragraph)


class ThirdStageForbidden(RuleViolation):
    """More than two stages (Code 5.3), or a stage 0 (Code 5.2)."""


class NotAcknowledged(RuleViolation):
    """Responding before acknowledging: Code 6.3 at stage 1, Code 6.14 at stage 2."""


class SameHandlerAtStageTwo(RuleViolation):
    """The stage 2 handler is the person who considered stage 1 (Code 6.13)."""


class ExtensionOverCap(RuleViolation):
    """Extensions at a stage pass the cap without good reason (Code 6.4, 6.15)."""


class RefusalWithinTimeLimit(RuleViolation):
    """Refusing as out of time a complaint made within 12 months (Code 2.3)."""


class TransitionForbidden(RuleViolation):
    """Any other move not allowed from the current state; names the most relevant paragraph."""


class PolicyLongerThanCode(RuleViolation):
    """A landlord timescale longer than the Code's (names the paragraph of that timescale)."""


class DateOrderInvalid(RuleViolation):
    """Dates out of order, e.g. acknowledged before received (names that timescale's paragraph)."""


class RefusalNotEvidenced(RuleViolation):
    """A refusal without what the Code requires on record: the awareness date and a
    consideration of discretion for a late complaint (Code 2.3), evidence for the others (2.1).

    `field` names the fact that is missing, so a form can show the message beside it.
    """

    def __init__(self, message: str, *, code_paragraph: str, field: str | None = None) -> None:
        super().__init__(message, code_paragraph=code_paragraph)
        self.field = field

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild_missing, (self.message, self.code_paragraph, self.field))


def _rebuild_missing(message: str, code_paragraph: str, field: str | None) -> RefusalNotEvidenced:
    return RefusalNotEvidenced(message, code_paragraph=code_paragraph, field=field)


class ReopenForbidden(RuleViolation):
    """Reopening a complaint that was not refused, or dating the reopening before the refusal (Code 2.4)."""
