"""The placeholders a letter template can use, and which Code element each one carries.

A template that leaves out the placeholder of an element the Code requires for its kind
of letter is refused when it is saved, naming the element (see `wording.template_check`).
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from putright.rules.letters import Element, LetterKind, Requirement, required_elements

PLACEHOLDERS: Mapping[Element, str] = MappingProxyType(
    {
        Element.REFERENCE: "reference",
        Element.STAGE: "stage",
        Element.COMPLAINT_DEFINITION: "definition",
        Element.OUTCOMES_SOUGHT: "outcomes_sought",
        Element.RESPONSIBILITY: "responsibility",
        Element.RESPONSE_DATE: "response_date",
        Element.CLARIFICATION_QUESTIONS: "questions",
        Element.NEW_RESPONSE_DATE: "new_response_date",
        Element.EXTENSION_REASONS: "extension_reasons",
        Element.GOOD_REASON_EXPLANATION: "good_reason_explanation",
        Element.OMBUDSMAN_DETAILS: "ombudsman_details",
        Element.DECISION: "decision",
        Element.REASONS: "reasons",
        Element.REMEDY: "remedy",
        Element.OUTSTANDING_ACTIONS: "outstanding_actions",
        Element.ESCALATION_ROUTE: "stage_two_route",
        Element.OMBUDSMAN_ROUTE: "ombudsman_route",
        Element.REFUSAL_REASONS: "refusal_reasons",
        Element.OMBUDSMAN_RIGHT: "ombudsman_right",
        Element.UPDATE_SUMMARY: "update_summary",
        Element.NEXT_UPDATE_DATE: "next_update_date",
        Element.COMPLETED_ITEMS: "completed_items",
        Element.WITHDRAWAL_DETAILS: "withdrawal_details",
    }
)

# Placeholders that carry no Code element: they may be used or left out freely.
EXTRAS: Mapping[str, str] = MappingProxyType(
    {
        "resident_name": "the name of the person the letter is to",
        "landlord_name": "your organisation's name",
        "complaints_email": "the complaints team's email address",
        "complaints_phone": "the complaints team's phone number",
        "complaints_address": "the complaints team's postal address",
        "opening": "an optional opening paragraph the caseworker writes",
        "closing": "an optional closing paragraph the caseworker writes",
    }
)

# Placeholders that stand for paragraphs or lists: put them on a line of their own.
BLOCKS = frozenset(
    {
        "definition",
        "outcomes_sought",
        "responsibility",
        "questions",
        "extension_reasons",
        "good_reason_explanation",
        "ombudsman_details",
        "decision",
        "reasons",
        "remedy",
        "outstanding_actions",
        "stage_two_route",
        "ombudsman_route",
        "refusal_reasons",
        "ombudsman_right",
        "update_summary",
        "completed_items",
        "withdrawal_details",
        "opening",
        "closing",
        "complaints_address",
    }
)

ALL_PLACEHOLDERS = frozenset(PLACEHOLDERS.values()) | frozenset(EXTRAS)


def required_for(kind: LetterKind | str) -> tuple[Requirement, ...]:
    """Every requirement of ``kind`` at either stage it can be sent at, without repeats."""
    kind = LetterKind(kind)
    stages = (
        (2,) if kind is LetterKind.STAGE2_RESPONSE else (1,) if kind is LetterKind.STAGE1_RESPONSE else (1, 2)
    )
    seen: dict[Element, Requirement] = {}
    for stage in stages:
        # A template must be able to carry every element, including the good reason an
        # extension past the cap needs (Code 6.4, 6.15).
        for requirement in required_elements(kind, stage, beyond_cap=True):
            seen.setdefault(requirement.element, requirement)
    return tuple(seen.values())


def placeholder_for(element: Element) -> str:
    return PLACEHOLDERS[element]
