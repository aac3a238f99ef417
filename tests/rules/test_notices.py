"""What the resident must have been told, and when (putright.rules.notices), and who may act at stage 2."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from putright.rules.errors import RuleViolation, SameHandlerAtStageTwo
from putright.rules.letters import Element, check_letter, missing_elements
from putright.rules.lifecycle import check_stage_two_actors
from putright.rules.notices import (
    check_extension_notice,
    check_good_reason_explanation,
    check_remedy_or_reason,
    check_responsibility,
    check_sent_outside,
)

DUE = date(2025, 6, 16)


def paragraph(check: Callable[..., None], **facts: Any) -> str:
    with pytest.raises(RuleViolation) as caught:
        check(**facts)
    return caught.value.code_paragraph


def test_an_extension_notified_after_the_deadline_in_force_is_refused_code_6_4():
    late = date(2025, 6, 25)
    notice = {"stage": 1, "respond_by": DUE, "today": late}
    assert paragraph(check_extension_notice, **notice, notified_on=late) == "6.4"
    check_extension_notice(**notice, notified_on=DUE)


def test_an_extension_notified_on_a_day_still_to_come_is_refused_code_6_4_and_6_15():
    for stage, para in ((1, "6.4"), (2, "6.15")):
        notice = {"stage": stage, "respond_by": DUE, "today": date(2025, 6, 10)}
        assert paragraph(check_extension_notice, **notice, notified_on=date(2025, 6, 11)) == para


def test_a_stage_two_extension_after_its_deadline_names_code_6_15():
    late = date(2025, 7, 1)
    assert paragraph(check_extension_notice, stage=2, respond_by=DUE, notified_on=late, today=late) == "6.15"


def test_passing_the_cap_with_good_reason_needs_it_written_code_6_4_and_6_15():
    for stage, cap, para in ((1, 10, "6.4"), (2, 20, "6.15")):
        facts = {"stage": stage, "cap": cap, "good_reason": True}
        assert paragraph(check_good_reason_explanation, **facts, total_days=cap + 1, explanation=" ") == para
        check_good_reason_explanation(**facts, total_days=cap, explanation="")
        check_good_reason_explanation(**facts, total_days=cap + 5, explanation="A survey of the block")


def test_an_acknowledgement_must_say_what_we_are_responsible_for_code_5_7():
    assert paragraph(check_responsibility, responsibility=" ") == "5.7"
    check_responsibility(responsibility="The boiler is ours.")


def test_an_upheld_response_needs_a_remedy_or_a_reason_for_none_code_6_9e_and_6_19e():
    for stage, para in ((1, "6.9"), (2, "6.19")):
        for decision in ("upheld", "partly_upheld"):
            facts = {"stage": stage, "decision": decision, "remedies": 0}
            assert paragraph(check_remedy_or_reason, **facts, no_remedy_reason="") == para
        check_remedy_or_reason(stage=stage, decision="upheld", remedies=1, no_remedy_reason="")
        check_remedy_or_reason(
            stage=stage, decision="upheld", remedies=0, no_remedy_reason="Already put right"
        )
        check_remedy_or_reason(stage=stage, decision="not_upheld", remedies=0, no_remedy_reason="")


def test_a_letter_sent_outside_putright_needs_a_record_of_how_code_5_12():
    assert paragraph(check_sent_outside, sent_outside=True, note="") == "5.12"
    check_sent_outside(sent_outside=True, note="Posted first class")
    check_sent_outside(sent_outside=False, note="")


def test_an_extension_notice_past_the_cap_must_give_the_good_reason_code_6_4():
    content = {
        Element.REFERENCE: "CMP-1",
        Element.NEW_RESPONSE_DATE: "2025-07-01",
        Element.EXTENSION_REASONS: "A survey",
        Element.OMBUDSMAN_DETAILS: "Housing Ombudsman",
    }
    check_letter("extension_notice", content)
    missing = missing_elements("extension_notice", {**content, "beyond_cap": True})
    assert [(r.element, r.code_paragraph) for r in missing] == [(Element.GOOD_REASON_EXPLANATION, "6.4")]
    check_letter(
        "extension_notice", {**content, "beyond_cap": True, Element.GOOD_REASON_EXPLANATION: "Block survey"}
    )
    stage_two = missing_elements("extension_notice", {**content, "beyond_cap": True}, stage=2)
    assert [r.code_paragraph for r in stage_two] == ["6.15"]


def test_nobody_who_acted_at_stage_one_acts_at_or_handles_stage_two_code_6_13():
    actors = frozenset({7, 9})
    with pytest.raises(SameHandlerAtStageTwo) as caught:
        check_stage_two_actors(stage_one_actors=actors, acting=9, handler=8)
    assert caught.value.code_paragraph == "6.13"
    with pytest.raises(SameHandlerAtStageTwo):
        check_stage_two_actors(stage_one_actors=actors, acting=8, handler=7)
    check_stage_two_actors(stage_one_actors=actors, acting=8, handler=8)
    check_stage_two_actors(stage_one_actors=actors, acting=None, handler=None)
    check_stage_two_actors(stage_one_actors=frozenset(), acting=7, handler=7)
