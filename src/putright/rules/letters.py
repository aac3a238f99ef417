"""What each letter to a resident must contain, by Code paragraph.

A letter is checked as a mapping from :class:`Element` to the content that fills it
(``{Element.DECISION: "upheld", ...}``). The contract for that content:

- an element is **missing** if its key is absent, or its value is ``None``, ``False``, a
  string that is blank after ``strip()``, or an empty collection (list, tuple, set, dict);
- any other value (a date, a number, a non-empty list) is present;
- keys may be :class:`Element` members or their string values; other keys are ignored, so
  a whole template context can be passed;
- an extension notice for extensions that pass the cap "with good reason" must also carry
  ``GOOD_REASON_EXPLANATION`` (Code 6.4, 6.15); the content says so with the key
  ``"beyond_cap"`` (truthy), the one key that changes what is required rather than what fills it;
- ``REMEDY`` and ``OUTSTANDING_ACTIONS`` must be stated in a response even when there are
  none (Code 6.9e-f, 6.19e-f): an empty list is still missing, and the caller passes the
  explicit sentence instead, such as "No remedy is offered" or "There are no outstanding
  actions".

Each :class:`Requirement` names the provision it comes from (``code_paragraph`` is always
a provision id of the 2024 Code, such as ``"6.9"``) and a description for caseworkers
that cites the lettered item where there is one ("the complaint definition (Code 6.9b)").
Some requirements depend on the stage (an extension notice cites 6.4 and 6.5 at stage 1,
6.15 and 6.16 at stage 2), so :func:`required_elements` takes the stage.
"""

from __future__ import annotations

from collections.abc import Mapping, Set
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType

from putright.rules.errors import RuleViolation, ThirdStageForbidden


class LetterKind(StrEnum):
    """The letters putright sends to a resident about a complaint."""

    ACKNOWLEDGEMENT = "acknowledgement"
    CLARIFICATION_REQUEST = "clarification_request"
    EXTENSION_NOTICE = "extension_notice"
    STAGE1_RESPONSE = "stage1_response"
    STAGE2_RESPONSE = "stage2_response"
    REFUSAL = "refusal"
    ESCALATION_REFUSAL = "escalation_refusal"
    UPDATE = "update"
    COMPLETION = "completion"
    WITHDRAWAL = "withdrawal"


class Element(StrEnum):
    """A named piece of content a letter carries."""

    REFERENCE = "reference"
    STAGE = "stage"
    COMPLAINT_DEFINITION = "complaint_definition"
    OUTCOMES_SOUGHT = "outcomes_sought"
    RESPONSIBILITY = "responsibility"
    RESPONSE_DATE = "response_date"
    CLARIFICATION_QUESTIONS = "clarification_questions"
    NEW_RESPONSE_DATE = "new_response_date"
    EXTENSION_REASONS = "extension_reasons"
    GOOD_REASON_EXPLANATION = "good_reason_explanation"
    OMBUDSMAN_DETAILS = "ombudsman_details"
    DECISION = "decision"
    REASONS = "reasons"
    REMEDY = "remedy"
    OUTSTANDING_ACTIONS = "outstanding_actions"
    ESCALATION_ROUTE = "escalation_route"
    OMBUDSMAN_ROUTE = "ombudsman_route"
    REFUSAL_REASONS = "refusal_reasons"
    OMBUDSMAN_RIGHT = "ombudsman_right"
    UPDATE_SUMMARY = "update_summary"
    NEXT_UPDATE_DATE = "next_update_date"
    COMPLETED_ITEMS = "completed_items"
    WITHDRAWAL_DETAILS = "withdrawal_details"


_LABELS = {
    LetterKind.ACKNOWLEDGEMENT: "acknowledgement",
    LetterKind.CLARIFICATION_REQUEST: "request for clarification",
    LetterKind.EXTENSION_NOTICE: "extension notice",
    LetterKind.STAGE1_RESPONSE: "stage 1 response",
    LetterKind.STAGE2_RESPONSE: "stage 2 final response",
    LetterKind.REFUSAL: "letter refusing the complaint",
    LetterKind.ESCALATION_REFUSAL: "letter refusing to escalate",
    LetterKind.UPDATE: "update",
    LetterKind.COMPLETION: "completion letter",
    LetterKind.WITHDRAWAL: "letter confirming the withdrawal",
}


def letter_label(kind: LetterKind | str) -> str:
    """A plain name for a kind of letter, for caseworkers ("stage 1 response")."""
    return _LABELS[LetterKind(kind)]


