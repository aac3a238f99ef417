"""One policy (Code 3.4, 5.1): the landlord's timescales set the dates residents are told; the
Code's are kept beside them, and CH02 and compliance figures are measured against the Code's.

Worked example (no bank holidays in November 2026). Landlord policy: acknowledge within 3
working days, respond within 7 at stage 1. Received Monday 2 November (day 0): acknowledge by
Thursday 5 November (the Code's 5: Monday 9 November). Acknowledged Wednesday 4 November:
respond by Friday 13 November (the Code's 10: Wednesday 18 November).
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from putright.cases import services
from putright.cases.models import Complaint
from putright.core.errors import ActionRefused
from putright.governance.selectors.performance import performance_report
from putright.governance.selectors.periods import Period
from putright.landlord.services import landlord_timescales_update
from putright.letters.models import Letter
from putright.residents.policy import policy_timescales
from tests.cases import factories
from tests.cases.factories import at

RECEIVED = date(2026, 11, 2)


@pytest.fixture
def short_policy(officer: Any) -> None:
    landlord_timescales_update(
        actor=officer,
        stage1_acknowledge_days=3,
        stage1_respond_days=7,
        stage2_acknowledge_days=4,
        stage2_respond_days=15,
    )


def _stage(complaint: Complaint, n: int = 1) -> Any:
    return complaint.stages.get(stage=n)


def test_landlord_timescales_drive_deadlines_and_letters_5_1(
    short_policy: None, officer: Any, handler: Any
) -> None:
    complaint = factories.log(officer, RECEIVED)
    first = _stage(complaint)
    assert (first.acknowledge_by, first.code_acknowledge_by) == (date(2026, 11, 5), date(2026, 11, 9))
    complaint.refresh_from_db()
    assert complaint.next_due == date(2026, 11, 5)  # the queue shows the date the resident was told

    factories.acknowledge(handler, complaint, date(2026, 11, 4), handler=handler)
    first.refresh_from_db()
    complaint.refresh_from_db()
    assert (first.respond_by, first.code_respond_by) == (date(2026, 11, 13), date(2026, 11, 18))
    assert complaint.next_due == date(2026, 11, 13)
    letter = Letter.objects.filter(complaint=complaint).order_by("-id").first()
    assert letter is not None and "13 November 2026" in letter.body_html
    assert "18 November 2026" not in letter.body_html


def test_the_published_policy_states_the_same_timescales_that_set_the_deadlines_3_4(
    short_policy: None, client: Any
) -> None:
    t = policy_timescales()
    assert (t.stage1_acknowledge, t.stage1_respond, t.stage2_acknowledge, t.stage2_respond) == (3, 7, 4, 15)
    page = client.get("/policy/").content.decode()
    assert "3 working days" in page and "7 working days" in page and "15 working days" in page


def test_stage_two_deadlines_follow_the_landlord_policy_5_1(
    short_policy: None, officer: Any, handler: Any, reviewer: Any
) -> None:
    complaint = factories.log(officer, RECEIVED)
    factories.acknowledge(handler, complaint, date(2026, 11, 4), handler=handler)
    factories.respond(handler, complaint, date(2026, 11, 10), decision="not_upheld")
    complaint = factories.escalate(officer, complaint, date(2026, 11, 16))
    second = _stage(complaint, 2)
    # Requested Monday 16 November: the policy's 4 working days, the Code's 5 (6.11).
    assert (second.acknowledge_by, second.code_acknowledge_by) == (date(2026, 11, 20), date(2026, 11, 23))


def test_a_landlord_timescale_longer_than_the_codes_is_refused_3_4(officer: Any) -> None:
    with pytest.raises(ActionRefused) as refused:
        landlord_timescales_update(actor=officer, stage2_respond_days=25)
    assert refused.value.code_paragraph == "6.14"
    assert "longer than the Code's 20" in refused.value.message


def test_changing_the_policy_keeps_the_deadlines_residents_were_given_5_1(
    officer: Any, handler: Any, short_policy: None
) -> None:
    complaint = factories.log(officer, RECEIVED)
    factories.acknowledge(handler, complaint, date(2026, 11, 4), handler=handler)
    landlord_timescales_update(actor=officer, stage1_acknowledge_days=5, stage1_respond_days=10)
    first = _stage(complaint)
    assert (first.acknowledge_by, first.respond_by) == (date(2026, 11, 5), date(2026, 11, 13))

    # An extension moves on from the date in force (13 November) by its 5 working days.
    services.complaint_extend(
        actor=handler,
        now=at(date(2026, 11, 12)),
        complaint_id=complaint.pk,
        working_days=5,
        reason="We are waiting for the surveyor's report",
        notified_on=date(2026, 11, 12),
    )
    first.refresh_from_db()
    assert (first.respond_by, first.code_respond_by) == (date(2026, 11, 20), date(2026, 11, 25))
    assert first.extensions.get().new_respond_by == date(2026, 11, 20)

    # A complaint received after the change gets the new timescales.
    later = factories.log(officer, date(2026, 11, 16))
    assert _stage(later).acknowledge_by == date(2026, 11, 23)


def test_ch02_is_measured_against_the_codes_timescale_and_the_report_shows_both_5_1(
    short_policy: None, officer: Any, handler: Any, api_for: Any, make_user: Any
) -> None:
    complaint = factories.log(officer, RECEIVED)
    factories.acknowledge(handler, complaint, date(2026, 11, 4), handler=handler)
    # After the landlord's 13 November, within the Code's 18 November.
    factories.respond(handler, complaint, date(2026, 11, 16), decision="not_upheld")
    report = performance_report(period=Period(date(2026, 11, 1), date(2026, 11, 30)), today=date(2026, 12, 1))
    one = report.stage1
    assert (one.responded_within_timescale, one.responded_within_policy_timescale) == (1, 0)
    assert (one.responded_within_timescale_pct, one.responded_within_policy_timescale_pct) == (
        100.0,
        0.0,
    )
    assert (one.acknowledged_within_timescale, one.acknowledged_within_policy_timescale) == (1, 1)

    body = api_for(officer).get(f"/complaints/{complaint.pk}").json()
    stage = body["stages"][0]
    assert (stage["respond_by"], stage["code_respond_by"]) == ("2026-11-13", "2026-11-18")
    assert body["code_edition"] == "hos-2024"


def test_the_landlord_command_sets_timescales_and_refuses_longer_ones_3_4(db: Any) -> None:
    from io import StringIO

    from django.core.management import CommandError, call_command

    out = StringIO()
    call_command("landlord", "set", "--stage1-respond-days", "8", stdout=out)
    assert "stage1_respond_days: 8" in out.getvalue()
    with pytest.raises(CommandError, match="longer than the Code's 10"):
        call_command("landlord", "set", "--stage1-respond-days", "12", stdout=StringIO())
    assert policy_timescales().stage1_respond == 8
