"""What each letter must contain (Code 2.4, 5.6, 5.7, 5.9, 5.11, 6.2-6.6, 6.9, 6.11-6.19, 7.3)."""

import pickle
from datetime import date

import pytest

from putright.rules.errors import RuleViolation, ThirdStageForbidden
from putright.rules.letters import (
    REQUIREMENTS,
    Element,
    LetterIncomplete,
    LetterKind,
    Requirement,
    check_letter,
    letter_label,
    missing_elements,
    required_elements,
)
from putright.rules.provisions import provision

E = Element


def _filled(kind: LetterKind, stage: int | None = None) -> dict[Element | str, object]:
    return {r.element: f"text for {r.element}" for r in required_elements(kind, stage)}


def _elements(kind: LetterKind, stage: int | None = None) -> list[Element]:
    return [r.element for r in required_elements(kind, stage)]


def _paragraphs(kind: LetterKind, stage: int | None = None) -> dict[Element, str]:
    return {r.element: r.code_paragraph for r in required_elements(kind, stage)}


def test_stage_one_response_must_state_all_seven_elements_code_6_9() -> None:
    reqs = [r for r in required_elements(LetterKind.STAGE1_RESPONSE) if r.code_paragraph == "6.9"]
    assert [r.element for r in reqs] == [
        E.STAGE,
        E.COMPLAINT_DEFINITION,
        E.DECISION,
        E.REASONS,
        E.REMEDY,
        E.OUTSTANDING_ACTIONS,
        E.ESCALATION_ROUTE,
    ]
    assert [r.description[-11:] for r in reqs] == [f"(Code 6.9{c})" for c in "abcdefg"]


def test_stage_two_response_ends_with_the_route_to_the_ombudsman_code_6_19g() -> None:
    reqs = [r for r in required_elements(LetterKind.STAGE2_RESPONSE) if r.code_paragraph == "6.19"]
    assert len(reqs) == 7
    assert reqs[-1].element is E.OMBUDSMAN_ROUTE
    assert reqs[-1].description.endswith("(Code 6.19g)")
    assert E.ESCALATION_ROUTE not in _elements(LetterKind.STAGE2_RESPONSE)


def test_a_complete_stage_one_response_passes() -> None:
    check_letter(LetterKind.STAGE1_RESPONSE, _filled(LetterKind.STAGE1_RESPONSE))


def test_stage_one_response_without_decision_names_code_6_9() -> None:
    present = _filled(LetterKind.STAGE1_RESPONSE)
    del present[E.DECISION]
    with pytest.raises(LetterIncomplete) as caught:
        check_letter("stage1_response", present)
    assert caught.value.code_paragraph == "6.9"
    assert [r.element for r in caught.value.missing] == [E.DECISION]
    assert "the decision on the complaint (Code 6.9c)" in str(caught.value)
    assert isinstance(caught.value, RuleViolation)


def test_incomplete_letter_lists_every_missing_element_and_names_the_first() -> None:
    with pytest.raises(LetterIncomplete) as caught:
        check_letter(LetterKind.STAGE2_RESPONSE, {E.REFERENCE: "C-1", E.STAGE: "Stage 2"})
    err = caught.value
    assert len(err.missing) == 6
    assert err.code_paragraph == "6.19"
    for requirement in err.missing:
        assert requirement.description in err.message
    assert err.message.startswith("The stage 2 final response is missing the complaint definition")


def test_remedy_must_be_stated_even_when_there_is_none_code_6_9e() -> None:
    present = _filled(LetterKind.STAGE1_RESPONSE)
    present[E.REMEDY] = []
    present[E.OUTSTANDING_ACTIONS] = ()
    missing = [r.element for r in missing_elements(LetterKind.STAGE1_RESPONSE, present)]
    assert missing == [E.REMEDY, E.OUTSTANDING_ACTIONS]
    present[E.REMEDY] = "No remedy is offered."
    present[E.OUTSTANDING_ACTIONS] = "There are no outstanding actions."
    assert missing_elements(LetterKind.STAGE1_RESPONSE, present) == ()


@pytest.mark.parametrize("blank", [None, "", "   \n", [], {}, set(), False])
def test_absent_none_blank_and_empty_values_count_as_missing(blank: object) -> None:
    present = _filled(LetterKind.REFUSAL)
    present[E.REFUSAL_REASONS] = blank
    assert [r.element for r in missing_elements("refusal", present)] == [E.REFUSAL_REASONS]


def test_dates_lists_and_string_keys_count_as_present() -> None:
    present: dict[Element | str, object] = {
        "reference": "C-1",
        "stage": 1,
        E.COMPLAINT_DEFINITION: "Repairs to the boiler were late.",
        E.OUTCOMES_SOUGHT: ["boiler repaired", "an apology"],
        E.RESPONSIBILITY: "We are responsible for the boiler.",
        E.RESPONSE_DATE: date(2025, 1, 17),
        "landlord_name": "ignored: not an element",
    }
    check_letter(LetterKind.ACKNOWLEDGEMENT, present)


def test_acknowledgement_needs_definition_outcomes_and_responsibility_code_5_6_5_7() -> None:
    paragraphs = _paragraphs(LetterKind.ACKNOWLEDGEMENT)
    assert paragraphs[E.COMPLAINT_DEFINITION] == "5.6"
    assert paragraphs[E.OUTCOMES_SOUGHT] == "5.6"
    assert paragraphs[E.RESPONSIBILITY] == "5.7"


