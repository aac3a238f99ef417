"""Issue 14 items 1 and 3 through the API: extensions in time, and nothing counted until the resident is told.

Code 6.4 / 6.15 (extensions agreed on or before the deadline, good reason written down), 5.7
(responsibility at acknowledgement), 6.9(e) / 6.19(e) (a remedy or why none), 5.12 (a letter
sent outside putright is recorded).
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from putright.cases.models import StageRecord
from putright.landlord.models import LandlordSettings
from putright.letters.models import Letter

pytestmark = pytest.mark.django_db

NEW = {
    "resident": {"name": "Ada Lovelace", "email": "ada@example.com", "tenancy_reference": "T1"},
    "channel": "email",
    "received_at": "2025-06-02T09:00:00+01:00",
    "description": "My boiler has not been fixed.",
    "issue_occurred_on": "2025-05-20",
}
# These cases are dated in the past, so each dated action is a late entry and says why (5.12).
LATE = {"late_entry_reason": "Entered from the paper file"}
ACK = {
    "acknowledged_on": "2025-06-02",
    "definition": "Boiler repair delayed",
    "outcomes_sought": "Repair and apology",
    "responsibility": "We are responsible for the boiler; the gas supply is the supplier's.",
    **LATE,
}
NOT_UPHELD = {"decision": "not_upheld", "reasons": "The repair was on time.", **LATE}


@pytest.fixture
def api(api_for, handler):
    return api_for(handler)


def acknowledged(api: Any, **ack: Any) -> str:
    complaint = api.post("/complaints", NEW).json()
    path = f"/complaints/{complaint['id']}"
    response = api.post(f"{path}/acknowledge", {**ACK, **ack})
    assert response.status_code == 200, response.content
    assert response.json()["stages"][0]["respond_by"] == "2025-06-16"
    return path


def refused(response: Any, paragraph: str) -> dict[str, Any]:
    assert response.status_code == 422, response.content
    body = response.json()
    assert body["code_paragraph"] == paragraph
    return body


def test_an_extension_notified_after_the_response_date_is_refused_and_the_response_counts_late_6_4(
    api, officer, api_for
):
    path = acknowledged(api)
    late = api.post(
        f"{path}/extend",
        {"working_days": 10, "reason": "Waiting for a part", "notified_on": "2025-06-25", **LATE},
    )
    assert "16 June 2025" in refused(late, "6.4")["detail"]
    assert api.get(path).json()["stages"][0]["extensions"] == []
    assert api.post(f"{path}/respond", {"responded_on": "2025-06-27", **NOT_UPHELD}).status_code == 200
    report = api_for(officer).get("/reports/performance?from=2025-06-01&to=2025-06-30").json()
    assert report["stage1"]["responded"] == 1
    assert report["stage1"]["responded_late"] == 1
    assert report["stage1"]["responded_within_timescale"] == 0


def test_an_extension_notified_on_the_response_date_is_allowed_6_4(api):
    path = acknowledged(api)
    ok = api.post(
        f"{path}/extend",
        {"working_days": 5, "reason": "Waiting for a part", "notified_on": "2025-06-16", **LATE},
    )
    assert ok.status_code == 200, ok.content
    assert ok.json()["stages"][0]["respond_by"] == "2025-06-23"


def test_an_extension_dated_in_the_future_is_refused_6_4(api):
    today = timezone.localdate()
    received = {**NEW, "received_at": timezone.now().isoformat(), "issue_occurred_on": None}
    complaint = api.post("/complaints", received).json()
    path = f"/complaints/{complaint['id']}"
    assert api.post(f"{path}/acknowledge", {**ACK, "acknowledged_on": today.isoformat()}).status_code == 200
    tomorrow = (today + timedelta(days=1)).isoformat()
    future = api.post(f"{path}/extend", {"working_days": 5, "reason": "Waiting", "notified_on": tomorrow})
    assert "has not come yet" in refused(future, "6.4")["detail"]


def test_a_second_extension_is_measured_against_the_deadline_the_first_set_6_4(api):
    path = acknowledged(api)
    first = api.post(
        f"{path}/extend", {"working_days": 5, "reason": "Waiting", "notified_on": "2025-06-10", **LATE}
    )
    assert first.json()["stages"][0]["respond_by"] == "2025-06-23"
    # 20 June is after the original 16 June but before the 23 June now in force.
    second = api.post(
        f"{path}/extend", {"working_days": 5, "reason": "Still waiting", "notified_on": "2025-06-20", **LATE}
    )
    assert second.status_code == 200, second.content
    third = api.post(
        f"{path}/extend",
        {"working_days": 1, "reason": "Again", "notified_on": "2025-07-01", **LATE, "good_reason": True},
    )
    refused(third, "6.4")


def test_an_extension_at_stage_two_after_its_deadline_is_refused_6_15(api_for, handler, reviewer, officer):
    api = api_for(handler)
    path = acknowledged(api)
    assert api.post(f"{path}/respond", {"responded_on": "2025-06-10", **NOT_UPHELD}).status_code == 200
    officer_api = api_for(officer)
    escalated = officer_api.post(f"{path}/escalate", {"requested_at": "2025-06-12T10:00:00+01:00", **LATE})
    assert escalated.status_code == 200, escalated.content
    second = api_for(reviewer)
    ack = second.post(f"{path}/acknowledge", {**ACK, "acknowledged_on": "2025-06-13"})
    assert ack.status_code == 200, ack.content
    due = ack.json()["stages"][1]["respond_by"]
    assert due == "2025-07-11"
    late = second.post(
        f"{path}/extend", {"working_days": 5, "reason": "Waiting", "notified_on": "2025-07-14", **LATE}
    )
    refused(late, "6.15")


def test_passing_the_cap_with_good_reason_needs_a_written_explanation_6_4(api):
    path = acknowledged(api)
    body = {
        "working_days": 15,
        "reason": "A survey is needed",
        "good_reason": True,
        "notified_on": "2025-06-05",
        **LATE,
    }
    missing = refused(api.post(f"{path}/extend", body), "6.4")
    assert "good reason" in missing["detail"]
    explanation = "The whole block must be surveyed for damp, which takes three weeks."
    ok = api.post(f"{path}/extend", {**body, "good_reason_explanation": explanation})
    assert ok.status_code == 200, ok.content
    (extension,) = ok.json()["stages"][0]["extensions"]
    assert extension["good_reason_explanation"] == explanation


def test_the_extension_notice_tells_the_resident_the_good_reason_6_4(api):
    path = acknowledged(api)
    explanation = "An engineer must inspect the flue before we can answer."
    body = {
        "working_days": 12,
        "reason": "A survey is needed",
        "good_reason": True,
        "good_reason_explanation": explanation,
        "notified_on": "2025-06-05",
        **LATE,
    }
    assert api.post(f"{path}/extend", body).status_code == 200
    notice = Letter.objects.get(kind="extension_notice")
    assert notice.content["good_reason_explanation"] == explanation
    assert explanation in notice.body_html


def test_an_extension_whose_notice_would_lack_the_ombudsman_details_is_refused_6_5(api):
    path = acknowledged(api)
    settings = LandlordSettings.current()
    settings.ombudsman_details = ""
    settings.save()
    response = api.post(
        f"{path}/extend", {"working_days": 5, "reason": "Waiting", "notified_on": "2025-06-05", **LATE}
    )
    refused(response, "6.5")
    assert api.get(path).json()["stages"][0]["extensions"] == []


def test_an_acknowledgement_without_responsibility_is_refused_5_7(api):
    complaint = api.post("/complaints", NEW).json()
    path = f"/complaints/{complaint['id']}"
    body = refused(api.post(f"{path}/acknowledge", {**ACK, "responsibility": "  "}), "5.7")
    assert "responsible" in body["detail"]
    assert api.get(path).json()["status"] == "received"


def test_an_upheld_response_without_a_remedy_or_a_reason_is_refused_6_9(api):
    path = acknowledged(api)
    body = {"responded_on": "2025-06-10", "decision": "upheld", "reasons": "The repair was late.", **LATE}
    refused(api.post(f"{path}/respond", body), "6.9")
    refused(api.post(f"{path}/respond", {**body, "decision": "partly_upheld"}), "6.9")
    assert api.get(path).json()["stages"][0]["responded_on"] is None
    reason = "The boiler was replaced the next day and the resident asked for nothing more"
    ok = api.post(f"{path}/respond", {**body, "no_remedy_reason": reason})
    assert ok.status_code == 200, ok.content
    assert ok.json()["stages"][0]["no_remedy_reason"] == reason
    letter = Letter.objects.get(kind="stage1_response")
    assert reason in letter.body_html


def test_an_upheld_stage_two_response_without_a_remedy_or_a_reason_is_refused_6_19(
    api_for, handler, reviewer, officer
):
    api = api_for(handler)
    path = acknowledged(api)
    api.post(f"{path}/respond", {"responded_on": "2025-06-10", **NOT_UPHELD})
    api_for(officer).post(f"{path}/escalate", {"requested_at": "2025-06-12T10:00:00+01:00", **LATE})
    second = api_for(reviewer)
    second.post(f"{path}/acknowledge", {**ACK, "acknowledged_on": "2025-06-13"})
    body = {"responded_on": "2025-06-20", "decision": "upheld", "reasons": "Stage 1 got it wrong.", **LATE}
    refused(second.post(f"{path}/respond", body), "6.19")


def test_a_response_sent_outside_putright_is_recorded_with_how_it_was_sent_5_12(api):
    path = acknowledged(api)
    body = {"responded_on": "2025-06-10", **NOT_UPHELD, "sent_outside": True}
    refused(api.post(f"{path}/respond", body), "5.12")
    note = "Handed to the resident at the door on 10 June 2025; copy on file."
    ok = api.post(f"{path}/respond", {**body, "sent_outside_note": note})
    assert ok.status_code == 200, ok.content
    assert ok.json()["stages"][0]["response_sent_outside"] == note
    assert not Letter.objects.filter(kind="stage1_response").exists()
    events = api.get(f"{path}/events").json()
    assert events[-1]["after"]["sent_outside"] == note


def test_an_acknowledgement_sent_outside_putright_is_recorded_5_6(api):
    complaint = api.post("/complaints", NEW).json()
    path = f"/complaints/{complaint['id']}"
    note = "Posted first class on 2 June 2025."
    ok = api.post(f"{path}/acknowledge", {**ACK, "sent_outside": True, "sent_outside_note": note})
    assert ok.status_code == 200, ok.content
    assert StageRecord.objects.get(stage=1).acknowledgement_sent_outside == note
    assert not Letter.objects.filter(kind="acknowledgement").exists()
