"""The lifecycle table and the forbidden moves, each named after the guarantee it protects."""

from __future__ import annotations

import itertools
import pickle
import re
from datetime import date

import pytest

from putright.rules.errors import (
    DateOrderInvalid,
    NotAcknowledged,
    RuleViolation,
    SameHandlerAtStageTwo,
    ThirdStageForbidden,
    TransitionForbidden,
)
from putright.rules.lifecycle import (
    OPEN_STATUSES,
    TRANSITIONS,
    Action,
    Status,
    check_acknowledgement_date,
    check_response_dates,
    check_stage_two_handler,
    new_issue_route,
    next_status,
)

S, A = Status, Action
PARAGRAPH = re.compile(r"^[1-9]\.\d{1,2}$")


def test_a_complaint_goes_through_both_stages() -> None:
    state = (S.RECEIVED, 1)
    for action, expected in [
        (A.ACKNOWLEDGE, (S.ACKNOWLEDGED, 1)),
        (A.EXTEND, (S.ACKNOWLEDGED, 1)),
        (A.RESPOND, (S.RESPONDED, 1)),
        (A.ESCALATE, (S.RECEIVED, 2)),
        (A.ACKNOWLEDGE, (S.ACKNOWLEDGED, 2)),
        (A.RESPOND, (S.RESPONDED, 2)),
        (A.CLOSE, (S.CLOSED, 2)),
    ]:
        state = next_status(status=state[0], stage=state[1], action=action)
        assert state == expected, action


@pytest.mark.parametrize(
    ("status", "stage", "action"),
    list(itertools.product(Status, (1, 2), Action)),
)
def test_every_move_is_allowed_or_names_its_paragraph(status: Status, stage: int, action: Action) -> None:
    try:
        new_status, new_stage = next_status(status=status, stage=stage, action=action)
    except RuleViolation as refused:
        assert PARAGRAPH.match(refused.code_paragraph), refused
        assert refused.message
        return
    assert (status, action) in TRANSITIONS
    assert new_status is TRANSITIONS[status, action]
    assert new_stage == (2 if action is A.ESCALATE else stage)


def test_the_table_moves_only_out_of_open_statuses_or_back_from_a_stage_one_closure_or_a_refusal() -> None:
    for status, action in TRANSITIONS:
        assert status in OPEN_STATUSES or (status, action) in {
            (S.CLOSED, A.ESCALATE),
            (S.CLOSED, A.REFUSE_ESCALATION),
            (S.REFUSED, A.REOPEN),  # Code 2.4: the landlord or the Ombudsman takes it on
        }


def test_open_statuses() -> None:
    assert {S.RECEIVED, S.ACKNOWLEDGED, S.RESPONDED} == OPEN_STATUSES


@pytest.mark.parametrize("status", list(Status))
def test_a_third_stage_is_forbidden_code_5_3(status: Status) -> None:
    with pytest.raises(ThirdStageForbidden) as refused:
        next_status(status=status, stage=2, action=A.ESCALATE)
    assert refused.value.code_paragraph == "5.3"
    with pytest.raises(ThirdStageForbidden):
        next_status(status=S.RECEIVED, stage=3, action=A.ACKNOWLEDGE)


@pytest.mark.parametrize("status", [S.RESPONDED, S.CLOSED])
def test_a_resident_may_escalate_after_the_stage_one_response_code_6_10(status: Status) -> None:
    assert next_status(status=status, stage=1, action=A.ESCALATE) == (S.RECEIVED, 2)


@pytest.mark.parametrize("status", [S.RECEIVED, S.ACKNOWLEDGED])
def test_escalation_waits_for_the_stage_one_response_code_6_10(status: Status) -> None:
    with pytest.raises(TransitionForbidden) as refused:
        next_status(status=status, stage=1, action=A.ESCALATE)
    assert refused.value.code_paragraph == "6.10"


