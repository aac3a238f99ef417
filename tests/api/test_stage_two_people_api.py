"""Code 6.13 through the API: nobody who acted at stage 1 acts at, or handles, stage 2.

"Acted" is acknowledged, extended or responded at stage 1, or was ever its handler; the check
runs on every stage 2 acknowledgement, extension, response and assignment.
"""

from __future__ import annotations

from typing import Any

import pytest

from putright.accounts.models import Role

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
    "definition": "Boiler repair delayed",
    "outcomes_sought": "Repair and apology",
    "responsibility": "We are responsible for the boiler.",
    **LATE,
}
NOT_UPHELD = {"decision": "not_upheld", "reasons": "The repair was on time.", **LATE}
ESCALATE = {"requested_at": "2025-06-12T10:00:00+01:00", **LATE}


def stage_one(api: Any, **ack: Any) -> str:
    """A complaint acknowledged and answered at stage 1 by `api`'s user, then escalated."""
    path = f"/complaints/{api.post('/complaints', NEW).json()['id']}"
    assert api.post(f"{path}/acknowledge", {**ACK, "acknowledged_on": "2025-06-02", **ack}).status_code == 200
    assert api.post(f"{path}/respond", {"responded_on": "2025-06-10", **NOT_UPHELD}).status_code == 200
    return path


def refused_6_13(response: Any) -> None:
    assert response.status_code == 422, response.content
    assert response.json()["code_paragraph"] == "6.13"


def test_the_stage_one_handler_cannot_acknowledge_stage_two_while_someone_else_is_assigned_6_13(
    api_for, handler, reviewer, officer
):
    path = stage_one(api_for(handler))
    boss = api_for(officer)
    assert boss.post(f"{path}/escalate", ESCALATE).status_code == 200
    assert boss.post(f"{path}/assign", {"handler": reviewer.username}).status_code == 200
    refused_6_13(api_for(handler).post(f"{path}/acknowledge", {**ACK, "acknowledged_on": "2025-06-13"}))
    assert (
        api_for(reviewer).post(f"{path}/acknowledge", {**ACK, "acknowledged_on": "2025-06-13"}).status_code
        == 200
    )


def test_the_stage_one_handler_cannot_extend_or_respond_at_stage_two_6_13(
    api_for, handler, reviewer, officer
):
    path = stage_one(api_for(handler))
    api_for(officer).post(f"{path}/escalate", ESCALATE)
    second = api_for(reviewer)
    assert second.post(f"{path}/acknowledge", {**ACK, "acknowledged_on": "2025-06-13"}).status_code == 200
    first = api_for(handler)
    refused_6_13(
        first.post(
            f"{path}/extend", {"working_days": 5, "reason": "Waiting", "notified_on": "2025-06-20", **LATE}
        )
    )
    refused_6_13(first.post(f"{path}/respond", {"responded_on": "2025-06-20", **NOT_UPHELD}))
    assert second.post(f"{path}/respond", {"responded_on": "2025-06-20", **NOT_UPHELD}).status_code == 200


def test_reassigning_stage_one_after_its_response_does_not_clear_its_handler_for_stage_two_6_13(
    api_for, handler, reviewer, officer, make_user
):
    path = stage_one(api_for(handler))
    boss = api_for(officer)
    other = make_user(Role.HANDLER, "harry")
    # Moving stage 1 to someone else after the response must not make its handler eligible.
    assert boss.post(f"{path}/assign", {"handler": other.username}).status_code == 200
    assert boss.post(f"{path}/escalate", ESCALATE).status_code == 200
    refused_6_13(boss.post(f"{path}/assign", {"handler": handler.username}))
    refused_6_13(boss.post(f"{path}/assign", {"handler": other.username}))
    assert boss.post(f"{path}/assign", {"handler": reviewer.username}).status_code == 200


def test_an_administrator_who_acknowledged_stage_one_without_a_handler_cannot_take_stage_two_6_13(
    api_for, handler, reviewer, officer, make_user
):
    admin = make_user(Role.ADMINISTRATOR, "ada_admin")
    path = f"/complaints/{api_for(officer).post('/complaints', NEW).json()['id']}"
    ack = api_for(admin).post(f"{path}/acknowledge", {**ACK, "acknowledged_on": "2025-06-02"})
    assert ack.status_code == 200 and ack.json()["stages"][0]["handler"] is None
    assert (
        api_for(handler).post(f"{path}/respond", {"responded_on": "2025-06-10", **NOT_UPHELD}).status_code
        == 200
    )
    api_for(officer).post(f"{path}/escalate", ESCALATE)
    refused_6_13(
        api_for(admin).post(
            f"{path}/acknowledge", {**ACK, "acknowledged_on": "2025-06-13", "handler": reviewer.username}
        )
    )
    # Whoever responded at stage 1 cannot be named the stage 2 handler either.
    refused_6_13(
        api_for(officer).post(
            f"{path}/acknowledge", {**ACK, "acknowledged_on": "2025-06-13", "handler": handler.username}
        )
    )


def test_someone_who_only_extended_at_stage_one_cannot_handle_stage_two_6_13(
    api_for, handler, reviewer, officer
):
    path = f"/complaints/{api_for(handler).post('/complaints', NEW).json()['id']}"
    api_for(handler).post(f"{path}/acknowledge", {**ACK, "acknowledged_on": "2025-06-02"})
    extended = api_for(officer).post(
        f"{path}/extend", {"working_days": 5, "reason": "Waiting", "notified_on": "2025-06-05", **LATE}
    )
    assert extended.status_code == 200, extended.content
    api_for(handler).post(f"{path}/respond", {"responded_on": "2025-06-10", **NOT_UPHELD})
    api_for(reviewer).post(f"{path}/escalate", ESCALATE)
    refused_6_13(api_for(reviewer).post(f"{path}/assign", {"handler": officer.username}))
    refused_6_13(api_for(officer).post(f"{path}/acknowledge", {**ACK, "acknowledged_on": "2025-06-13"}))
