"""What the resident must have been told, and when, before an action counts (Code 5.6, 5.7, 6.4,
6.9, 6.15, 6.19).

A stage only counts as acknowledged, extended or answered when the resident was told in time
and the letter carries what the Code requires. These checks run before anything is recorded,
so no path can leave a record (and the figures built on it) better than what happened.
"""

from __future__ import annotations

from datetime import date

from putright.rules.errors import RuleViolation
from putright.rules.timescales import check_stage


def _long(day: date) -> str:
    # GOV.UK's date format, never zero-padded (the rules core has no Django, so not core.dates).
    return f"{day.day} {day:%B %Y}"


_EXTENSION_PARA = {1: "6.4", 2: "6.15"}
_RESPONSE_PARA = {1: "6.9", 2: "6.19"}
UPHELD_DECISIONS = frozenset({"upheld", "partly_upheld"})


class ExtensionNotInTime(RuleViolation):
    """An extension notified after the response date in force, or on a day still to come."""


class ExplanationMissing(RuleViolation):
    """Something the resident must be told is missing from the action (and so its letter)."""


def check_extension_notice(*, stage: int, respond_by: date, notified_on: date, today: date) -> None:
    """Code 6.4 / 6.15: an extension is agreed and notified on or before the response date in force.

    An extension told after the deadline would turn a late response into an on-time one, so it
    is refused; a notice dated in the future has not happened yet.
    """
    check_stage(stage)
    para = _EXTENSION_PARA[stage]
    if notified_on > today:
        raise ExtensionNotInTime(
            f"The resident cannot have been told on {_long(notified_on)}: that date has not "
            f"come yet (Code {para})",
            code_paragraph=para,
        )
    if notified_on > respond_by:
        raise ExtensionNotInTime(
            f"The response was due by {_long(respond_by)}; an extension must be agreed and "
            f"notified on or before that date, not on {_long(notified_on)} (Code {para}). "
            "Send the response now: it will count as late.",
            code_paragraph=para,
        )


def check_good_reason_explanation(
    *, stage: int, total_days: int, cap: int, good_reason: bool, explanation: str
) -> None:
    """Code 6.4 / 6.15: passing the cap "with good reason" needs that reason written down.

    The explanation goes into the extension notice, so the resident is told why.
    """
    check_stage(stage)
    if good_reason and total_days > cap and not explanation.strip():
        para = _EXTENSION_PARA[stage]
        raise ExplanationMissing(
            f"Extensions at stage {stage} would total {total_days} working days, past the "
            f"{cap}-day limit: write the good reason the resident will be told (Code {para})",
            code_paragraph=para,
        )


def check_responsibility(*, responsibility: str) -> None:
    """Code 5.7: the acknowledgement says which aspects the landlord is, and is not, responsible for."""
    if not responsibility.strip():
        raise ExplanationMissing(
            "Say which aspects of the complaint we are, and are not, responsible for: the "
            "acknowledgement must tell the resident (Code 5.7)",
            code_paragraph="5.7",
        )


def check_remedy_or_reason(*, stage: int, decision: str, remedies: int, no_remedy_reason: str) -> None:
    """Code 6.9(e) / 6.19(e), 7.1: an upheld or partly upheld complaint is put right, or the
    response says why no remedy is offered."""
    check_stage(stage)
    if decision in UPHELD_DECISIONS and remedies == 0 and not no_remedy_reason.strip():
        para = _RESPONSE_PARA[stage]
        raise ExplanationMissing(
            "The complaint is upheld: offer at least one remedy, or say why no remedy is "
            f"offered (Code {para}e, 7.1)",
            code_paragraph=para,
        )


def check_sent_outside(*, sent_outside: bool, note: str) -> None:
    """Code 5.12: a letter sent outside putright counts only with a record of what was sent and how."""
    if sent_outside and not note.strip():
        raise ExplanationMissing(
            "Say how and when the letter was sent outside putright, so the record shows the "
            "resident was told (Code 5.12)",
            code_paragraph="5.12",
        )
