"""Closing with work still open needs a confirmation that lists it; the work stays in sight (Code 6.6)."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from putright.cases import selectors, services
from putright.cases.models import Complaint
from putright.core.errors import ActionRefused
from putright.governance.selectors.breakdowns import follow_through


@pytest.fixture
def with_open_work(log_complaint, acknowledge, handler, clock):
    complaint = acknowledge(log_complaint(), handler)
    return services.complaint_respond(
        actor=handler,
        now=clock,
        complaint_id=complaint.pk,
        responded_on=timezone.localdate(),
        decision="upheld",
        reasons="The repair was late.",
        remedies=[
            services.RemedyInput(
                kind="financial",
                description="Compensation for the delay",
                amount=Decimal("500"),
                due_on=timezone.localdate() + timedelta(days=10),
            )
        ],
        outstanding_actions=[
            services.ActionInput(
                description="Replace the kitchen tap", promise_on=timezone.localdate(), owner=handler
            )
        ],
    )


def test_closing_with_an_open_action_or_remedy_is_refused_until_confirmed_6_6(with_open_work, handler, clock):
    with pytest.raises(ActionRefused) as refused:
        services.complaint_close(actor=handler, now=clock, complaint_id=with_open_work.pk)
    assert refused.value.code_paragraph == "6.6"
    assert "Replace the kitchen tap" in refused.value.message
    assert "£500.00" in refused.value.message
    assert Complaint.objects.get(pk=with_open_work.pk).status == "responded"
    services.complaint_close(actor=handler, now=clock, complaint_id=with_open_work.pk, confirm_open_work=True)
    assert Complaint.objects.get(pk=with_open_work.pk).status == "closed"


def test_closing_with_nothing_open_needs_no_confirmation_6_6(log_complaint, acknowledge, handler, clock):
    complaint = acknowledge(log_complaint(), handler)
    services.complaint_respond(
        actor=handler,
        now=clock,
        complaint_id=complaint.pk,
        responded_on=timezone.localdate(),
        decision="not_upheld",
        reasons="The repair was on time.",
    )
    services.complaint_close(actor=handler, now=clock, complaint_id=complaint.pk)
    assert Complaint.objects.get(pk=complaint.pk).status == "closed"


def test_the_close_page_lists_the_open_work_and_refuses_without_the_confirmation_6_6(
    with_open_work, handler, client_for
):
    client = client_for(handler)
    url = f"/staff/complaints/{with_open_work.pk}/close/"
    page = client.get(url).content.decode()
    assert "Replace the kitchen tap" in page
    assert "Compensation for the delay" in page
    assert 'name="confirm_open_work"' in page
    refused = client.post(url, {"expected_version": with_open_work.version})
    assert refused.status_code == 400
    assert "Code 6.6:" in refused.content.decode()
    done = client.post(url, {"expected_version": with_open_work.version, "confirm_open_work": "on"})
    assert done.status_code == 302
    assert Complaint.objects.get(pk=with_open_work.pk).status == "closed"


def test_the_api_refuses_an_unconfirmed_close_with_open_work_as_422_6_6(with_open_work, handler, api_for):
    api = api_for(handler)
    refused = api.post(f"/complaints/{with_open_work.pk}/close", {})
    assert refused.status_code == 422
    assert refused.json()["code_paragraph"] == "6.6"
    assert api.post(f"/complaints/{with_open_work.pk}/close", {"confirm_open_work": True}).status_code == 200


def test_an_open_action_stays_in_its_owners_work_and_the_counts_after_closing_6_6(
    with_open_work, handler, clock, client_for
):
    services.complaint_close(actor=handler, now=clock, complaint_id=with_open_work.pk, confirm_open_work=True)
    actions, total = selectors.actions_open_owned(owner_id=handler.pk)
    assert [a.description for a in actions] == ["Replace the kitchen tap"] and total == 1
    assert "Replace the kitchen tap" in client_for(handler).get("/staff/").content.decode()
    assert follow_through(timezone.localdate(), today=timezone.localdate()).actions_open == 1
