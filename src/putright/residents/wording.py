"""Plain words for where a complaint stands, for residents (reading age about 9).

Pure functions of the complaint's facts, so the portal, emails and tests say the same thing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from putright.cases.models import Decision, Status

DATE = "%A %-d %B %Y"


def long_date(day: date | None) -> str:
    return day.strftime(DATE) if day else ""


@dataclass(frozen=True)
class Standing:
    tag: str
    tag_colour: str
    sentence: str


def standing(
    *,
    status: str,
    stage: int,
    acknowledge_by: date | None,
    respond_by: date | None,
    responded_on: date | None,
    withdrawn_on: date | None,
    closed_on: date | None,
) -> Standing:
    """The status tag and one sentence saying what happens next."""
    if status == Status.RECEIVED and stage == 2:
        return Standing(
            "Stage 2 asked for",
            "blue",
            f"You asked us to look at your complaint again. We will contact you by {long_date(acknowledge_by)}.",
        )
    if status == Status.RECEIVED:
        return Standing(
            "Received",
            "blue",
            f"We have your complaint. We will contact you by {long_date(acknowledge_by)} "
            "to say we have it and to check we understand it.",
        )
    if status == Status.ACKNOWLEDGED:
        final = " final" if stage == 2 else ""
        return Standing(
            "Being looked into",
            "yellow",
            f"We are looking into your complaint. We will give you our{final} answer by {long_date(respond_by)}.",
        )
    if status == Status.RESPONDED and stage == 1:
        return Standing(
            "Answer sent",
            "green",
            f"We sent you our answer on {long_date(responded_on)}. If you are not happy with it, "
            "you can ask us to look again. This is called stage 2.",
        )
    if status == Status.RESPONDED:
        return Standing(
            "Final answer sent",
            "green",
            f"We sent you our final answer on {long_date(responded_on)}. If you are still not happy, "
            "you can ask the Housing Ombudsman to look at your complaint.",
        )
    if status == Status.REFUSED:
        return Standing(
            "Not accepted",
            "red",
            "We did not accept this as a complaint. If you do not agree, you can ask the Housing "
            "Ombudsman to look at our decision.",
        )
    if status == Status.WITHDRAWN:
        return Standing("Withdrawn", "grey", f"You withdrew this complaint on {long_date(withdrawn_on)}.")
    return Standing("Closed", "grey", f"This complaint was closed on {long_date(closed_on)}.")


DECISION_WORDS = {
    Decision.UPHELD: "We agreed with your complaint.",
    Decision.PARTLY_UPHELD: "We agreed with part of your complaint.",
    Decision.NOT_UPHELD: "We did not agree with your complaint.",
}


def decision_words(decision: str) -> str:
    return DECISION_WORDS.get(Decision(decision), "") if decision else ""