def test_acknowledgement_gives_the_response_date_code_6_3_and_6_14() -> None:
    assert _paragraphs(LetterKind.ACKNOWLEDGEMENT, 1)[E.RESPONSE_DATE] == "6.3"
    assert _paragraphs(LetterKind.ACKNOWLEDGEMENT, 1)[E.STAGE] == "6.2"
    assert _paragraphs(LetterKind.ACKNOWLEDGEMENT, 2)[E.RESPONSE_DATE] == "6.14"
    assert _paragraphs(LetterKind.ACKNOWLEDGEMENT, 2)[E.STAGE] == "6.11"


def test_extension_notice_needs_new_date_reasons_and_ombudsman_details_code_6_4_6_5() -> None:
    assert _paragraphs(LetterKind.EXTENSION_NOTICE) == {
        E.REFERENCE: "5.12",
        E.NEW_RESPONSE_DATE: "6.4",
        E.EXTENSION_REASONS: "6.4",
        E.OMBUDSMAN_DETAILS: "6.5",
    }


def test_stage_two_extension_notice_cites_code_6_15_6_16() -> None:
    present = _filled(LetterKind.EXTENSION_NOTICE, 2)
    del present[E.OMBUDSMAN_DETAILS]
    with pytest.raises(LetterIncomplete) as caught:
        check_letter(LetterKind.EXTENSION_NOTICE, present, stage=2)
    assert caught.value.code_paragraph == "6.16"
    assert _paragraphs(LetterKind.EXTENSION_NOTICE, 2)[E.NEW_RESPONSE_DATE] == "6.15"


def test_refusal_needs_reasons_and_the_right_to_go_to_the_ombudsman_code_2_4() -> None:
    assert _paragraphs(LetterKind.REFUSAL) == {
        E.REFERENCE: "5.12",
        E.REFUSAL_REASONS: "2.4",
        E.OMBUDSMAN_RIGHT: "2.4",
    }


def test_escalation_refusal_needs_section_2_reasons_and_ombudsman_right_code_5_11() -> None:
    with pytest.raises(LetterIncomplete) as caught:
        check_letter(LetterKind.ESCALATION_REFUSAL, {E.REFERENCE: "C-1"})
    assert caught.value.code_paragraph == "5.11"
    assert [r.element for r in caught.value.missing] == [E.REFUSAL_REASONS, E.OMBUDSMAN_RIGHT]


def test_clarification_request_asks_the_questions_code_5_6() -> None:
    assert _paragraphs(LetterKind.CLARIFICATION_REQUEST)[E.CLARIFICATION_QUESTIONS] == "5.6"


def test_update_gives_progress_and_the_next_update_date_code_5_9_6_6() -> None:
    assert _paragraphs(LetterKind.UPDATE)[E.NEXT_UPDATE_DATE] == "5.9"
    assert _paragraphs(LetterKind.UPDATE, 1)[E.UPDATE_SUMMARY] == "6.6"
    assert _paragraphs(LetterKind.UPDATE, 2)[E.UPDATE_SUMMARY] == "6.17"


def test_completion_letter_says_what_was_done_code_7_3() -> None:
    assert _paragraphs(LetterKind.COMPLETION)[E.COMPLETED_ITEMS] == "7.3"


def test_every_letter_carries_the_reference_for_the_full_record_code_5_12() -> None:
    for kind, reqs in REQUIREMENTS.items():
        assert reqs[0].element is E.REFERENCE, kind


def test_there_is_no_third_stage_letter_code_5_3() -> None:
    with pytest.raises(ThirdStageForbidden) as caught:
        required_elements(LetterKind.ACKNOWLEDGEMENT, stage=3)
    assert caught.value.code_paragraph == "5.3"


def test_a_stage_response_cannot_be_asked_for_at_the_other_stage() -> None:
    with pytest.raises(ValueError, match="stage 2"):
        required_elements(LetterKind.STAGE1_RESPONSE, stage=2)
    assert required_elements(LetterKind.STAGE2_RESPONSE, stage=2) == REQUIREMENTS[LetterKind.STAGE2_RESPONSE]


def test_every_requirement_cites_a_provision_of_the_2024_code_in_its_description() -> None:
    for kind in LetterKind:
        for stage in (1, 2):
            if (kind, stage) in {
                (LetterKind.STAGE1_RESPONSE, 2),
                (LetterKind.STAGE2_RESPONSE, 1),
            }:
                continue
            for r in required_elements(kind, stage):
                assert isinstance(r, Requirement)
                provision("hos-2024", r.code_paragraph)
                assert f"(Code {r.code_paragraph}" in r.description
                assert r.description[0].islower()


def test_requirements_cover_every_letter_kind_with_unique_elements() -> None:
    assert set(REQUIREMENTS) == set(LetterKind)
    for kind, reqs in REQUIREMENTS.items():
        elements = [r.element for r in reqs]
        assert len(elements) == len(set(elements)), kind
        assert letter_label(kind)


def test_letter_incomplete_survives_pickling() -> None:
    with pytest.raises(LetterIncomplete) as caught:
        check_letter(LetterKind.REFUSAL, {})
    copy = pickle.loads(pickle.dumps(caught.value))  # noqa: S301 - our own object
    assert copy.missing == caught.value.missing
    assert copy.code_paragraph == "5.12"
