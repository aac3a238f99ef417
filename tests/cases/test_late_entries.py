"""Late entries (Code 5.12): every dated action keeps the date given and the day it was
recorded; a date before today needs a reason, a future date is refused; the record, the
performance report and QA sampling show them. Through the API and the staff pages."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.utils import timezone

from putright.cases import services
from putright.cases.models import CaseEvent, StageRecord
from putright.core.errors import ActionRefused
from tests.cases.factories import acknowledge, at, log, respond

pytestmark = pytest.mark.django_db
ACK = {
    "definition": "Boiler repair delayed",
    "outcomes_sought": "Repair and apology",
    "responsibility": "The boiler is ours to repair.",
}


def today() -> date:
    return timezone.localdate()


def new_complaint(api, days_ago: int = 10) -> dict:
    received = timezone.now() - timedelta(days=days_ago)
    body = {
        "resident": {"name": "Ada Lovelace", "email": "ada@example.com"},
        "channel": "email",
        "received_at": received.isoformat(),
        "description": "My boiler has not been fixed.",
    }
    response = api.post("/complaints", body)
    assert response.status_code == 201, response.content
    return response.json()


def test_an_acknowledgement_dated_before_today_without_a_reason_is_refused_code_5_12(api_for, officer):
    api = api_for(officer)
    c = new_complaint(api)
    earlier = (today() - timedelta(days=3)).isoformat()
    response = api.post(f"/complaints/{c['id']}/acknowledge", {**ACK, "acknowledged_on": earlier})
    assert response.status_code == 422
    assert response.json()["code_paragraph"] == "5.12"
    assert "late_entry_reason" in response.json()["errors"]
    assert StageRecord.objects.get(complaint_id=c["id"]).acknowledged_on is None


def test_a_late_acknowledgement_keeps_the_date_given_the_day_recorded_and_why_code_5_12(api_for, officer):
    api = api_for(officer)
    c = new_complaint(api)
    earlier = today() - timedelta(days=3)
    response = api.post(
        f"/complaints/{c['id']}/acknowledge",
        {
            **ACK,
            "acknowledged_on": earlier.isoformat(),
            "late_entry_reason": "Sent while the system was down",
        },
    )
    assert response.status_code == 200, response.content
    stage = response.json()["stages"][0]
    assert stage["acknowledged_on"] == earlier.isoformat()
    assert stage["acknowledgement_recorded_on"] == today().isoformat()
    assert stage["acknowledgement_late_entry_reason"] == "Sent while the system was down"
    event = CaseEvent.objects.get(complaint_id=c["id"], action="acknowledged")
    assert event.after["late_entry_reason"] == "Sent while the system was down"
    assert event.after["date_given"] == earlier.isoformat()


def test_an_acknowledgement_on_the_day_is_not_a_late_entry_and_keeps_no_reason_code_5_12(api_for, officer):
    api = api_for(officer)
    c = new_complaint(api)
    response = api.post(
        f"/complaints/{c['id']}/acknowledge",
        {**ACK, "acknowledged_on": today().isoformat(), "late_entry_reason": "Not needed"},
    )
    stage = response.json()["stages"][0]
    assert stage["acknowledgement_recorded_on"] == today().isoformat()
    assert stage["acknowledgement_late_entry_reason"] == ""


def test_a_response_dated_in_the_future_is_refused_beside_its_date_code_5_12(api_for, officer, handler):
    api = api_for(officer)
    c = new_complaint(api)
    api.post(f"/complaints/{c['id']}/acknowledge", {**ACK, "acknowledged_on": today().isoformat()})
    tomorrow = (today() + timedelta(days=1)).isoformat()
    response = api.post(
        f"/complaints/{c['id']}/respond",
        {"responded_on": tomorrow, "decision": "not_upheld", "reasons": "No fault found."},
    )
    assert response.status_code == 422
    assert response.json()["code_paragraph"] == "5.12"
    assert "responded_on" in response.json()["errors"]


def test_a_late_response_carries_both_dates_in_the_stage_object_code_5_12(api_for, officer):
    api = api_for(officer)
    c = new_complaint(api, days_ago=12)
    ack = today() - timedelta(days=10)
    api.post(
        f"/complaints/{c['id']}/acknowledge",
        {**ACK, "acknowledged_on": ack.isoformat(), "late_entry_reason": "From the paper file"},
    )
    sent = today() - timedelta(days=2)
    body = {"responded_on": sent.isoformat(), "decision": "not_upheld", "reasons": "No fault found."}
    assert api.post(f"/complaints/{c['id']}/respond", body).json()["code_paragraph"] == "5.12"
    response = api.post(f"/complaints/{c['id']}/respond", {**body, "late_entry_reason": "Posted on Friday"})
    assert response.status_code == 200, response.content
    stage = response.json()["stages"][0]
    assert (stage["responded_on"], stage["response_recorded_on"]) == (sent.isoformat(), today().isoformat())
    assert stage["response_late_entry_reason"] == "Posted on Friday"


def test_an_escalation_recorded_after_the_day_it_was_asked_for_needs_a_reason_code_5_12(handler, now):
    complaint = log(handler, date(2026, 11, 2))
    complaint = respond(handler, acknowledge(handler, complaint, date(2026, 11, 3)), date(2026, 11, 10))
    asked = at(date(2026, 11, 20))
    with pytest.raises(ActionRefused) as caught:
        services.complaint_escalate(actor=handler, now=now, complaint_id=complaint.pk, requested_at=asked)
    assert (caught.value.code_paragraph, caught.value.field) == ("5.12", "late_entry_reason")
    services.complaint_escalate(
        actor=handler,
        now=now,
        complaint_id=complaint.pk,
        requested_at=asked,
        late_entry_reason="Letter opened late",
    )
    record = StageRecord.objects.get(complaint=complaint, stage=2)
    assert (record.requested_on, record.request_recorded_on) == (date(2026, 11, 20), now.date())
    assert record.request_late_reason == "Letter opened late"


def test_the_performance_report_counts_late_entries_per_stage_code_5_12(api_for, officer, make_user):
    api = api_for(officer)
    late, prompt = new_complaint(api, days_ago=10), new_complaint(api, days_ago=10)
    ack = (today() - timedelta(days=8)).isoformat()
    api.post(
        f"/complaints/{late['id']}/acknowledge",
        {**ACK, "acknowledged_on": ack, "late_entry_reason": "From the paper file"},
    )
    api.post(f"/complaints/{prompt['id']}/acknowledge", {**ACK, "acknowledged_on": today().isoformat()})
    period = {"from": (today() - timedelta(days=30)).isoformat(), "to": today().isoformat()}
    report = api_for(make_user("governance")).get("/reports/performance", **period)
    assert report.status_code == 200, report.content
    stage1 = report.json()["stage1"]
    assert (stage1["acknowledgements_recorded_late"], stage1["recorded_late"]) == (1, 1)
    assert stage1["responses_recorded_late"] == 0
