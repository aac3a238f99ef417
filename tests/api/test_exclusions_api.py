"""Refusals, reopening, refused escalations and withdrawals through the API (Code 2.1-2.4, 5.11, 5.12, 6.11)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.utils import timezone

from putright.cases.models import CaseEvent, Refusal
from putright.letters.models import Letter
from putright.rules.calendar import calendar_for

pytestmark = pytest.mark.django_db

OLD = {
    "resident": {"name": "Ada Lovelace", "email": "ada@example.com"},
    "channel": "email",
    "received_at": "2026-11-02T09:00:00+00:00",
    "description": "The fence was left broken in May 2023.",
    "issue_occurred_on": "2023-05-10",
}
# These cases are dated in the past, so each dated action is a late entry and says why (5.12).
LATE = {"late_entry_reason": "Entered from the paper file"}
ACK = {"definition": "Fence", "outcomes_sought": "Repair", "responsibility": "Ours", **LATE}


@pytest.fixture
def api(api_for, officer):
    return api_for(officer)


def create(api, **changes):
    response = api.post("/complaints", {**OLD, **changes})
    assert response.status_code == 201, response.content
    return response.json()


def refused_422(response, paragraph):
    assert response.status_code == 422, response.content
    assert response.json()["code_paragraph"] == paragraph
    return response.json()["detail"]


def test_refusing_as_over_12_months_needs_the_date_the_resident_became_aware_2_3(api):
    c = create(api)
    detail = refused_422(
        api.post(
            f"/complaints/{c['id']}/refuse",
            {"reason": "over_12_months", "explanation": "Too old", "discretion": "No good reason"},
        ),
        "2.3",
    )
    assert "became aware" in detail
    assert not Refusal.objects.exists()


def test_refusing_as_over_12_months_needs_discretion_to_be_considered_2_3(api):
    c = create(api)
    detail = refused_422(
        api.post(
            f"/complaints/{c['id']}/refuse",
            {"reason": "over_12_months", "explanation": "Too old", "aware_on": "2023-05-10"},
        ),
        "2.3",
    )
    assert "discretion" in detail
    assert not Refusal.objects.exists()


def test_an_awareness_date_within_12_months_forbids_the_refusal_2_3(api):
    c = create(api)
    refused_422(
        api.post(
            f"/complaints/{c['id']}/refuse",
            {
                "reason": "over_12_months",
                "explanation": "Too old",
                "aware_on": "2026-01-05",
                "discretion": "No good reason",
            },
        ),
        "2.3",
    )


def test_refusing_as_over_12_months_with_awareness_and_discretion_is_recorded_2_3(api):
    c = create(api)
    response = api.post(
        f"/complaints/{c['id']}/refuse",
        {
            "reason": "over_12_months",
            "explanation": "This happened in May 2023.",
            "aware_on": "2023-05-12",
            "discretion": "We considered whether there were good reasons for the delay; none were given.",
        },
    )
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["status"] == "refused" and body["aware_on"] == "2023-05-12"
    assert body["refusals"][0]["reason"] == "over_12_months"
    assert Refusal.objects.get().discretion.startswith("We considered")


@pytest.mark.parametrize("reason", ["legal_proceedings", "previously_considered"])
def test_legal_proceedings_and_previously_considered_refusals_need_evidence_2_1(api, reason):
    c = create(api, issue_occurred_on="2026-10-01")
    refused_422(
        api.post(f"/complaints/{c['id']}/refuse", {"reason": reason, "explanation": "Not for complaints"}),
        "2.1",
    )
    ok = api.post(
        f"/complaints/{c['id']}/refuse",
        {"reason": reason, "explanation": "Not for complaints", "evidence": "Claim K0AB1234"},
    )
    assert ok.status_code == 200, ok.content


def _refuse(api, c):
    response = api.post(
        f"/complaints/{c['id']}/refuse",
        {"reason": "legal_proceedings", "explanation": "At court", "evidence": "Claim K0AB1234"},
    )
    assert response.status_code == 200, response.content
    return response.json()


def test_a_refused_complaint_reopens_at_stage_1_from_the_reopening_and_keeps_the_refusal_2_4(api):
    c = create(api, issue_occurred_on="2026-10-01")
    _refuse(api, c)
    # Not before the refusal (which is dated today): an hour ago is yesterday just after midnight.
    reopened_at = timezone.now()
    response = api.post(
        f"/complaints/{c['id']}/reopen",
        {
            "reason": "The Ombudsman said the exclusion was not fairly applied",
            "reopened_at": reopened_at.isoformat(),
        },
    )
    assert response.status_code == 200, response.content
    body = response.json()
    reopened_on = timezone.localtime(reopened_at).date()
    expected = calendar_for("england-and-wales").add_working_days(reopened_on, 5)
    assert (body["status"], body["stage"]) == ("received", 1)
    assert body["stages"][0]["acknowledge_by"] == expected.isoformat()
    assert body["received_on"] == "2026-11-02"  # counted once, in the period first received
    (refusal,) = body["refusals"]
    assert refusal["reopened_on"] == reopened_on.isoformat() and refusal["reason"] == "legal_proceedings"
    assert CaseEvent.objects.filter(complaint_id=c["id"], action="reopened").count() == 1
    ack = api.post(f"/complaints/{c['id']}/acknowledge", {**ACK, "acknowledged_on": reopened_on.isoformat()})
    assert ack.status_code == 200, ack.content


def test_only_a_refused_complaint_can_be_reopened_2_4(api):
    c = create(api, issue_occurred_on="2026-10-01")
    refused_422(
        api.post(
            f"/complaints/{c['id']}/reopen",
            {"reason": "Changed our mind", "reopened_at": timezone.now().isoformat()},
        ),
        "2.4",
    )


def test_a_reopening_needs_a_reason_and_a_time(api):
    c = create(api, issue_occurred_on="2026-10-01")
    _refuse(api, c)
    response = api.post(f"/complaints/{c['id']}/reopen", {"reason": ""})
    assert response.status_code == 422
    assert {"reason", "reopened_at"} <= set(response.json()["errors"])


def _responded(api, c, handler):
    p = f"/complaints/{c['id']}"
    assert (
        api.post(
            f"{p}/acknowledge", {**ACK, "acknowledged_on": "2026-11-03", "handler": handler.username}
        ).status_code
        == 200
    )
    r = api.post(
        f"{p}/respond", {"responded_on": "2026-11-10", "decision": "not_upheld", "reasons": "x", **LATE}
    )
    assert r.status_code == 200, r.content


def test_a_refused_escalation_keeps_the_date_stage_2_was_asked_for_5_11(api, handler):
    c = create(api, issue_occurred_on="2026-10-01")
    _responded(api, c, handler)
    response = api.post(
        f"/complaints/{c['id']}/refuse-escalation",
        {
            "requested_at": "2026-11-12T10:00:00+00:00",
            "reason": "legal_proceedings",
            "explanation": "A claim is now at court.",
            "evidence": "Claim K0AB1234",
        },
    )
    assert response.status_code == 200, response.content
    (refusal,) = response.json()["refusals"]
    assert refusal["requested_on"] == "2026-11-12"
    assert refusal["acknowledge_by"] == "2026-11-19"
    # Refused today, weeks after the request: later than the 5 working days a stage 2
    # acknowledgement has, so it is late (6.11).
    assert refusal["late"] is True


def test_a_refused_escalation_needs_the_date_it_was_asked_for_5_11(api, handler):
    c = create(api, issue_occurred_on="2026-10-01")
    _responded(api, c, handler)
    response = api.post(
        f"/complaints/{c['id']}/refuse-escalation", {"reason": "other", "explanation": "Not ours"}
    )
    assert response.status_code == 422 and "requested_at" in response.json()["errors"]


def test_a_withdrawal_needs_how_and_why_and_is_confirmed_by_letter_5_12(api):
    c = create(api, issue_occurred_on="2026-10-01")
    response = api.post(f"/complaints/{c['id']}/withdraw", {"note": ""})
    assert response.status_code == 422
    assert {"channel", "note"} <= set(response.json()["errors"])
    response = api.post(
        f"/complaints/{c['id']}/withdraw", {"channel": "phone", "note": "The fence has been mended"}
    )
    assert response.status_code == 200, response.content
    withdrawal = response.json()["withdrawal"]
    assert withdrawal["channel"] == "phone" and withdrawal["note"] == "The fence has been mended"
    # Received 2 November and never acknowledged: the 5 working days had passed (6.2).
    assert withdrawal["after_deadline"] is True
    letter = Letter.objects.get(complaint_id=c["id"], kind="withdrawal")
    assert "The fence has been mended" in letter.body_html


def test_a_withdrawal_before_any_deadline_is_not_counted_as_after_one_5_12(api):
    today = timezone.localdate()
    c = create(
        api, received_at=timezone.now().isoformat(), issue_occurred_on=(today - timedelta(days=3)).isoformat()
    )
    response = api.post(f"/complaints/{c['id']}/withdraw", {"channel": "email", "note": "Sorted"})
    assert response.json()["withdrawal"]["after_deadline"] is False


def test_withdrawals_and_those_after_a_deadline_are_counted_in_the_performance_report(api):
    late = create(api, issue_occurred_on="2026-10-01")
    api.post(f"/complaints/{late['id']}/withdraw", {"channel": "phone", "note": "Mended"})
    fresh = create(api, received_at=timezone.now().isoformat(), issue_occurred_on=None)
    api.post(f"/complaints/{fresh['id']}/withdraw", {"channel": "email", "note": "Sorted"})
    today = timezone.localdate()
    report = api.get(f"/reports/performance?from={date(today.year, 1, 1)}&to={today}").json()
    assert report["withdrawn"]["total"] == 2
    assert report["withdrawn"]["after_deadline"] == 1
    assert report["withdrawn"]["by_stage"]["1"] == {"count": 2, "after_deadline": 1}
