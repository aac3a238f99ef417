"""Late entries (Code 5.12) and moved promises (Code 6.6, 7.3) on the staff pages: the
refusal is beside its field with the paragraph, and the case page shows both dates."""

from __future__ import annotations

from datetime import date, timedelta

from django.utils import timezone

from putright.cases import services
from putright.cases.models import Action, Remedy, StageRecord

ACK = {
    "definition": "Boiler repair delayed",
    "outcomes_sought": "Repair and apology",
    "responsibility": "The boiler is ours to repair.",
}


def today() -> date:
    return timezone.localdate()


def dates(name: str, day: date) -> dict[str, int]:
    return {f"{name}-day": day.day, f"{name}-month": day.month, f"{name}-year": day.year}


def test_the_acknowledge_page_asks_for_a_reason_beside_the_field_when_the_date_is_past_code_5_12(
    log_complaint, handler, client_for
):
    complaint = log_complaint(days_ago=6)
    client = client_for(handler)
    url = f"/staff/complaints/{complaint.pk}/acknowledge/"
    data = {
        "expected_version": complaint.version,
        **dates("acknowledged_on", today() - timedelta(days=2)),
        **ACK,
    }
    refused = client.post(url, data)
    assert refused.status_code == 400
    page = refused.content.decode()
    assert 'id="id_late_entry_reason-error"' in page and "Code 5.12" in page
    accepted = client.post(url, {**data, "late_entry_reason": "Acknowledged by phone; recorded on return"})
    assert accepted.status_code == 302
    record = StageRecord.objects.get(complaint=complaint)
    assert (record.acknowledged_on, record.acknowledgement_recorded_on) == (
        today() - timedelta(days=2),
        today(),
    )


def test_the_case_page_shows_both_dates_of_a_late_entry_code_5_12(log_complaint, handler, client_for, clock):
    complaint = log_complaint(days_ago=6)
    earlier = today() - timedelta(days=2)
    services.complaint_acknowledge(
        actor=handler,
        now=clock,
        complaint_id=complaint.pk,
        acknowledged_on=earlier,
        definition="The tap leaks.",
        outcomes_sought="A working tap.",
        responsibility="The tap is ours.",
        late_entry_reason="Acknowledged by phone; recorded on return",
    )
    page = client_for(handler).get(f"/staff/complaints/{complaint.pk}/").content.decode()
    assert "Acknowledgement entered late" in page
    assert f"Dated {earlier:%-d %B %Y}, recorded {today():%-d %B %Y}" in page
    assert "Entered late: dated" in page  # the timeline entry says it too
    assert "Acknowledged by phone; recorded on return" in page


def test_a_remedy_delivered_or_an_action_updated_on_a_past_date_needs_a_reason_code_5_12(
    log_complaint, handler, clock, client_for
):
    complaint = log_complaint(days_ago=8)
    services.complaint_acknowledge(
        actor=handler,
        now=clock,
        complaint_id=complaint.pk,
        acknowledged_on=today() - timedelta(days=7),
        definition="The tap leaks.",
        outcomes_sought="A working tap.",
        responsibility="The tap is ours.",
        late_entry_reason="From the paper file",
    )
    # A response dated two days ago, so the follow-up can be dated before today.
    sent = today() - timedelta(days=2)
    services.complaint_respond(
        actor=handler,
        now=clock,
        complaint_id=complaint.pk,
        responded_on=sent,
        decision="upheld",
        reasons="The repair was late.",
        remedies=[services.RemedyInput(kind="apology", description="Sorry", due_on=sent)],
        outstanding_actions=[services.ActionInput(description="Fix", promise_on=today())],
        late_entry_reason="Posted before the weekend",
    )
    remedy, action = Remedy.objects.get(complaint=complaint), Action.objects.get(complaint=complaint)
    client = client_for(handler)
    remedy_url = f"/staff/complaints/{complaint.pk}/remedies/{remedy.pk}/complete/"
    yesterday = dates("completed_on", today() - timedelta(days=1))
    refused = client.post(remedy_url, yesterday)
    assert refused.status_code == 400 and 'id="id_late_entry_reason-error"' in refused.content.decode()
    assert (
        client.post(remedy_url, {**yesterday, "late_entry_reason": "Apology given by phone"}).status_code
        == 302
    )
    remedy.refresh_from_db()
    assert (remedy.completed_on, remedy.completion_recorded_on) == (today() - timedelta(days=1), today())
    action_url = f"/staff/complaints/{complaint.pk}/actions/{action.pk}/update/"
    update = {"text": "Part ordered", **dates("given_on", today() - timedelta(days=1))}
    assert client.post(action_url, update).status_code == 400
    assert client.post(action_url, {**update, "late_entry_reason": "Told by phone"}).status_code == 302
    assert action.updates.get().late_entry_reason == "Told by phone"