@pytest.mark.parametrize(("stage", "paragraph"), [(1, "6.3"), (2, "6.14")])
def test_response_before_acknowledgement_is_forbidden_code_6_3(stage: int, paragraph: str) -> None:
    with pytest.raises(NotAcknowledged) as refused:
        next_status(status=S.RECEIVED, stage=stage, action=A.RESPOND)
    assert refused.value.code_paragraph == paragraph
    with pytest.raises(NotAcknowledged) as refused:
        check_response_dates(stage=stage, acknowledged_on=None, responded_on=date(2026, 3, 2))
    assert refused.value.code_paragraph == paragraph


def test_a_response_dated_before_the_acknowledgement_is_forbidden_code_6_3() -> None:
    with pytest.raises(DateOrderInvalid) as refused:
        check_response_dates(stage=1, acknowledged_on=date(2026, 3, 3), responded_on=date(2026, 3, 2))
    assert refused.value.code_paragraph == "6.3"
    check_response_dates(stage=2, acknowledged_on=date(2026, 3, 3), responded_on=date(2026, 3, 3))


@pytest.mark.parametrize(("stage", "paragraph"), [(1, "6.2"), (2, "6.11")])
def test_an_acknowledgement_before_receipt_is_forbidden_code_6_2_and_6_11(stage: int, paragraph: str) -> None:
    with pytest.raises(DateOrderInvalid) as refused:
        check_acknowledgement_date(
            stage=stage, requested_on=date(2026, 3, 2), acknowledged_on=date(2026, 3, 1)
        )
    assert refused.value.code_paragraph == paragraph
    check_acknowledgement_date(stage=stage, requested_on=date(2026, 3, 2), acknowledged_on=date(2026, 3, 2))


def test_stage_two_handler_must_differ_from_stage_one_code_6_13() -> None:
    with pytest.raises(SameHandlerAtStageTwo) as refused:
        check_stage_two_handler(stage_one_handler=7, stage_two_handler=7)
    assert refused.value.code_paragraph == "6.13"
    check_stage_two_handler(stage_one_handler=7, stage_two_handler=8)
    check_stage_two_handler(stage_one_handler=None, stage_two_handler=None)
    check_stage_two_handler(stage_one_handler=7, stage_two_handler=None)


@pytest.mark.parametrize("status", [S.RECEIVED, S.ACKNOWLEDGED])
def test_a_complaint_may_be_refused_at_stage_one_before_the_response_code_2_1(
    status: Status,
) -> None:
    assert next_status(status=status, stage=1, action=A.REFUSE) == (S.REFUSED, 1)
    with pytest.raises(TransitionForbidden):
        next_status(status=status, stage=2, action=A.REFUSE)


def test_refusing_after_the_stage_one_response_means_refusing_escalation_code_5_11() -> None:
    with pytest.raises(TransitionForbidden) as refused:
        next_status(status=S.RESPONDED, stage=1, action=A.REFUSE)
    assert refused.value.code_paragraph == "5.11"
    assert next_status(status=S.RESPONDED, stage=1, action=A.REFUSE_ESCALATION) == (S.CLOSED, 1)
    assert next_status(status=S.CLOSED, stage=1, action=A.REFUSE_ESCALATION) == (S.CLOSED, 1)


@pytest.mark.parametrize("status", [S.RECEIVED, S.ACKNOWLEDGED])
def test_escalation_cannot_be_refused_before_the_stage_one_response_code_5_11(
    status: Status,
) -> None:
    with pytest.raises(TransitionForbidden) as refused:
        next_status(status=status, stage=1, action=A.REFUSE_ESCALATION)
    assert refused.value.code_paragraph == "5.11"


@pytest.mark.parametrize(("stage", "paragraph"), [(1, "6.4"), (2, "6.15")])
def test_only_an_existing_response_deadline_can_be_extended_code_6_4_and_6_15(
    stage: int, paragraph: str
) -> None:
    assert next_status(status=S.ACKNOWLEDGED, stage=stage, action=A.EXTEND) == (
        S.ACKNOWLEDGED,
        stage,
    )
    for status in (S.RECEIVED, S.RESPONDED):
        with pytest.raises(TransitionForbidden) as refused:
            next_status(status=status, stage=stage, action=A.EXTEND)
        assert refused.value.code_paragraph == paragraph


