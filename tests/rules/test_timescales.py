"""The Code's timescales: acknowledgement, response, extensions, stages, the 12-month limit.

Counting rule: the day the period starts from is day 0.
"""

from __future__ import annotations

from datetime import date

import pytest

from putright.rules.calendar import calendar_for
from putright.rules.editions import (
    HOS_2020,
    HOS_2024,
    RULESETS,
    Policy,
    Stage,
    code_policy,
    ruleset_by_key,
    ruleset_in_force,
)
from putright.rules.errors import (
    ExtensionOverCap,
    PolicyLongerThanCode,
    RefusalWithinTimeLimit,
    RuleViolation,
    ThirdStageForbidden,
)
from putright.rules.timescales import (
    acknowledge_by,
    add_months,
    check_extension,
    check_refusal_time_limit,
    check_stage,
    respond_by,
    timeliness,
    validate_policy,
)

CAL = calendar_for()


def test_the_2024_code_timescales() -> None:
    assert HOS_2024.key == "hos-2024"
    assert HOS_2024.effective_from == date(2024, 4, 1)
    assert dict(HOS_2024.acknowledge_days) == {1: 5, 2: 5}
    assert dict(HOS_2024.respond_days) == {1: 10, 2: 20}
    assert dict(HOS_2024.extension_cap_days) == {1: 10, 2: 20}
    assert (HOS_2024.max_stages, HOS_2024.refusal_time_limit_months) == (2, 12)
    assert RULESETS == (HOS_2020, HOS_2024)
    assert [int(s) for s in Stage] == [1, 2]


def test_rulesets_are_read_only_and_hashable() -> None:
    with pytest.raises(TypeError):
        HOS_2024.respond_days[1] = 15  # type: ignore[index]
    assert {HOS_2024: "ok"}[HOS_2024] == "ok"
    assert hash(code_policy()) == hash(code_policy())


@pytest.mark.parametrize("on", [date(2024, 4, 1), date(2030, 1, 1)])
def test_the_2024_code_judges_complaints_received_from_1_april_2024(on: date) -> None:
    assert ruleset_in_force(on) is HOS_2024


@pytest.mark.parametrize("on", [date(2024, 3, 31), date(2020, 7, 1), date(2020, 1, 1)])
def test_complaints_received_before_1_april_2024_are_judged_on_the_2020_code_editions(on: date) -> None:
    assert ruleset_in_force(on) is HOS_2020
    assert ruleset_by_key("hos-2020") is HOS_2020 and ruleset_by_key("hos-2024") is HOS_2024
    with pytest.raises(ValueError):
        ruleset_by_key("hos-2019")


def test_the_2020_code_timescales_count_the_response_from_the_request_editions_2020_3_11() -> None:
    assert dict(HOS_2020.acknowledge_days) == {1: 5, 2: 5}
    assert dict(HOS_2020.respond_days) == {1: 10, 2: 20}
    assert dict(HOS_2020.extension_cap_days) == {1: 10, 2: 10}
    # Received Mon 4 Mar 2024, acknowledged Fri 8 Mar: the 2020 Code's 10 working days run
    # from receipt (18 Mar), where the 2024 Code's would run from the acknowledgement (22 Mar).
    received, acknowledged = date(2024, 3, 4), date(2024, 3, 8)
    assert respond_by(
        CAL, stage=1, acknowledged_on=acknowledged, requested_on=received, ruleset=HOS_2020
    ) == date(2024, 3, 18)
    assert respond_by(CAL, stage=1, acknowledged_on=acknowledged, requested_on=received) == date(2024, 3, 22)
    with pytest.raises(ValueError):
        respond_by(CAL, stage=1, acknowledged_on=acknowledged, ruleset=HOS_2020)


def test_a_2020_stage_two_extension_is_capped_at_ten_working_days_editions_2020_3_11() -> None:
    check_extension(stage=2, already_extended_days=0, requested_days=10, good_reason=False, ruleset=HOS_2020)
    with pytest.raises(ExtensionOverCap):
        check_extension(
            stage=2, already_extended_days=5, requested_days=6, good_reason=False, ruleset=HOS_2020
        )


def test_stage_one_acknowledgement_is_five_working_days_from_receipt_code_6_2() -> None:
    assert acknowledge_by(CAL, stage=1, requested_on=date(2026, 12, 24)) == date(2027, 1, 5)
    assert acknowledge_by(CAL, stage=1, requested_on=date(2025, 12, 19)) == date(2025, 12, 30)


def test_a_saturday_receipt_is_acknowledged_by_the_friday_code_6_2() -> None:
    assert acknowledge_by(CAL, stage=1, requested_on=date(2025, 3, 1)) == date(2025, 3, 7)


