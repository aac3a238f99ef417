"""Late entries (Code 5.12) and promised dates (Code 6.6, 6.17, 7.1, 7.3) in the rules core."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from putright.rules.entries import FutureDated, LateEntryUnexplained, check_entry_date
from putright.rules.promises import PromiseDateInvalid, check_promise_move, check_promised_on
from putright.rules.remedies import RemedyInvalid, RemedyKind, check_remedy

RECORDED = date(2026, 6, 20)


def test_a_date_before_the_day_recorded_needs_a_reason_code_5_12():
    with pytest.raises(LateEntryUnexplained) as refused:
        check_entry_date(
            given_on=date(2026, 6, 3), recorded_on=RECORDED, late_entry_reason=" ", what="the date"
        )
    assert refused.value.code_paragraph == "5.12"


def test_a_late_entry_with_a_reason_keeps_both_days_code_5_12():
    entry = check_entry_date(
        given_on=date(2026, 6, 3), recorded_on=RECORDED, late_entry_reason=" Posted ", what="the date"
    )
    assert (entry.given_on, entry.recorded_on, entry.late_entry_reason, entry.late) == (
        date(2026, 6, 3),
        RECORDED,
        "Posted",
        True,
    )


def test_a_date_on_the_day_recorded_is_on_time_and_drops_any_reason_code_5_12():
    entry = check_entry_date(given_on=RECORDED, recorded_on=RECORDED, late_entry_reason="x", what="the date")
    assert (entry.late, entry.late_entry_reason) == (False, "")


def test_a_date_after_the_day_recorded_is_refused_code_5_12():
    with pytest.raises(FutureDated) as refused:
        check_entry_date(
            given_on=date(2026, 6, 21), recorded_on=RECORDED, late_entry_reason="x", what="the date"
        )
    assert refused.value.code_paragraph == "5.12"


def test_a_promise_before_the_response_is_refused_and_the_same_day_allowed_code_6_6():
    check_promised_on(promised_on=RECORDED, responded_on=RECORDED, paragraph="6.6", what="the date")
    with pytest.raises(PromiseDateInvalid) as refused:
        check_promised_on(
            promised_on=date(2026, 6, 19), responded_on=RECORDED, paragraph="6.6", what="the date"
        )
    assert refused.value.code_paragraph == "6.6"


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"new_on": date(2026, 6, 10)}, "new_promise_on"),
        ({"new_on": date(2026, 6, 1)}, "new_promise_on"),
        ({"reason": ""}, "promise_change_reason"),
        ({"resident_told_on": None}, "resident_told_on"),
    ],
)
def test_moving_a_promise_needs_a_later_date_a_reason_and_the_resident_told_code_6_6(changes, field):
    move = {
        "stage": 1,
        "current_on": date(2026, 6, 10),
        "new_on": date(2026, 6, 30),
        "responded_on": date(2026, 6, 2),
        "reason": "The part is on back order",
        "resident_told_on": date(2026, 6, 8),
    }
    check_promise_move(**move)
    with pytest.raises(PromiseDateInvalid) as refused:
        check_promise_move(**{**move, **changes})
    assert (refused.value.code_paragraph, refused.value.field) == ("6.6", field)


def test_a_stage_two_promise_move_names_6_17():
    with pytest.raises(PromiseDateInvalid) as refused:
        check_promise_move(
            stage=2,
            current_on=date(2026, 6, 10),
            new_on=date(2026, 6, 30),
            responded_on=None,
            reason="",
            resident_told_on=None,
        )
    assert refused.value.code_paragraph == "6.17"


def test_remedy_checks_name_the_field_at_fault_code_7_1_7_3():
    with pytest.raises(RemedyInvalid) as undated:
        check_remedy(RemedyKind.APOLOGY, None, "Sorry", None)
    assert (undated.value.code_paragraph, undated.value.field) == ("7.3", "due_on")
    with pytest.raises(RemedyInvalid) as paid:
        check_remedy(RemedyKind.APOLOGY, Decimal("50"), "Sorry", RECORDED)
    assert (paid.value.code_paragraph, paid.value.field) == ("7.1", "amount")
