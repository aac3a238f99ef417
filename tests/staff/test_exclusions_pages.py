"""Refusing, reopening, refusing escalation and withdrawing on the staff pages (Code 2.1-2.4, 5.11, 5.12)."""

from __future__ import annotations

from datetime import date, timedelta

from django.utils import timezone

from putright.cases import services
from putright.cases.models import Complaint, Refusal
from putright.letters.models import Letter


def dates(name, day):
    return {f"{name}-day": day.day, f"{name}-month": day.month, f"{name}-year": day.year}


def old_complaint(log_complaint):
    return log_complaint(issue_occurred_on=date(2023, 5, 10))


def refuse_url(complaint):
    return f"/staff/complaints/{complaint.pk}/refuse/"


def test_refusing_as_over_12_months_without_the_awareness_date_is_refused_beside_that_field_2_3(
    log_complaint, handler, client_for
):
    complaint = old_complaint(log_complaint)
    response = client_for(handler).post(
        refuse_url(complaint),
        {
            "expected_version": complaint.version,
            "reason": "over_12_months",
            "explanation": "Too old.",
            "discretion": "No good reason for the delay",
        },
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "Code 2.3" in page and 'id="id_aware_on-error"' in page
    assert not Refusal.objects.exists()


def test_refusing_as_over_12_months_without_considering_discretion_is_refused_2_3(
    log_complaint, handler, client_for
):
    complaint = old_complaint(log_complaint)
    page = (
        client_for(handler)
        .post(
            refuse_url(complaint),
            {
                "expected_version": complaint.version,
                "reason": "over_12_months",
                "explanation": "Too old.",
                **dates("aware_on", date(2023, 5, 11)),
            },
        )
        .content.decode()
    )
    assert 'id="id_discretion-error"' in page and "discretion" in page
    assert not Refusal.objects.exists()


def test_a_refusal_is_checked_before_it_is_final_and_saved_only_on_confirming_2_4(
    log_complaint, handler, client_for
):
    complaint = old_complaint(log_complaint)
    client = client_for(handler)
    answers = {
        "expected_version": complaint.version,
        "reason": "over_12_months",
        "explanation": "The fence was broken in May 2023.",
        **dates("aware_on", date(2023, 5, 11)),
        "discretion": "We considered whether there were good reasons for the delay; none were given.",
    }
    check = client.post(refuse_url(complaint), answers)
    page = check.content.decode()
    assert check.status_code == 200
    assert "Check before refusing the complaint" in page and "11 May 2023" in page
    assert not Refusal.objects.exists()
    done = client.post(refuse_url(complaint), {**answers, "step": "confirm"})
    assert done.status_code == 302
    refusal = Refusal.objects.get(complaint=complaint)
    assert refusal.discretion.startswith("We considered")
    assert Complaint.objects.get(pk=complaint.pk).aware_on == date(2023, 5, 11)


def test_a_legal_proceedings_refusal_needs_evidence_beside_the_evidence_field_2_1(
    log_complaint, handler, client_for
):
    complaint = log_complaint()
    page = (
        client_for(handler)
        .post(
            refuse_url(complaint),
            {
                "expected_version": complaint.version,
                "reason": "legal_proceedings",
                "explanation": "At court.",
            },
        )
        .content.decode()
    )
    assert "Code 2.1" in page and 'id="id_evidence-error"' in page
    assert not Refusal.objects.exists()


def test_a_refused_complaint_is_reopened_from_its_page_and_stage_1_starts_again_2_4(
    log_complaint, officer, handler, client_for, clock
):
    complaint = log_complaint()
    services.complaint_refuse(
        actor=officer,
        now=clock,
        complaint_id=complaint.pk,
        reason="legal_proceedings",
        explanation="At court",
        evidence="Claim K0AB1234",
    )
    client = client_for(handler)
    case = client.get(f"/staff/complaints/{complaint.pk}/").content.decode()
    assert f"/staff/complaints/{complaint.pk}/reopen/" in case
    complaint.refresh_from_db()
    empty = client.post(f"/staff/complaints/{complaint.pk}/reopen/", {"expected_version": complaint.version})
    assert 'id="id_reason-error"' in empty.content.decode()
    response = client.post(
        f"/staff/complaints/{complaint.pk}/reopen/",
        {
            "expected_version": complaint.version,
            **dates("reopened_on", timezone.localdate()),
            "reason": "The claim was withdrawn, so we take the complaint on",
        },
    )
    assert response.status_code == 302, response.content.decode()
    complaint.refresh_from_db()
    assert complaint.status == "received" and complaint.closed_on is None
    page = client.get(f"/staff/complaints/{complaint.pk}/").content.decode()
    assert "Reopened" in page and "The claim was withdrawn" in page


def test_refusing_an_escalation_keeps_the_date_stage_2_was_asked_for_and_shows_a_late_refusal_5_11(
    log_complaint, acknowledge, handler, client_for, clock
):
    complaint = acknowledge(log_complaint(days_ago=40), handler, on=timezone.localdate() - timedelta(days=39))
    complaint = services.complaint_respond(
        actor=handler,
        now=clock,
        complaint_id=complaint.pk,
        responded_on=timezone.localdate() - timedelta(days=30),
        decision="not_upheld",
        reasons="No fault",
        late_entry_reason="Entered from the paper file",
    )
    asked = timezone.localdate() - timedelta(days=20)
    response = client_for(handler).post(
        f"/staff/complaints/{complaint.pk}/refuse-escalation/",
        {
            "expected_version": complaint.version,
            **dates("requested_on", asked),
            "reason": "legal_proceedings",
            "explanation": "A claim is at court.",
            "evidence": "Claim K0AB1234",
            "step": "confirm",
        },
    )
    assert response.status_code == 302
    refusal = Refusal.objects.get(complaint=complaint, stage=2)
    assert refusal.requested_on == asked and refusal.refused_on > refusal.acknowledge_by
    page = client_for(handler).get(f"/staff/complaints/{complaint.pk}/").content.decode()
    assert "Refused late" in page


def test_a_withdrawal_records_how_and_why_and_drafts_a_confirming_letter_5_12(
    log_complaint, handler, client_for
):
    complaint = log_complaint(days_ago=14)
    client = client_for(handler)
    empty = client.post(
        f"/staff/complaints/{complaint.pk}/withdraw/", {"expected_version": complaint.version}
    )
    page = empty.content.decode()
    assert 'id="id_note-error"' in page and "Say how the resident told us" in page
    response = client.post(
        f"/staff/complaints/{complaint.pk}/withdraw/",
        {"expected_version": complaint.version, "channel": "letter", "note": "Moved house"},
    )
    assert response.status_code == 302
    complaint.refresh_from_db()
    assert complaint.withdrawal_note == "Moved house" and complaint.withdrawn_after_deadline
    assert "Moved house" in Letter.objects.get(complaint=complaint, kind="withdrawal").body_html
    page = client.get(f"/staff/complaints/{complaint.pk}/").content.decode()
    assert "Withdrawn after a deadline had passed" in page