def test_stage_two_acknowledgement_is_five_working_days_from_the_request_code_6_11() -> None:
    assert acknowledge_by(CAL, stage=2, requested_on=date(2026, 3, 2)) == date(2026, 3, 9)


def test_stage_one_response_is_ten_working_days_from_the_acknowledgement_code_6_3() -> None:
    # DOMAIN.md: received Thu 24 Dec 2026, acknowledge by Tue 5 Jan 2027; acknowledged on
    # that day (the acknowledgement deadline), respond by Tue 19 Jan 2027.
    acknowledged = acknowledge_by(CAL, stage=1, requested_on=date(2026, 12, 24))
    assert acknowledged == date(2027, 1, 5)
    assert respond_by(CAL, stage=1, acknowledged_on=acknowledged) == date(2027, 1, 19)
    # Acknowledged on the day of receipt instead, the response is due a week earlier.
    assert respond_by(CAL, stage=1, acknowledged_on=date(2026, 12, 24)) == date(2027, 1, 12)


def test_an_early_acknowledgement_brings_the_response_forward_code_6_3() -> None:
    early = respond_by(CAL, stage=1, acknowledged_on=date(2026, 3, 2))
    late = respond_by(CAL, stage=1, acknowledged_on=date(2026, 3, 6))
    assert (early, late) == (date(2026, 3, 16), date(2026, 3, 20))


def test_stage_two_response_is_twenty_working_days_from_the_acknowledgement_code_6_14() -> None:
    assert respond_by(CAL, stage=2, acknowledged_on=date(2026, 3, 2)) == date(2026, 3, 30)


def test_extensions_push_the_response_deadline_code_6_4() -> None:
    due = respond_by(CAL, stage=1, acknowledged_on=date(2026, 3, 2), extension_days=10)
    assert due == date(2026, 3, 30)
    with pytest.raises(ValueError):
        respond_by(CAL, stage=1, acknowledged_on=date(2026, 3, 2), extension_days=-1)


def test_extensions_add_up_and_may_not_pass_ten_days_at_stage_one_without_good_reason_code_6_4():
    check_extension(stage=1, already_extended_days=0, requested_days=10, good_reason=False)
    check_extension(stage=1, already_extended_days=6, requested_days=4, good_reason=False)
    with pytest.raises(ExtensionOverCap) as raised:
        check_extension(stage=1, already_extended_days=6, requested_days=5, good_reason=False)
    assert raised.value.code_paragraph == "6.4"


def test_stage_two_extension_cap_is_twenty_days_code_6_15() -> None:
    check_extension(stage=2, already_extended_days=10, requested_days=10, good_reason=False)
    with pytest.raises(ExtensionOverCap) as raised:
        check_extension(stage=2, already_extended_days=10, requested_days=11, good_reason=False)
    assert raised.value.code_paragraph == "6.15"


def test_good_reason_allows_a_longer_extension_code_6_4() -> None:
    check_extension(stage=1, already_extended_days=10, requested_days=15, good_reason=True)
    check_extension(stage=2, already_extended_days=0, requested_days=30, good_reason=True)


def test_an_extension_is_at_least_one_working_day_code_6_4() -> None:
    with pytest.raises(RuleViolation) as raised:
        check_extension(stage=1, already_extended_days=0, requested_days=0, good_reason=True)
    assert raised.value.code_paragraph == "6.4"


def test_a_landlord_policy_with_a_shorter_extension_cap_applies_code_6_4() -> None:
    policy = Policy({1: 5, 2: 5}, {1: 10, 2: 20}, {1: 5, 2: 20})
    with pytest.raises(ExtensionOverCap):
        check_extension(stage=1, already_extended_days=0, requested_days=6, good_reason=False, policy=policy)


def test_a_third_stage_is_forbidden_code_5_3() -> None:
    with pytest.raises(ThirdStageForbidden) as raised:
        check_stage(3)
    assert raised.value.code_paragraph == "5.3"
    with pytest.raises(ThirdStageForbidden):
        acknowledge_by(CAL, stage=3, requested_on=date(2026, 3, 2))


def test_a_stage_zero_is_forbidden_code_5_2() -> None:
    with pytest.raises(ThirdStageForbidden) as raised:
        check_stage(0)
    assert raised.value.code_paragraph == "5.2"


def test_a_shorter_landlord_policy_shortens_the_deadlines() -> None:
    policy = Policy({1: 3, 2: 5}, {1: 8, 2: 20}, {1: 10, 2: 20})
    validate_policy(policy)
    assert acknowledge_by(CAL, stage=1, requested_on=date(2026, 3, 2), policy=policy) == date(2026, 3, 5)
    assert respond_by(CAL, stage=1, acknowledged_on=date(2026, 3, 2), policy=policy) == date(2026, 3, 12)
    validate_policy(code_policy())