def test_a_new_issue_joins_only_an_open_stage_one_complaint_code_6_8() -> None:
    assert next_status(status=S.ACKNOWLEDGED, stage=1, action=A.ADD_ISSUE) == (S.ACKNOWLEDGED, 1)
    for status, stage in [(S.RESPONDED, 1), (S.ACKNOWLEDGED, 2)]:
        with pytest.raises(TransitionForbidden) as refused:
            next_status(status=status, stage=stage, action=A.ADD_ISSUE)
        assert refused.value.code_paragraph == "6.8"


@pytest.mark.parametrize(
    ("stage", "status", "related", "delay", "route"),
    [
        (1, S.RECEIVED, True, False, "fold_in"),
        (1, S.ACKNOWLEDGED, True, False, "fold_in"),
        (1, S.ACKNOWLEDGED, False, False, "new_complaint"),  # unrelated
        (1, S.ACKNOWLEDGED, True, True, "new_complaint"),  # would unreasonably delay
        (1, S.RESPONDED, True, False, "new_complaint"),  # stage 1 response already issued
        (1, S.CLOSED, True, False, "new_complaint"),
        (2, S.ACKNOWLEDGED, True, False, "new_complaint"),
    ],
)
def test_new_issues_are_folded_in_or_logged_as_a_new_complaint_code_6_8(
    stage: int, status: Status, related: bool, delay: bool, route: str
) -> None:
    assert (
        new_issue_route(stage=stage, status=status, related=related, would_unreasonably_delay=delay) == route
    )


def test_closing_needs_a_response_first_code_6_3_and_6_14() -> None:
    for stage, paragraph in [(1, "6.3"), (2, "6.14")]:
        with pytest.raises(TransitionForbidden) as refused:
            next_status(status=S.ACKNOWLEDGED, stage=stage, action=A.CLOSE)
        assert refused.value.code_paragraph == paragraph


def test_a_second_stage_two_response_is_forbidden_it_is_the_final_response_code_6_20() -> None:
    with pytest.raises(TransitionForbidden) as refused:
        next_status(status=S.RESPONDED, stage=2, action=A.RESPOND)
    assert refused.value.code_paragraph == "6.20"


@pytest.mark.parametrize("status", list(OPEN_STATUSES))
def test_a_resident_may_withdraw_an_open_complaint(status: Status) -> None:
    assert next_status(status=status, stage=1, action=A.WITHDRAW) == (S.WITHDRAWN, 1)


@pytest.mark.parametrize(("status", "paragraph"), [(S.WITHDRAWN, "5.12"), (S.REFUSED, "2.4")])
@pytest.mark.parametrize("action", list(Action))
def test_nothing_moves_a_withdrawn_or_refused_complaint_but_reopening_a_refusal_2_4(
    status: Status, paragraph: str, action: Action
) -> None:
    if (status, action) == (S.REFUSED, A.REOPEN):
        assert next_status(status=status, stage=1, action=action) == (S.RECEIVED, 1)
        return
    with pytest.raises(RuleViolation) as refused:
        next_status(status=status, stage=1, action=action)
    assert refused.value.code_paragraph in {paragraph, "5.11", "6.8"}


def test_statuses_and_actions_accept_their_string_values() -> None:
    assert next_status(status="received", stage=1, action="acknowledge") == (  # type: ignore[arg-type]
        S.ACKNOWLEDGED,
        1,
    )


def test_rule_violations_keep_their_paragraph_when_pickled() -> None:
    error = pickle.loads(pickle.dumps(SameHandlerAtStageTwo("x", code_paragraph="6.13")))  # noqa: S301
    assert (type(error), error.message, error.code_paragraph) == (SameHandlerAtStageTwo, "x", "6.13")
    assert str(error) == "x"
