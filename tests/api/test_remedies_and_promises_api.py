"""Remedies and promises through the API (Code 6.6, 6.17, 7.1, 7.3): every remedy says by
when; an amount only on a financial remedy; nothing promised before the response date."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from putright.cases.models import Remedy, StageRecord

pytestmark = pytest.mark.django_db


@pytest.fixture
def acknowledged(api_for, officer):
    api = api_for(officer)
    body = {
        "resident": {"name": "Ada Lovelace", "email": "ada@example.com"},
        "channel": "email",
        "received_at": (timezone.now() - timedelta(hours=2)).isoformat(),
        "description": "My boiler has not been fixed.",
    }
    c = api.post("/complaints", body).json()
    ack = {
        "acknowledged_on": timezone.localdate().isoformat(),
        "definition": "Boiler repair delayed",
        "outcomes_sought": "Repair and apology",
        "responsibility": "The boiler is ours.",
    }
    assert api.post(f"/complaints/{c['id']}/acknowledge", ack).status_code == 200
    return api, c["id"]


def respond(api, complaint_id, **changes):
    body = {
        "responded_on": timezone.localdate().isoformat(),
        "decision": "upheld",
        "reasons": "The repair was late.",
        **changes,
    }
    return api.post(f"/complaints/{complaint_id}/respond", body)


def days(n):
    return (timezone.localdate() + timedelta(days=n)).isoformat()


def refused(response, paragraph, field):
    assert response.status_code == 422, response.content
    assert response.json()["code_paragraph"] == paragraph
    assert field in response.json()["errors"]


def test_a_remedy_without_a_date_is_refused_code_7_3(acknowledged):
    api, cid = acknowledged
    response = respond(api, cid, remedies=[{"kind": "apology", "description": "We are sorry"}])
    refused(response, "7.3", "remedies.0.due_on")
    assert not Remedy.objects.filter(complaint_id=cid).exists()
    assert StageRecord.objects.get(complaint_id=cid).responded_on is None


def test_an_amount_on_a_remedy_that_is_not_financial_is_refused_code_7_1(acknowledged):
    api, cid = acknowledged
    remedy = {"kind": "apology", "description": "Sorry", "amount": "50.00", "due_on": days(0)}
    refused(respond(api, cid, remedies=[remedy]), "7.1", "remedies.0.amount")


def test_a_remedy_due_before_the_response_is_refused_code_7_3(acknowledged):
    api, cid = acknowledged
    remedy = {"kind": "financial", "description": "£100", "amount": "100.00", "due_on": days(-1)}
    refused(respond(api, cid, remedies=[remedy]), "7.3", "remedies.0.due_on")


def test_an_action_promised_before_the_response_is_refused_code_6_6(acknowledged):
    api, cid = acknowledged
    action = {"description": "Fit the part", "promise_on": days(-3)}
    # Upheld with no remedy, so it says why none (6.9) and the promise date is what is refused.
    no_remedy = "Fitting the part is the whole remedy the resident asked for"
    response = respond(api, cid, outstanding_actions=[action], no_remedy_reason=no_remedy)
    refused(response, "6.6", "outstanding_actions.0.promise_on")


def test_a_valid_response_keeps_the_first_promise_date_on_each_action_code_6_6(acknowledged):
    api, cid = acknowledged
    response = respond(
        api,
        cid,
        remedies=[{"kind": "apology", "description": "Sorry", "due_on": days(0)}],
        outstanding_actions=[{"description": "Fit the part", "promise_on": days(10)}],
    )
    assert response.status_code == 200, response.content
    (action,) = response.json()["outstanding_actions"]
    assert action["promise_on"] == action["first_promise_on"] == days(10)
