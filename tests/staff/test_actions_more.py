"""The other actions: clarification, new issues, refusals, update intervals, withdrawal, closure, follow-up."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from putright.cases import services
from putright.cases.models import Action, Complaint, Refusal, Remedy, Restriction, UpdateAgreement


def dates(name, day):
    return {f"{name}-day": day.day, f"{name}-month": day.month, f"{name}-year": day.year}


def responded(complaint, handler, clock, **extra):
    return services.complaint_respond(
        actor=handler,
        now=clock,
        complaint_id=complaint.pk,
        responded_on=timezone.localdate(),
        decision="upheld",
        reasons="Late repair",
        **({"no_remedy_reason": "The repair is now done"} | extra),
    )


def test_clarification_is_recorded_as_a_letter_code_5_6(log_complaint, handler, client_for):
    complaint = log_complaint()
    client = client_for(handler)
    response = client.post(
        f"/staff/complaints/{complaint.pk}/clarify/",
        {"expected_version": complaint.version, "questions": "Which tap is leaking?"},
    )
    assert response.status_code == 302
    assert "Which tap is leaking?" in client.get(response.url).content.decode()


def test_unrelated_new_issue_opens_a_linked_complaint_code_6_8(
    log_complaint, acknowledge, handler, client_for
):
    complaint = acknowledge(log_complaint(), handler)
    response = client_for(handler).post(
        f"/staff/complaints/{complaint.pk}/issue/",
        {
            "expected_version": complaint.version,
            "description": "The fence is broken too.",
            **dates("raised_on", timezone.localdate()),
            "related": "no",
        },
    )
    assert response.status_code == 302
    assert Complaint.objects.get(linked_from=complaint).description == "The fence is broken too."


def test_refusing_as_out_of_time_within_12_months_is_refused_code_2_3(log_complaint, handler, client_for):
    complaint = log_complaint(issue_occurred_on=timezone.localdate() - timedelta(days=30))
    page = (
        client_for(handler)
        .post(
            f"/staff/complaints/{complaint.pk}/refuse/",
            {
                "expected_version": complaint.version,
                "reason": "over_12_months",
                "explanation": "Too old.",
                "aware_when_occurred": "on",
                "discretion": "No good reason for the delay",
            },
        )
        .content.decode()
    )
    assert "Code 2.3:" in page and 'id="id_reason-error"' in page
    assert not Refusal.objects.exists()


def test_refusing_an_escalation_needs_reasons_for_the_resident_code_5_11(
    log_complaint, acknowledge, handler, clock, client_for
):
    complaint = responded(acknowledge(log_complaint(), handler), handler, clock)
    client = client_for(handler)
    page = client.post(
        f"/staff/complaints/{complaint.pk}/refuse-escalation/",
        {
            "expected_version": complaint.version,
            "reason": "legal_proceedings",
            "explanation": "",
            **dates("requested_on", timezone.localdate()),
        },
    ).content.decode()
    assert 'id="id_explanation-error"' in page
    response = client.post(
        f"/staff/complaints/{complaint.pk}/refuse-escalation/",
        {
            "expected_version": complaint.version,
            "reason": "legal_proceedings",
            "explanation": "A court claim is filed.",
            "evidence": "Claim K0AB1234",
            **dates("requested_on", timezone.localdate()),
            "step": "confirm",
        },
    )
    assert response.status_code == 302
    assert Refusal.objects.get(complaint=complaint).stage == 2


def test_update_intervals_are_agreed_code_5_9(log_complaint, acknowledge, handler, client_for):
    complaint = acknowledge(log_complaint(), handler)
    response = client_for(handler).post(
        f"/staff/complaints/{complaint.pk}/updates/",
        {
            "expected_version": complaint.version,
            "interval_working_days": "5",
            **dates("agreed_on", timezone.localdate()),
            "method": "Phone call",
        },
    )
    assert response.status_code == 302
    assert UpdateAgreement.objects.get(complaint=complaint).interval_working_days == 5


def test_withdrawal_and_closure_keep_the_record_code_5_12(
    log_complaint, acknowledge, handler, clock, client_for
):
    first = log_complaint()
    client = client_for(handler)
    assert (
        client.post(
            f"/staff/complaints/{first.pk}/withdraw/",
            {"expected_version": first.version, "channel": "phone", "note": "The repair is done"},
        ).status_code
        == 302
    )
    assert Complaint.objects.get(pk=first.pk).status == "withdrawn"
    second = responded(acknowledge(log_complaint(), handler), handler, clock)
    assert (
        client.post(f"/staff/complaints/{second.pk}/close/", {"expected_version": second.version}).status_code
        == 302
    )
    assert Complaint.objects.get(pk=second.pk).status == "closed"
    assert "Complaint closed" in client.get(f"/staff/complaints/{second.pk}/").content.decode()


def test_closing_before_responding_is_refused_with_the_paragraph_code_6_3(
    log_complaint, acknowledge, handler, client_for
):
    complaint = acknowledge(log_complaint(), handler)
    page = (
        client_for(handler)
        .post(f"/staff/complaints/{complaint.pk}/close/", {"expected_version": complaint.version})
        .content.decode()
    )
    assert "Code 6.3:" in page


def test_remedy_delivered_and_action_completed_code_7_3_6_6(
    log_complaint, acknowledge, handler, clock, client_for
):
    complaint = responded(
        acknowledge(log_complaint(), handler),
        handler,
        clock,
        remedies=[services.RemedyInput(kind="apology", description="Sorry", due_on=timezone.localdate())],
        outstanding_actions=[services.ActionInput(description="Fix", promise_on=timezone.localdate())],
    )
    remedy, action = Remedy.objects.get(complaint=complaint), Action.objects.get(complaint=complaint)
    client = client_for(handler)
    today = dates("completed_on", timezone.localdate())
    assert (
        client.post(f"/staff/complaints/{complaint.pk}/remedies/{remedy.pk}/complete/", today).status_code
        == 302
    )
    update = {"text": "Fitted today", **dates("given_on", timezone.localdate()), "completed": "on"}
    assert (
        client.post(f"/staff/complaints/{complaint.pk}/actions/{action.pk}/update/", update).status_code
        == 302
    )
    remedy.refresh_from_db()
    action.refresh_from_db()
    assert remedy.completed_on and action.completed_on


def test_an_action_cannot_be_recorded_done_on_a_future_date_code_6_6(
    log_complaint, acknowledge, handler, clock, client_for
):
    complaint = responded(
        acknowledge(log_complaint(), handler),
        handler,
        clock,
        outstanding_actions=[services.ActionInput(description="Fix", promise_on=timezone.localdate())],
    )
    action = Action.objects.get(complaint=complaint)
    tomorrow = timezone.localdate() + timedelta(days=1)
    update = {"text": "Fitted", **dates("given_on", tomorrow), "completed": "on"}
    response = client_for(handler).post(
        f"/staff/complaints/{complaint.pk}/actions/{action.pk}/update/", update
    )
    assert response.status_code == 400
    assert "cannot be in the future" in response.content.decode()
    action.refresh_from_db()
    assert action.completed_on is None and not action.updates.exists()


def test_restriction_needs_evidence_proportionality_and_review_code_5_14(log_complaint, handler, client_for):
    complaint = log_complaint()
    today = timezone.localdate()
    client = client_for(handler)
    page = client.post(
        f"/staff/complaints/{complaint.pk}/restriction/",
        {
            "reason": "Abusive calls",
            "scope": "Email only",
            "proportionality": "",
            **dates("starts_on", today),
            **dates("review_on", today + timedelta(days=90)),
        },
    ).content.decode()
    assert 'id="id_proportionality-error"' in page
    response = client.post(
        f"/staff/complaints/{complaint.pk}/restriction/",
        {
            "reason": "Abusive calls",
            "scope": "Email only; complaints still accepted by email",
            "proportionality": "Least restrictive option",
            **dates("starts_on", today),
            **dates("review_on", today + timedelta(days=90)),
        },
    )
    assert response.status_code == 302
    assert Restriction.objects.get(resident=complaint.resident).scope.startswith("Email only")


def test_a_date_that_does_not_exist_is_reported_in_gov_uk_words(log_complaint, handler, client_for):
    complaint = log_complaint()
    page = (
        client_for(handler)
        .post(
            f"/staff/complaints/{complaint.pk}/acknowledge/",
            {
                "expected_version": complaint.version,
                "acknowledged_on-day": "31",
                "acknowledged_on-month": "2",
                "acknowledged_on-year": "2026",
                "definition": "x",
                "outcomes_sought": "y",
                "responsibility": "z",
            },
        )
        .content.decode()
    )
    assert "must be a real date" in page and 'href="#id_acknowledged_on-day"' in page


def test_adjustment_review_sets_the_next_review_code_5_10(log_complaint, handler, clock, client_for):
    complaint = log_complaint()
    today = timezone.localdate()
    adjustment = services.adjustment_record(
        actor=handler,
        now=clock,
        resident_id=complaint.resident_id,
        kind="adjustment",
        description="Large print",
        recorded_on=today - timedelta(days=60),
        review_on=today,
    )
    client = client_for(handler)
    url = f"/staff/complaints/{complaint.pk}/adjustments/{adjustment.pk}/review/"
    page = client.post(url, {**dates("reviewed_on", today), "still_needed": "yes"}).content.decode()
    assert 'id="id_next_review_on-error"' in page
    response = client.post(
        url,
        {
            **dates("reviewed_on", today),
            "still_needed": "yes",
            **dates("next_review_on", today + timedelta(days=90)),
        },
    )
    assert response.status_code == 302
    adjustment.refresh_from_db()
    assert adjustment.review_on == today + timedelta(days=90)


def test_restriction_can_be_lifted_on_review_code_5_14(log_complaint, handler, clock, client_for):
    complaint = log_complaint()
    today = timezone.localdate()
    restriction = services.restriction_record(
        actor=handler,
        now=clock,
        resident_id=complaint.resident_id,
        reason="Abuse",
        scope="Email only",
        proportionality="Least restrictive",
        starts_on=today - timedelta(days=30),
        review_on=today,
    )
    response = client_for(handler).post(
        f"/staff/complaints/{complaint.pk}/restrictions/{restriction.pk}/review/",
        {**dates("reviewed_on", today), "lift": "yes"},
    )
    assert response.status_code == 302
    restriction.refresh_from_db()
    assert restriction.ends_on == today


def test_refusal_and_agreed_updates_appear_on_the_case_page(
    log_complaint, acknowledge, handler, clock, client_for
):
    complaint = acknowledge(log_complaint(), handler)
    services.complaint_agree_updates(
        actor=handler,
        now=clock,
        complaint_id=complaint.pk,
        interval_working_days=3,
        agreed_on=timezone.localdate(),
    )
    services.complaint_refuse(
        actor=handler,
        now=clock,
        complaint_id=complaint.pk,
        reason="legal_proceedings",
        explanation="A court claim has been filed.",
        evidence="Claim K0AB1234 at the county court",
    )
    page = client_for(handler).get(f"/staff/complaints/{complaint.pk}/").content.decode()
    assert "every 3 working days" in page
    assert "A court claim has been filed." in page


def test_showing_an_adjustment_for_review_is_logged_as_a_special_category_read(
    log_complaint, handler, clock, client_for
):
    from putright.cases.models import SpecialCategoryRead

    complaint = log_complaint()
    today = timezone.localdate()
    adjustment = services.adjustment_record(
        actor=handler,
        now=clock,
        resident_id=complaint.resident_id,
        kind="disability",
        description="Uses a wheelchair",
        recorded_on=today,
        review_on=today + timedelta(days=30),
    )
    page = client_for(handler).get(f"/staff/complaints/{complaint.pk}/adjustments/{adjustment.pk}/review/")
    assert "Uses a wheelchair" in page.content.decode()
    assert SpecialCategoryRead.objects.filter(user=handler, where__contains="adjustment review").exists()