@pytest.mark.parametrize(
    ("field", "stage", "paragraph"),
    [
        ("acknowledge_days", 1, "6.2"),
        ("acknowledge_days", 2, "6.11"),
        ("respond_days", 1, "6.3"),
        ("respond_days", 2, "6.14"),
        ("extension_cap_days", 1, "6.4"),
        ("extension_cap_days", 2, "6.15"),
    ],
)
def test_landlord_may_not_set_longer_timescales_than_the_code(field: str, stage: int, paragraph: str) -> None:
    values = {
        "acknowledge_days": dict(HOS_2024.acknowledge_days),
        "respond_days": dict(HOS_2024.respond_days),
        "extension_cap_days": dict(HOS_2024.extension_cap_days),
    }
    values[field][stage] += 1
    with pytest.raises(PolicyLongerThanCode) as raised:
        validate_policy(Policy(**values))
    assert raised.value.code_paragraph == paragraph
    with pytest.raises(PolicyLongerThanCode):
        acknowledge_by(CAL, stage=1, requested_on=date(2026, 3, 2), policy=Policy(**values))


def test_a_policy_timescale_below_one_day_or_missing_is_rejected() -> None:
    with pytest.raises(RuleViolation) as raised:
        validate_policy(Policy({1: 0, 2: 5}, {1: 10, 2: 20}, {1: 10, 2: 20}))
    assert raised.value.code_paragraph == "6.2"
    with pytest.raises(RuleViolation) as raised:
        validate_policy(Policy({1: 5, 2: 5}, {1: 10}, {1: 10, 2: 20}))
    assert raised.value.code_paragraph == "6.14"
    with pytest.raises(ThirdStageForbidden):
        validate_policy(Policy({1: 5, 2: 5, 3: 5}, {1: 10, 2: 20}, {1: 10, 2: 20}))


def test_refusing_as_out_of_time_within_twelve_months_of_awareness_is_forbidden_code_2_3() -> None:
    with pytest.raises(RefusalWithinTimeLimit) as raised:
        check_refusal_time_limit(
            received_on=date(2026, 3, 2),
            issue_occurred_on=date(2024, 1, 10),
            aware_on=date(2025, 6, 1),
        )
    assert raised.value.code_paragraph == "2.3"


def test_refusing_within_twelve_months_of_the_issue_is_forbidden_code_2_3() -> None:
    with pytest.raises(RefusalWithinTimeLimit):
        check_refusal_time_limit(
            received_on=date(2026, 3, 2), issue_occurred_on=date(2025, 3, 2), aware_on=None
        )


def test_refusing_as_out_of_time_after_twelve_months_is_allowed_code_2_3() -> None:
    check_refusal_time_limit(received_on=date(2026, 3, 3), issue_occurred_on=date(2025, 3, 2), aware_on=None)
    check_refusal_time_limit(received_on=date(2026, 3, 3), issue_occurred_on=None, aware_on=date(2025, 3, 2))


def test_twelve_months_from_29_february_ends_on_28_february_code_2_3() -> None:
    assert add_months(date(2024, 2, 29), 12) == date(2025, 2, 28)
    assert add_months(date(2025, 1, 31), 1) == date(2025, 2, 28)
    assert add_months(date(2025, 11, 30), 3) == date(2026, 2, 28)
    with pytest.raises(RefusalWithinTimeLimit):
        check_refusal_time_limit(
            received_on=date(2025, 2, 28), issue_occurred_on=date(2024, 2, 29), aware_on=None
        )
    check_refusal_time_limit(received_on=date(2025, 3, 1), issue_occurred_on=date(2024, 2, 29), aware_on=None)


def test_a_refusal_as_out_of_time_needs_the_dates_as_evidence_code_2_1() -> None:
    with pytest.raises(RefusalWithinTimeLimit, match="evidenced") as raised:
        check_refusal_time_limit(received_on=date(2026, 3, 2), issue_occurred_on=None, aware_on=None)
    assert raised.value.code_paragraph == "2.1"


def test_timeliness_of_a_response() -> None:
    done = timeliness(CAL, started_on=date(2026, 3, 2), due=date(2026, 3, 16), done_on=date(2026, 3, 17))
    assert (done.on_time, done.working_days_taken) == (False, 11)
    assert not done.overdue_on(date(2026, 4, 1))
    open_ = timeliness(CAL, started_on=date(2026, 3, 2), due=date(2026, 3, 16), done_on=None)
    assert open_.on_time is None and open_.working_days_taken is None
    assert not open_.overdue_on(date(2026, 3, 16))
    assert open_.overdue_on(date(2026, 3, 17))
