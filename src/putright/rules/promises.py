"""Dates promised to the resident in a response: remedies and outstanding actions
(Code 6.6, 6.17, 7.3).

A response may not promise a day already past when it was sent, and a promise once made is
the measure: moving it later keeps the first date, needs a reason and a record that the
resident was told. No clock: the caller passes the dates in.
"""

from __future__ import annotations

from datetime import date

from putright.rules.errors import RuleViolation


def _long(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


class PromiseDateInvalid(RuleViolation):
    """A promise or remedy date before the response that sets it out, or a move not explained.

    `field` names what is missing or wrong in a move (`new_promise_on`,
    `promise_change_reason`, `resident_told_on`), so an interface can show it beside it.
    """

    def __init__(self, message: str, *, code_paragraph: str, field: str = "") -> None:
        super().__init__(message, code_paragraph=code_paragraph)
        self.field = field


def actions_paragraph(stage: int) -> str:
    """Outstanding actions are tracked under 6.6 at stage 1 and 6.17 at stage 2."""
    return "6.17" if stage == 2 else "6.6"


def check_promised_on(*, promised_on: date, responded_on: date, paragraph: str, what: str) -> None:
    """A date promised in a response is on or after the response date (Code 6.6, 6.17, 7.3).

    A letter that promises a day already past promises nothing the resident can hold the
    landlord to. Same day as the response is allowed.
    """
    if promised_on < responded_on:
        raise PromiseDateInvalid(
            f"{what[0].upper()}{what[1:]} ({_long(promised_on)}) is before the response date "
            f"({_long(responded_on)}): promise a date the resident can still hold us to",
            code_paragraph=paragraph,
        )


def check_promise_move(
    *,
    stage: int,
    current_on: date,
    new_on: date,
    responded_on: date | None,
    reason: str,
    resident_told_on: date | None,
) -> None:
    """Moving an outstanding action's promise date (Code 6.6, 6.17).

    The move needs a reason and the date the resident was told; the first promise date is
    kept by the caller and stays the measure of "kept on time". A new date equal to the
    current one is not a move; a new date before the response date is refused as any promise.
    """
    paragraph = actions_paragraph(stage)
    if new_on == current_on:
        raise PromiseDateInvalid(
            f"The action is already promised for {_long(current_on)}",
            code_paragraph=paragraph,
            field="new_promise_on",
        )
    if responded_on is not None and new_on < responded_on:
        raise PromiseDateInvalid(
            f"The new date ({_long(new_on)}) is before the response date ({_long(responded_on)})",
            code_paragraph=paragraph,
            field="new_promise_on",
        )
    if not (reason or "").strip():
        raise PromiseDateInvalid(
            "Say why the promise date is moving: the resident must be told why",
            code_paragraph=paragraph,
            field="promise_change_reason",
        )
    if resident_told_on is None:
        raise PromiseDateInvalid(
            "Record when the resident was told of the new date (Code 6.6: appropriate updates)",
            code_paragraph=paragraph,
            field="resident_told_on",
        )