@dataclass(frozen=True)
class Requirement:
    """One element a letter must carry, the provision requiring it, and a plain description."""

    element: Element
    code_paragraph: str
    description: str


def _req(element: Element, paragraph: str, what: str, item: str = "") -> Requirement:
    return Requirement(element, paragraph, f"{what} (Code {paragraph}{item})")


def _reference() -> Requirement:
    # The Code does not name the reference; putright requires it so every letter can be
    # filed against the full record of the complaint that Code 5.12 requires.
    return _req(Element.REFERENCE, "5.12", "the complaint reference, to link the full record")


def _response(stage: int) -> tuple[Requirement, ...]:
    p = "6.9" if stage == 1 else "6.19"
    if stage == 1:
        route = _req(Element.ESCALATION_ROUTE, p, "how to escalate the complaint to stage 2", "g")
    else:
        route = _req(Element.OMBUDSMAN_ROUTE, p, "how to escalate to the Ombudsman Service", "g")
    return (
        _reference(),
        _req(Element.STAGE, p, "the complaint stage", "a"),
        _req(Element.COMPLAINT_DEFINITION, p, "the complaint definition", "b"),
        _req(Element.DECISION, p, "the decision on the complaint", "c"),
        _req(Element.REASONS, p, "the reasons for any decisions made", "d"),
        _req(Element.REMEDY, p, "the remedy offered, or a statement that none is offered", "e"),
        _req(
            Element.OUTSTANDING_ACTIONS,
            p,
            "any outstanding actions, or a statement that there are none",
            "f",
        ),
        route,
    )


def _acknowledgement(stage: int) -> tuple[Requirement, ...]:
    one = stage == 1
    return (
        _reference(),
        _req(Element.STAGE, "6.2" if one else "6.11", "the stage the complaint is logged at"),
        _req(Element.COMPLAINT_DEFINITION, "5.6", "our understanding of the complaint"),
        _req(Element.OUTCOMES_SOUGHT, "5.6", "the outcomes the resident is seeking"),
        _req(Element.RESPONSIBILITY, "5.7", "which aspects we are, and are not, responsible for"),
        _req(Element.RESPONSE_DATE, "6.3" if one else "6.14", "the date we will respond by"),
    )


def _extension_notice(stage: int, beyond_cap: bool) -> tuple[Requirement, ...]:
    timescale, ombudsman = ("6.4", "6.5") if stage == 1 else ("6.15", "6.16")
    good = _req(Element.GOOD_REASON_EXPLANATION, timescale, "the good reason for passing the usual limit")
    return (
        _reference(),
        _req(Element.NEW_RESPONSE_DATE, timescale, "the new date we will respond by"),
        _req(Element.EXTENSION_REASONS, timescale, "the reasons for the extension"),
        *((good,) if beyond_cap else ()),
        _req(Element.OMBUDSMAN_DETAILS, ombudsman, "the Ombudsman's contact details"),
    )


def _update(stage: int) -> tuple[Requirement, ...]:
    p = "6.6" if stage == 1 else "6.17"
    return (
        _reference(),
        _req(Element.UPDATE_SUMMARY, p, "progress since the last update, including on outstanding actions"),
        _req(Element.NEXT_UPDATE_DATE, "5.9", "when we will next update the resident"),
    )


# The kinds whose elements are the same at either stage, after the reference.
_SAME_AT_EITHER_STAGE: Mapping[LetterKind, tuple[Requirement, ...]] = {
    LetterKind.CLARIFICATION_REQUEST: (
        _req(Element.CLARIFICATION_QUESTIONS, "5.6", "what we need the resident to clarify"),
    ),
    LetterKind.REFUSAL: (
        _req(Element.REFUSAL_REASONS, "2.4", "why the matter is not suitable for complaints"),
        _req(Element.OMBUDSMAN_RIGHT, "2.4", "the right to take this decision to the Ombudsman"),
    ),
    LetterKind.ESCALATION_REFUSAL: (
        _req(Element.REFUSAL_REASONS, "5.11", "valid reasons for not escalating, per section 2"),
        _req(Element.OMBUDSMAN_RIGHT, "2.4", "the right to take this decision to the Ombudsman"),
    ),
    # The Code has no withdrawal letter as such; confirming in writing what was recorded
    # (how and why) lets the resident correct it, and keeps the record true (5.12).
    LetterKind.WITHDRAWAL: (
        _req(Element.WITHDRAWAL_DETAILS, "5.12", "how and why the resident withdrew, as we recorded it"),
    ),
    LetterKind.COMPLETION: (
        _req(Element.COMPLETED_ITEMS, "7.3", "what has been done to complete the remedy"),
    ),
}


