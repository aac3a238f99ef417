"""The rules for refusing, reopening and withdrawing (Code 2.1-2.4, 5.12), with no database."""

from __future__ import annotations

from datetime import date

import pytest

from putright.rules.endings import deadline_missed_by
from putright.rules.errors import RefusalNotEvidenced, RefusalWithinTimeLimit, ReopenForbidden
from putright.rules.exclusions import check_out_of_time_refusal, check_refusal_evidence, check_reopening
from putright.rules.lifecycle import Action, Status, next_status

RECEIVED = date(2025, 6, 20)


def late(**changes):
    facts = {
        "received_on": RECEIVED,
        "issue_occurred_on": date(2023, 5, 10),
        "aware_on": None,
        "aware_when_occurred": False,
        "discretion": "No good reason for the delay",
    }
    check_out_of_time_refusal(**{**facts, **changes})


def test_an_out_of_time_refusal_without_the_awareness_date_is_refused_2_3():
    with pytest.raises(RefusalNotEvidenced) as caught:
        late()
    assert caught.value.code_paragraph == "2.3" and caught.value.field == "aware_on"


def test_aware_when_it_occurred_counts_from_the_occurrence_2_3():
    late(aware_when_occurred=True)
    with pytest.raises(RefusalWithinTimeLimit):
        late(aware_when_occurred=True, issue_occurred_on=date(2024, 6, 20))


def test_aware_when_it_occurred_needs_the_occurrence_date_2_3():
    with pytest.raises(RefusalNotEvidenced):
        late(aware_when_occurred=True, issue_occurred_on=None)


def test_a_late_awareness_date_brings_the_complaint_within_12_months_2_3():
    with pytest.raises(RefusalWithinTimeLimit) as caught:
        late(aware_on=date(2024, 7, 1))
    assert caught.value.code_paragraph == "2.3"


def test_discretion_must_be_recorded_as_considered_2_3():
    with pytest.raises(RefusalNotEvidenced) as caught:
        late(aware_on=date(2023, 5, 12), discretion="  ")
    assert caught.value.field == "discretion"


@pytest.mark.parametrize("reason", ["legal_proceedings", "previously_considered"])
def test_court_and_previously_considered_refusals_need_evidence_2_1(reason):
    with pytest.raises(RefusalNotEvidenced) as caught:
        check_refusal_evidence(reason=reason, evidence_given=False)
    assert caught.value.code_paragraph == "2.1"
    check_refusal_evidence(reason=reason, evidence_given=True)
    check_refusal_evidence(reason="other", evidence_given=False)


def test_only_a_refused_complaint_reopens_and_not_before_its_refusal_2_4():
    with pytest.raises(ReopenForbidden):
        check_reopening(refused_on=None, reopened_on=RECEIVED)
    with pytest.raises(ReopenForbidden):
        check_reopening(refused_on=date(2025, 6, 25), reopened_on=date(2025, 6, 24))
    check_reopening(refused_on=date(2025, 6, 25), reopened_on=date(2025, 6, 25))
    assert next_status(status=Status.REFUSED, stage=1, action=Action.REOPEN) == (Status.RECEIVED, 1)
    with pytest.raises(Exception) as caught:
        next_status(status=Status.ACKNOWLEDGED, stage=1, action=Action.REOPEN)
    assert getattr(caught.value, "code_paragraph", None) == "2.4"


@pytest.mark.parametrize(
    ("on", "acknowledged_on", "respond_by", "responded_on", "missed"),
    [
        (date(2025, 6, 27), None, None, None, False),  # on the acknowledgement deadline itself
        (date(2025, 6, 30), None, None, None, True),  # the day after it, unacknowledged
        (date(2025, 6, 30), date(2025, 6, 30), date(2025, 7, 14), None, True),  # acknowledged late
        (date(2025, 7, 10), date(2025, 6, 23), date(2025, 7, 7), None, True),  # response overdue
        (date(2025, 7, 7), date(2025, 6, 23), date(2025, 7, 7), None, False),
        (date(2025, 7, 20), date(2025, 6, 23), date(2025, 7, 7), date(2025, 7, 4), False),
    ],
)
def test_a_withdrawal_is_after_a_deadline_only_when_one_had_passed_unmet_5_12(
    on, acknowledged_on, respond_by, responded_on, missed
):
    assert (
        deadline_missed_by(
            on=on,
            acknowledge_by=date(2025, 6, 27),
            acknowledged_on=acknowledged_on,
            respond_by=respond_by,
            responded_on=responded_on,
        )
        is missed
    )
