"""Following through after the response, through the API (Code 5.9, 5.12, 6.6, 6.8, 7.3): the
same services as the staff pages, so the same refusals, each with its paragraph."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from putright.accounts.models import Role
from putright.cases import services
from putright.cases.models import (
    Action,
    ActionUpdate,
    CaseEvent,
    Complaint,
    Remedy,
    Resident,
    UpdateAgreement,
)

pytestmark = pytest.mark.django_db


def days(n):
    return (timezone.localdate() + timedelta(days=n)).isoformat()


def log(api, **resident):
    body = {
        "resident": {"name": "Ada Lovelace", "email": "ada@example.com", **resident},
        "channel": "email",
        "received_at": (timezone.now() - timedelta(hours=2)).isoformat(),
        "description": "My boiler has not been fixed.",
    }
    response = api.post("/complaints", body)
    assert response.status_code == 201, response.content
    return response.json()["id"]


def acknowledge(api, cid):
    ack = {
        "acknowledged_on": days(0),
        "definition": "Boiler repair delayed",
        "outcomes_sought": "Repair and apology",
        "responsibility": "The boiler is ours.",
    }
    assert api.post(f"/complaints/{cid}/acknowledge", ack).status_code == 200


@pytest.fixture
def responded(api_for, officer):
    api = api_for(officer)
    cid = log(api)
    acknowledge(api, cid)
    body = {
        "responded_on": days(0),
        "decision": "upheld",
        "reasons": "The repair was late.",
        "remedies": [{"kind": "financial", "description": "£50", "amount": "50.00", "due_on": days(5)}],
        "outstanding_actions": [{"description": "Fit the new part", "promise_on": days(10)}],
    }
    response = api.post(f"/complaints/{cid}/respond", body)
    assert response.status_code == 200, response.content
    data = response.json()
    return api, cid, data["remedies"][0]["id"], data["outstanding_actions"][0]["id"]


def refused(response, paragraph, field):
    assert response.status_code == 422, response.content
    body = response.json()
    assert body["code_paragraph"] == paragraph and body["detail"]
    assert field in body["errors"]


def test_a_remedy_delivered_through_the_api_is_completed_on_the_record_code_7_3(responded):
    api, cid, remedy_id, _ = responded
    response = api.post(f"/complaints/{cid}/remedies/{remedy_id}/complete", {"completed_on": days(0)})
    assert response.status_code == 200, response.content
    (remedy,) = response.json()["remedies"]
    assert remedy["completed_on"] == remedy["completion_recorded_on"] == days(0)
    assert CaseEvent.objects.filter(complaint_id=cid, action="remedy_completed").count() == 1


def test_a_remedy_completion_dated_before_today_needs_a_late_entry_reason_code_5_12(responded):
    api, cid, remedy_id, _ = responded
    path = f"/complaints/{cid}/remedies/{remedy_id}/complete"
    refused(api.post(path, {"completed_on": days(-1)}), "5.12", "late_entry_reason")
    assert Remedy.objects.get(pk=remedy_id).completed_on is None
    response = api.post(
        path, {"completed_on": days(-1), "late_entry_reason": "Paid by the office last night"}
    )
    assert response.status_code == 200, response.content
    remedy = response.json()["remedies"][0]
    assert (remedy["completed_on"], remedy["completion_recorded_on"]) == (days(-1), days(0))
    assert remedy["completion_late_entry_reason"] == "Paid by the office last night"


def test_a_remedy_completion_in_the_future_is_refused_code_5_12(responded):
    api, cid, remedy_id, _ = responded
    refused(
        api.post(f"/complaints/{cid}/remedies/{remedy_id}/complete", {"completed_on": days(1)}),
        "5.12",
        "completed_on",
    )


def test_a_remedy_completed_twice_or_on_another_complaint_is_refused(responded, api_for, officer):
    api, cid, remedy_id, _ = responded
    path = f"/complaints/{cid}/remedies/{remedy_id}/complete"
    assert api.post(path, {"completed_on": days(0)}).status_code == 200
    again = api.post(path, {"completed_on": days(0)})
    assert again.status_code == 422 and "remedy" in again.json()["errors"]
    other = log(api)
    assert (
        api.post(f"/complaints/{other}/remedies/{remedy_id}/complete", {"completed_on": days(0)}).status_code
        == 404
    )
    bad = api.post(path, {"completed_on": "next tuesday"})
    assert bad.status_code == 422 and "completed_on" in bad.json()["errors"]


def test_moving_a_promise_keeps_the_first_date_and_needs_a_reason_and_the_resident_told_code_6_6(responded):
    api, cid, _, action_id = responded
    path = f"/complaints/{cid}/actions/{action_id}/update"
    update = {"text": "The part is delayed", "given_on": days(0), "new_promise_on": days(20)}
    response = api.post(path, update)
    assert response.status_code == 422, response.content
    assert response.json()["code_paragraph"] == "6.6"
    assert Action.objects.get(pk=action_id).promise_on.isoformat() == days(10)
    told = {**update, "promise_change_reason": "Supplier delay", "resident_told_on": days(0)}
    response = api.post(path, {**told, "resident_told_how": "Phone call"})
    assert response.status_code == 200, response.content
    (action,) = response.json()["outstanding_actions"]
    assert (action["promise_on"], action["first_promise_on"]) == (days(20), days(10))


def test_a_promise_moved_before_the_response_date_is_refused_code_6_6(responded):
    api, cid, _, action_id = responded
    move = {
        "text": "Sooner",
        "given_on": days(0),
        "new_promise_on": days(-2),
        "promise_change_reason": "Typo",
        "resident_told_on": days(0),
    }
    response = api.post(f"/complaints/{cid}/actions/{action_id}/update", move)
    assert response.status_code == 422 and response.json()["code_paragraph"] == "6.6"


def test_an_outstanding_action_completed_through_the_api_is_done_code_6_6(responded):
    api, cid, _, action_id = responded
    done = {"text": "Part fitted", "given_on": days(0), "completed": True}
    response = api.post(f"/complaints/{cid}/actions/{action_id}/update", done)
    assert response.status_code == 200, response.content
    assert response.json()["outstanding_actions"][0]["completed_on"] == days(0)
    assert CaseEvent.objects.filter(complaint_id=cid, action="action_completed").count() == 1


def test_an_action_update_dated_before_today_needs_a_late_entry_reason_code_5_12(responded):
    api, cid, _, action_id = responded
    path = f"/complaints/{cid}/actions/{action_id}/update"
    refused(api.post(path, {"text": "Rang her", "given_on": days(-1)}), "5.12", "late_entry_reason")
    response = api.post(path, {"text": "Rang her", "given_on": days(-1), "late_entry_reason": "Logged late"})
    assert response.status_code == 200, response.content
    update = ActionUpdate.objects.get(action_id=action_id)
    assert (update.given_on.isoformat(), update.recorded_on.isoformat()) == (days(-1), days(0))
    assert api.post(path, {"text": "", "given_on": days(0)}).json()["errors"]["text"]


def test_update_intervals_agreed_before_today_need_a_late_entry_reason_code_5_12(api_for, officer):
    api = api_for(officer)
    cid = log(api)
    acknowledge(api, cid)
    path = f"/complaints/{cid}/agree-updates"
    refused(api.post(path, {"interval_working_days": 5, "agreed_on": days(-1)}), "5.12", "late_entry_reason")
    refused(api.post(path, {"interval_working_days": 5, "agreed_on": days(1)}), "5.12", "agreed_on")
    body = {"interval_working_days": 5, "agreed_on": days(-1), "late_entry_reason": "Agreed on a visit"}
    assert api.post(path, body).status_code == 200
    agreement = UpdateAgreement.objects.get(complaint_id=cid)
    assert (agreement.agreed_on.isoformat(), agreement.recorded_on.isoformat()) == (days(-1), days(0))
    assert agreement.late_entry_reason == "Agreed on a visit"
    assert api.post(path, {"interval_working_days": 0, "agreed_on": days(0)}).status_code == 422


def test_a_new_issue_raised_before_today_needs_a_late_entry_reason_code_5_12(api_for, officer):
    api = api_for(officer)
    cid = log(api)
    acknowledge(api, cid)
    raised = (timezone.now() - timedelta(days=2)).isoformat()
    body = {"description": "The radiator leaks too", "raised_at": raised, "related": True}
    refused(api.post(f"/complaints/{cid}/issues", body), "5.12", "late_entry_reason")
    response = api.post(f"/complaints/{cid}/issues", {**body, "late_entry_reason": "Said on a visit"})
    assert response.status_code == 200, response.content
    assert response.json()["new_complaint"] is None
    assert "radiator" in response.json()["complaint"]["stages"][0]["definition"]


def test_an_unrelated_new_issue_through_the_api_is_a_new_linked_complaint_code_6_8(api_for, officer):
    api = api_for(officer)
    cid = log(api)
    body = {"description": "My neighbour is noisy", "raised_at": timezone.now().isoformat(), "related": False}
    response = api.post(f"/complaints/{cid}/issues", body)
    assert response.status_code == 200, response.content
    new = response.json()["new_complaint"]
    assert new["id"] != cid and new["stage"] == 1


def test_tenure_recorded_through_the_api_applies_to_the_resident(api_for, officer):
    api = api_for(officer)
    cid = log(api)
    response = api.post(f"/complaints/{cid}/tenure", {"tenure": "general_needs"})
    assert response.status_code == 200, response.content
    assert response.json()["resident"]["tenure"] == "general_needs"
    assert CaseEvent.objects.filter(complaint_id=cid, action="tenure_recorded").count() == 1
    unknown = api.post(f"/complaints/{cid}/tenure", {"tenure": "unknown"})
    assert unknown.status_code == 422 and "tenure" in unknown.json()["errors"]
    assert api.post(f"/complaints/{cid}/tenure", {"tenure": "castle"}).status_code == 422
    assert Resident.objects.get(complaints=cid).tenure == "general_needs"


def test_tenure_is_recorded_only_by_the_complaints_officer_or_an_administrator(api_for, officer, make_user):
    cid = log(api_for(officer))
    handler_api = api_for(make_user(Role.HANDLER, "hal"))
    assert handler_api.post(f"/complaints/{cid}/tenure", {"tenure": "general_needs"}).status_code == 403
    assert api_for(officer).post("/complaints/999999/tenure", {"tenure": "general_needs"}).status_code == 404


def test_a_disability_recorded_through_the_api_marks_every_complaint_of_the_resident_5_10(
    api_for, officer, make_user
):
    api = api_for(officer)
    earlier = log(api)
    again = services.NewComplaint(
        channel="phone",
        received_at=timezone.now() - timedelta(hours=1),
        description="The lift is broken",
        resident_id=Complaint.objects.get(pk=earlier).resident_id,
    )
    later = services.complaint_log(actor=officer, now=timezone.now(), data=again).pk
    body = {
        "kind": "disability",
        "description": "Uses a wheelchair",
        "recorded_on": days(0),
        "review_on": days(90),
    }
    response = api.post(f"/complaints/{later}/adjustments", body)
    assert response.status_code == 200, response.content
    assert response.json()["vulnerable"] is True
    assert api.get(f"/complaints/{earlier}").json()["vulnerable"] is True  # the earlier complaint too
    bad = api.post(f"/complaints/{later}/adjustments", {**body, "review_on": days(0)})
    assert bad.status_code == 422 and "review_on" in bad.json()["errors"]
    assert api.post(f"/complaints/{later}/adjustments", {**body, "kind": "mood"}).status_code == 422
    governance = api_for(make_user(Role.GOVERNANCE, "gil"))
    assert governance.post(f"/complaints/{later}/adjustments", body).status_code == 403
