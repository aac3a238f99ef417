"""The HTTP API contract (docs/api.md): paths, fields, status codes, Code rules as 422."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from putright.accounts.models import Role
from putright.cases.models import Complaint

pytestmark = pytest.mark.django_db

NEW = {
    "resident": {"name": "Ada Lovelace", "email": "ada@example.com", "tenancy_reference": "T1"},
    "channel": "email",
    "received_at": "2025-12-19T09:00:00+00:00",
    "description": "My boiler has not been fixed.",
    "issue_occurred_on": "2025-12-01",
}
# These cases are dated in the past, so each dated action is a late entry and says why (5.12).
LATE = {"late_entry_reason": "Entered from the paper file"}
ACK = {
    "definition": "Boiler repair delayed",
    "outcomes_sought": "Repair and apology",
    "responsibility": "We are responsible for the boiler.",
    **LATE,
}


@pytest.fixture
def api(api_for, officer):
    return api_for(officer)


def create(api, **changes):
    response = api.post("/complaints", {**NEW, **changes})
    assert response.status_code == 201, response.content
    return response.json()


def test_creating_a_complaint_answers_201_with_the_contract_fields(api):
    body = create(api)
    assert body["reference"].startswith("CMP-")
    assert (body["stage"], body["status"], body["received_on"]) == (1, "received", "2025-12-19")
    (stage,) = body["stages"]
    assert stage["acknowledge_by"] == "2025-12-30"
    assert stage["respond_by"] is None and stage["extensions"] == []


def test_received_on_is_the_date_in_england(api):
    body = create(api, received_at="2026-07-02T23:30:00+00:00", issue_occurred_on=None)
    assert body["received_on"] == "2026-07-03"


def test_a_retried_create_with_the_same_idempotency_key_makes_one_complaint(api):
    first = api.post("/complaints", NEW, **{"Idempotency-Key": "abc-123"})
    second = api.post("/complaints", NEW, **{"Idempotency-Key": "abc-123"})
    assert first.status_code == second.status_code == 201
    assert first.json()["id"] == second.json()["id"]
    assert Complaint.objects.count() == 1


def test_the_whole_lifecycle_through_the_api(api_for, handler, reviewer, officer):
    api = api_for(officer)
    c = create(api)
    path = f"/complaints/{c['id']}"
    r = api.post(f"{path}/acknowledge", {**ACK, "acknowledged_on": "2025-12-19", "handler": handler.username})
    assert r.status_code == 200 and r.json()["stages"][0]["respond_by"] == "2026-01-07"
    r = api.post(
        f"{path}/extend",
        {**LATE, "working_days": 5, "reason": "Waiting for a part", "notified_on": "2025-12-22"},
    )
    assert r.json()["stages"][0]["extensions"] == [
        {
            "working_days": 5,
            "reason": "Waiting for a part",
            "good_reason": False,
            "good_reason_explanation": "",
            "notified_on": "2025-12-22",
            "recorded_on": r.json()["stages"][0]["extensions"][0]["recorded_on"],
            "late_entry_reason": "Entered from the paper file",
            "new_respond_by": "2026-01-14",
        }
    ]
    r = api.post(
        f"{path}/respond",
        {
            **LATE,
            "responded_on": "2026-01-09",
            "decision": "partly_upheld",
            "reasons": "The part was late.",
            "remedies": [
                {
                    "kind": "financial",
                    "description": "Compensation",
                    "amount": "75.00",
                    "due_on": "2026-01-23",
                }
            ],
            "outstanding_actions": [{"description": "Fit the part", "promise_on": "2026-01-21"}],
        },
    )
    assert r.status_code == 200 and r.json()["status"] == "responded"
    assert r.json()["remedies"][0]["amount"] == "75.00"
    r = api.post(f"{path}/escalate", {**LATE, "requested_at": "2026-01-12T10:00:00+00:00"})
    assert (r.json()["stage"], r.json()["stages"][1]["acknowledge_by"]) == (2, "2026-01-19")
    r = api.post(f"{path}/assign", {"handler": reviewer.username})
    assert r.json()["handler"] == reviewer.username
    # Stage 2 is someone who did not act at stage 1 (Code 6.13).
    second = api_for(reviewer)
    r = second.post(f"{path}/acknowledge", {**ACK, "acknowledged_on": "2026-01-13"})
    assert r.json()["stages"][1]["respond_by"] == "2026-02-10"
    r = second.post(
        f"{path}/respond",
        {
            **LATE,
            "responded_on": "2026-02-02",
            "decision": "upheld",
            "reasons": "We got it wrong.",
            "no_remedy_reason": "The stage 1 remedy already puts it right.",
        },
    )
    assert r.status_code == 200
    r = api.post(f"{path}/close", {})
    assert (r.status_code, r.json()["code_paragraph"]) == (422, "6.6")  # the remedy and action are open
    r = api.post(f"{path}/close", {"confirm_open_work": True})
    assert r.json()["status"] == "closed"
    events = api.get(f"{path}/events").json()
    assert [e["action"] for e in events] == [
        "logged",
        "acknowledged",
        "extended",
        "responded",
        "escalated",
        "assigned",
        "acknowledged",
        "responded",
        "closed",
    ]


def code_rule(response, paragraph):
    assert response.status_code == 422, response.content
    assert response.json()["code_paragraph"] == paragraph


def test_api_refuses_responding_before_acknowledging_code_6_3(api):
    c = create(api)
    code_rule(
        api.post(
            f"/complaints/{c['id']}/respond",
            {**LATE, "responded_on": "2025-12-22", "decision": "upheld", "reasons": "x"},
        ),
        "6.3",
    )


def test_api_refuses_an_extension_over_the_cap_without_good_reason_code_6_4(api):
    c = create(api)
    api.post(f"/complaints/{c['id']}/acknowledge", {**ACK, "acknowledged_on": "2025-12-19"})
    told = {"notified_on": "2025-12-22", **LATE}
    assert (
        api.post(f"/complaints/{c['id']}/extend", {"working_days": 8, "reason": "a", **told}).status_code
        == 200
    )
    code_rule(api.post(f"/complaints/{c['id']}/extend", {"working_days": 3, "reason": "b", **told}), "6.4")
    good = {"working_days": 3, "reason": "b", "good_reason": True, **told}
    assert (
        api.post(
            f"/complaints/{c['id']}/extend",
            {**good, "good_reason_explanation": "A specialist survey is needed"},
        ).status_code
        == 200
    )


def test_api_refuses_the_stage_one_handler_at_stage_two_code_6_13(api, handler):
    c = create(api)
    p = f"/complaints/{c['id']}"
    api.post(f"{p}/acknowledge", {**ACK, "acknowledged_on": "2025-12-19", "handler": handler.username})
    api.post(f"{p}/respond", {**LATE, "responded_on": "2025-12-30", "decision": "not_upheld", "reasons": "x"})
    api.post(f"{p}/escalate", {**LATE, "requested_at": "2025-12-31T09:00:00+00:00"})
    code_rule(api.post(f"{p}/assign", {"handler": handler.username}), "6.13")


def test_api_refuses_a_third_stage_code_5_3(api, api_for, handler, reviewer):
    c = create(api)
    p = f"/complaints/{c['id']}"
    answer = {"decision": "not_upheld", "reasons": "x"}
    api.post(f"{p}/acknowledge", {**ACK, "acknowledged_on": "2025-12-19", "handler": handler.username})
    api.post(f"{p}/respond", {**LATE, "responded_on": "2025-12-30", **answer})
    api.post(f"{p}/escalate", {**LATE, "requested_at": "2025-12-31T09:00:00+00:00"})
    second = api_for(reviewer)
    assert second.post(f"{p}/acknowledge", {**ACK, "acknowledged_on": "2025-12-31"}).status_code == 200
    assert second.post(f"{p}/respond", {**LATE, "responded_on": "2026-01-05", **answer}).status_code == 200
    code_rule(api.post(f"{p}/escalate", {**LATE, "requested_at": "2026-01-06T09:00:00+00:00"}), "5.3")


def test_api_refuses_to_refuse_as_out_of_time_within_twelve_months_code_2_3(api):
    c = create(api)
    code_rule(
        api.post(
            f"/complaints/{c['id']}/refuse",
            {
                "reason": "over_12_months",
                "explanation": "Old",
                "aware_when_occurred": True,
                "discretion": "No good reason for the delay",
            },
        ),
        "2.3",
    )


def test_invalid_fields_answer_422_with_field_errors(api):
    response = api.post(
        "/complaints", {**NEW, "resident": {"name": ""}, "channel": "pigeon", "received_at": "yesterday"}
    )
    assert response.status_code == 422
    errors = response.json()["errors"]
    assert {"resident.name", "channel", "received_at"} <= set(errors)


def test_a_time_without_offset_or_in_the_future_is_refused_with_a_field_error(api):
    assert (
        "received_at"
        in api.post("/complaints", {**NEW, "received_at": "2025-12-19T09:00:00"}).json()["errors"]
    )
    assert (
        "received_at"
        in api.post("/complaints", {**NEW, "received_at": "2099-01-01T09:00:00+00:00"}).json()["errors"]
    )


def test_a_time_of_receipt_before_the_working_day_calendar_is_a_field_error_not_a_500(api):
    # 1 January 2000 at 00:00 in Moscow is 31 December 1999 in England: before the calendar
    # the deadlines are counted on (found by the OpenAPI fuzz test).
    answer = api.post("/complaints", {**NEW, "received_at": "2000-01-01T00:00:00+03:00"})
    assert answer.status_code == 422
    assert "2000 or later" in answer.json()["errors"]["received_at"][0]


def test_no_or_bad_token_answers_401(client):
    assert client.get("/api/v1/complaints").status_code == 401
    assert client.get("/api/v1/complaints", HTTP_AUTHORIZATION="Bearer nope").status_code == 401


def test_an_unknown_complaint_answers_404(api):
    assert api.get("/complaints/999999").status_code == 404
    assert api.post("/complaints/999999/close", {}).status_code == 404


def test_the_governance_role_cannot_work_on_individual_complaints_403(api_for, make_user, api):
    c = create(api)
    governance = api_for(make_user(Role.GOVERNANCE))
    assert governance.get("/complaints").status_code == 403
    assert governance.get(f"/complaints/{c['id']}").status_code == 403
    assert governance.post("/complaints", NEW).status_code == 403


def test_a_stale_version_answers_409(api):
    c = create(api)
    p = f"/complaints/{c['id']}"
    api.post(f"{p}/acknowledge", {**ACK, "acknowledged_on": "2025-12-19"})
    stale = {"working_days": 2, "reason": "x", "notified_on": "2025-12-22", "version": c["version"], **LATE}
    response = api.post(f"{p}/extend", stale)
    assert response.status_code == 409


def test_the_list_filters_by_stage_status_and_overdue(api):
    old = create(api, received_at="2025-10-01T09:00:00+00:00", issue_occurred_on=None)
    create(api, received_at=(timezone.now() - timedelta(hours=1)).isoformat(), issue_occurred_on=None)
    overdue = api.get("/complaints", overdue="true").json()["items"]
    assert [c["id"] for c in overdue] == [old["id"]]
    assert len(api.get("/complaints", stage=1, status="received").json()["items"]) == 2
    assert api.get("/complaints", stage=2).json()["items"] == []


def test_listing_fifty_complaints_takes_as_many_queries_as_listing_five(api, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count_queries():
        with CaptureQueriesContext(connection) as ctx:
            assert api.get("/complaints", page_size=100).status_code == 200
        return len(ctx.captured_queries)

    for _ in range(5):
        create(api)
    five = count_queries()
    for _ in range(45):
        create(api)
    assert count_queries() == five
    with django_assert_max_num_queries(12):
        api.get("/complaints", page_size=100)


def test_a_misspelt_filter_is_refused_rather_than_returning_everything(api):
    response = api.get("/complaints", stauts="closed")
    assert response.status_code == 422 and "stauts" in response.json()["errors"]
