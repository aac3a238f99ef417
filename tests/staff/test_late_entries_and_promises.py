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


def responded_with_action(complaint, handler, clock, promise_on):
    return services.complaint_respond(
        actor=handler,
        now=clock,
        complaint_id=complaint.pk,
        responded_on=today(),
        decision="upheld",
        reasons="The repair was late.",
        # Upheld with no remedy but the action, so it says why none (6.9).
        no_remedy_reason="Fitting the part is the whole remedy the resident asked for",
        outstanding_actions=[services.ActionInput(description="Fit the part", promise_on=promise_on)],
    )


def test_moving_a_promise_needs_a_reason_and_a_record_that_the_resident_was_told_code_6_6(
    log_complaint, acknowledge, handler, clock, client_for
):
    complaint = responded_with_action(acknowledge(log_complaint(), handler), handler, clock, today())
    action = Action.objects.get(complaint=complaint)
    url = f"/staff/complaints/{complaint.pk}/actions/{action.pk}/update/"
    move = {
        "text": "The part is late",
        **dates("given_on", today()),
        **dates("new_promise_on", today() + timedelta(days=20)),
    }
    client = client_for(handler)
    response = client.post(url, move)
    assert response.status_code == 400
    assert 'id="id_promise_change_reason-error"' in response.content.decode()
    response = client.post(url, {**move, "promise_change_reason": "Back order"})
    assert response.status_code == 400
    assert 'id="id_resident_told_on-error"' in response.content.decode()
    assert "Code 6.6" in response.content.decode()
    action.refresh_from_db()
    assert action.promise_on == today() and not action.updates.exists()


def test_a_moved_promise_keeps_its_first_date_and_the_case_page_shows_both_code_6_6(
    log_complaint, acknowledge, handler, clock, client_for
):
    complaint = responded_with_action(acknowledge(log_complaint(), handler), handler, clock, today())
    action = Action.objects.get(complaint=complaint)
    client = client_for(handler)
    moved_to = today() + timedelta(days=20)
    response = client.post(
        f"/staff/complaints/{complaint.pk}/actions/{action.pk}/update/",
        {
            "text": "The part is late; we will fit it on the new date",
            **dates("given_on", today()),
            **dates("new_promise_on", moved_to),
            "promise_change_reason": "The part is on back order",
            **dates("resident_told_on", today()),
            "resident_told_how": "Phone call",
        },
    )
    assert response.status_code == 302
    action.refresh_from_db()
    assert (action.first_promise_on, action.promise_on) == (today(), moved_to)
    update = action.updates.get()
    assert (update.promise_moved_from, update.promise_moved_to, update.resident_told_how) == (
        today(),
        moved_to,
        "Phone call",
    )
    page = client.get(f"/staff/complaints/{complaint.pk}/").content.decode()
    assert f"First promised {today():%-d %b %Y}" in page
    assert "Promise moved from" in page


def test_a_moved_promise_still_counts_overdue_against_its_first_date_code_6_6(
    log_complaint, handler, clock, client_for, make_user, api_for
):
    complaint = log_complaint(days_ago=20)
    first = today() - timedelta(days=3)
    services.complaint_acknowledge(
        actor=handler,
        now=clock,
        complaint_id=complaint.pk,
        acknowledged_on=today() - timedelta(days=19),
        definition="The tap leaks.",
        outcomes_sought="A working tap.",
        responsibility="The tap is ours.",
        late_entry_reason="From the paper file",
    )
    services.complaint_respond(
        actor=handler,
        now=clock,
        complaint_id=complaint.pk,
        responded_on=today() - timedelta(days=10),
        decision="upheld",
        reasons="The repair was late.",
        no_remedy_reason="Fitting the part is the whole remedy the resident asked for",
        outstanding_actions=[services.ActionInput(description="Fit the part", promise_on=first)],
        late_entry_reason="Posted before leave",
    )
    action = Action.objects.get(complaint=complaint)
    services.action_update(
        actor=handler,
        now=clock,
        action_id=action.pk,
        text="Moved",
        given_on=today(),
        new_promise_on=today() + timedelta(days=14),
        promise_change_reason="Back order",
        resident_told_on=today(),
    )
    period = {"from": (today() - timedelta(days=30)).isoformat(), "to": today().isoformat()}
    report = api_for(make_user("governance")).get("/reports/performance", **period).json()
    assert report["follow_through"]["actions_overdue"] == 1


def test_the_respond_page_shows_a_remedy_without_a_date_beside_its_row_code_7_3(
    log_complaint, acknowledge, handler, client_for
):
    complaint = acknowledge(log_complaint(), handler)
    data = {
        "expected_version": complaint.version,
        **dates("responded_on", today()),
        "decision": "upheld",
        "reasons": "The repair was late.",
        "remedies-TOTAL_FORMS": "3",
        "remedies-INITIAL_FORMS": "0",
        "remedies-0-kind": "apology",
        "remedies-0-description": "We are sorry",
        "actions-TOTAL_FORMS": "3",
        "actions-INITIAL_FORMS": "0",
    }
    response = client_for(handler).post(f"/staff/complaints/{complaint.pk}/respond/", data)
    assert response.status_code == 400
    page = response.content.decode()
    assert 'id="id_remedies-0-due_on-error"' in page and "Code 7.3" in page


def test_the_agree_updates_page_asks_why_an_agreement_dated_before_today_is_recorded_late_code_5_12(
    log_complaint, acknowledge, handler, client_for
):
    complaint = acknowledge(log_complaint(days_ago=6), handler)
    client = client_for(handler)
    url = f"/staff/complaints/{complaint.pk}/updates/"
    data = {
        "expected_version": complaint.version,
        "interval_working_days": "5",
        **dates("agreed_on", today() - timedelta(days=1)),
    }
    refused = client.post(url, data)
    assert refused.status_code == 400
    page = refused.content.decode()
    assert 'id="id_late_entry_reason-error"' in page and "Code 5.12" in page
    accepted = client.post(url, {**data, "late_entry_reason": "Agreed on a home visit"})
    assert accepted.status_code == 302
    agreement = complaint.update_agreements.get()
    assert (agreement.agreed_on, agreement.recorded_on) == (today() - timedelta(days=1), today())


def test_the_new_issue_page_asks_why_an_issue_raised_before_today_is_recorded_late_code_5_12(
    log_complaint, acknowledge, handler, client_for
):
    complaint = acknowledge(log_complaint(days_ago=6), handler)
    client = client_for(handler)
    url = f"/staff/complaints/{complaint.pk}/issue/"
    data = {
        "expected_version": complaint.version,
        "description": "The radiator leaks too",
        "related": "yes",
        **dates("raised_on", today() - timedelta(days=2)),
    }
    refused = client.post(url, data)
    assert refused.status_code == 400
    page = refused.content.decode()
    assert 'id="id_late_entry_reason-error"' in page and "Code 5.12" in page
    assert client.post(url, {**data, "late_entry_reason": "Raised on a visit"}).status_code == 302
    assert "radiator" in StageRecord.objects.get(complaint=complaint, stage=1).definition
