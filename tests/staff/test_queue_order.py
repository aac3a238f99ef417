"""The queue's order (issue 16): the next running deadline first, whatever it is; flags only
among complaints due at the same moment; complaints with nothing running in a list of their own."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from putright.cases import services
from putright.cases.models import Complaint
from putright.hazards import services as hazard_services

pytestmark = pytest.mark.django_db


def _vulnerable(complaint: Complaint, officer, clock) -> None:  # type: ignore[no-untyped-def]
    services.adjustment_record(
        actor=officer,
        now=clock,
        resident_id=complaint.resident_id,
        kind="disability",
        description="Asthma",
        recorded_on=timezone.localdate(),
        review_on=timezone.localdate() + timedelta(days=60),
    )


def _respond(complaint: Complaint, handler, clock, promise_days: int | None = None) -> Complaint:  # type: ignore[no-untyped-def]
    today = timezone.localdate()
    actions = []
    if promise_days is not None:
        actions = [services.ActionInput("Replace the tap", today + timedelta(days=promise_days), handler)]
    return services.complaint_respond(
        actor=handler,
        now=clock,
        complaint_id=complaint.pk,
        responded_on=today,
        decision="not_upheld",
        reasons="The tap was replaced in March.",
        outstanding_actions=actions,
    )


def _order(page: str, references: dict[str, str]) -> list[str]:
    found = {name: page.find(ref) for name, ref in references.items() if ref in page}
    return sorted(found, key=found.__getitem__)


@pytest.fixture
def table(log_complaint, acknowledge, handler, officer, clock):  # type: ignore[no-untyped-def]
    """One complaint per row of the issue's table."""
    # Never acknowledged: its acknowledgement date passed weeks ago.
    overdue = log_complaint(name="Overdue Resident", days_ago=30)
    hazard = acknowledge(log_complaint(name="Hazard Resident"), handler)
    hazard_services.hazard_record(
        actor=handler,
        now=clock,
        data=hazard_services.NewHazard(
            complaint_id=hazard.pk,
            kind="emergency",
            hazard="fire",
            description="Sparks from the socket",
            aware_at=clock - timedelta(hours=20),
            aware_reason="Reported by phone to repairs four hours before the complaint",
        ),
    )
    promise = _respond(acknowledge(log_complaint(name="Promise Resident"), handler), handler, clock, 1)
    flagged_due = acknowledge(log_complaint(name="Flagged Due Resident"), handler)
    _vulnerable(flagged_due, officer, clock)
    plain_due = acknowledge(log_complaint(name="Plain Due Resident"), handler)
    idle = _respond(acknowledge(log_complaint(name="Idle Flagged Resident"), handler), handler, clock)
    _vulnerable(idle, officer, clock)
    return {
        "overdue": overdue,
        "hazard": hazard,
        "promise": promise,
        "flagged_due": flagged_due,
        "plain_due": plain_due,
        "idle": idle,
    }


def _refs(table: dict[str, Complaint]) -> dict[str, str]:
    return {name: Complaint.objects.get(pk=c.pk).reference for name, c in table.items()}


def test_running_deadlines_lead_overdue_first_then_soonest_with_hazards_in_hours_issue_16(
    table, officer, client_for
):
    page = client_for(officer).get("/staff/complaints/").content.decode()
    assert _order(page, _refs(table)) == ["overdue", "hazard", "promise", "flagged_due", "plain_due"]


def test_flags_never_lift_a_complaint_with_nothing_running_above_a_running_deadline_issue_16(
    table, officer, client_for
):
    idle = Complaint.objects.get(pk=table["idle"].pk)
    assert idle.due_at is None and idle.priority > 0
    assert idle.reference not in client_for(officer).get("/staff/complaints/").content.decode()


def test_complaints_with_nothing_running_are_a_separate_list_issue_16(table, officer, client_for):
    page = client_for(officer).get("/staff/complaints/", {"list": "nothing-running"}).content.decode()
    refs = _refs(table)
    assert _order(page, refs) == ["idle"]
    assert "Deadline running (5)" in page and "Nothing running (1)" in page


def test_the_stored_key_follows_each_deadline_as_it_changes_issue_16(table, handler, clock):
    """Completing the promised action clears the key; a hazard's deadline is the key while sooner."""
    promise = Complaint.objects.get(pk=table["promise"].pk)
    assert promise.due_at is not None
    action = promise.actions.get()
    services.action_update(
        actor=handler,
        now=clock,
        action_id=action.pk,
        text="Tap replaced",
        given_on=timezone.localdate(),
        completed=True,
    )
    assert Complaint.objects.get(pk=promise.pk).due_at is None
    hazard = Complaint.objects.get(pk=table["hazard"].pk)
    assert hazard.due_at == hazard.hazard_due_at


def test_the_api_lists_complaints_in_the_same_order_issue_16(table, handler, api_for):
    body = api_for(handler).get("/complaints", page_size=10).json()
    refs = {ref: name for name, ref in _refs(table).items()}
    order = [refs[c["reference"]] for c in body["items"] if c["reference"] in refs]
    assert order == ["overdue", "hazard", "promise", "flagged_due", "plain_due", "idle"]


def test_the_queue_page_names_a_promised_date_as_the_running_deadline_issue_16(table, officer, client_for):
    page = client_for(officer).get("/staff/complaints/").content.decode()
    assert re.search(r"Promised to the resident", page)