def _build(kind: LetterKind, stage: int, beyond_cap: bool) -> tuple[Requirement, ...]:
    if kind in _SAME_AT_EITHER_STAGE:
        return (_reference(), *_SAME_AT_EITHER_STAGE[kind])
    if kind is LetterKind.ACKNOWLEDGEMENT:
        return _acknowledgement(stage)
    if kind is LetterKind.EXTENSION_NOTICE:
        return _extension_notice(stage, beyond_cap)
    if kind is LetterKind.UPDATE:
        return _update(stage)
    # A stage response: required_elements has checked the stage is the response's own.
    return _response(stage)


_RESPONSE_STAGE = {LetterKind.STAGE1_RESPONSE: 1, LetterKind.STAGE2_RESPONSE: 2}


def required_elements(
    kind: LetterKind | str, stage: int | None = None, *, beyond_cap: bool = False
) -> tuple[Requirement, ...]:
    """The elements a letter of this kind must carry, in the order a letter gives them.

    ``beyond_cap`` is for an extension notice whose extensions pass the cap with good reason:
    it must then also give that reason (Code 6.4, 6.15).

    ``stage`` defaults to the response's own stage for stage 1 and 2 responses, and to 1
    for the other kinds. A stage response asked for at the other stage is a ``ValueError``;
    a stage other than 1 or 2 raises ``ThirdStageForbidden`` (Code 5.3).
    """
    kind = LetterKind(kind)
    implied = _RESPONSE_STAGE.get(kind)
    if stage is None:
        stage = implied or 1
    if stage not in (1, 2):
        raise ThirdStageForbidden(
            f"there is no stage {stage}: the Code allows two stages", code_paragraph="5.3"
        )
    if implied is not None and stage != implied:
        raise ValueError(f"a {kind.value} letter is a stage {implied} letter, not stage {stage}")
    return _build(kind, stage, beyond_cap)


REQUIREMENTS: Mapping[LetterKind, tuple[Requirement, ...]] = MappingProxyType(
    {kind: required_elements(kind) for kind in LetterKind}
)
"""Each kind's requirements at its default stage (stage 1 except for the stage 2 response)."""


def _is_blank(value: object) -> bool:
    if value is None or value is False:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, list | tuple | Set | Mapping):
        return len(value) == 0
    return False


def missing_elements(
    kind: LetterKind | str, present: Mapping[Element | str, object], stage: int | None = None
) -> tuple[Requirement, ...]:
    """The requirements of ``kind`` that ``present`` does not fill (see the module docstring)."""
    filled: set[Element] = set()
    for key, value in present.items():
        if key in Element._value2member_map_ and not _is_blank(value):
            filled.add(Element(key))
    beyond_cap = not _is_blank(present.get("beyond_cap"))
    return tuple(r for r in required_elements(kind, stage, beyond_cap=beyond_cap) if r.element not in filled)


class LetterIncomplete(RuleViolation):
    """A letter lacks elements the Code requires; ``missing`` lists them in letter order.

    ``code_paragraph`` is the paragraph of the first missing element.
    """

    def __init__(self, kind: LetterKind, missing: tuple[Requirement, ...]) -> None:
        listed = "; ".join(r.description for r in missing)
        super().__init__(
            f"The {letter_label(kind)} is missing {listed}.",
            code_paragraph=missing[0].code_paragraph,
        )
        self.kind = kind
        self.missing = missing

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.kind, self.missing))


def check_letter(
    kind: LetterKind | str, present: Mapping[Element | str, object], stage: int | None = None
) -> None:
    """Raise :class:`LetterIncomplete` unless ``present`` fills every required element.

    Code 6.9 (stage 1 response), 6.19 (stage 2 response), 5.6, 5.7, 6.2, 6.11
    (acknowledgement), 6.4, 6.5, 6.15, 6.16 (extension), 2.4 (refusal), 5.11 (refusing to
    escalate), 5.9, 6.6, 6.17 (updates), 7.3 (completion), 5.12 (withdrawal).
    """
    missing = missing_elements(kind, present, stage)
    if missing:
        raise LetterIncomplete(LetterKind(kind), missing)
