"""Responses, refusals and extensions are seen as the resident will get them before they go.

The preview runs the action's own service and rolls it back, so what the caseworker reads is
the letter the send makes (Code 5.6, 6.4, 6.5, 6.9, 2.4); nothing is recorded or sent until
"Send". The banner afterwards says what went, to whom and how.
"""

from __future__ import annotations

from django.contrib.messages import get_messages

from putright.cases.models import CaseEvent, EventAction, Refusal, StageRecord
from putright.letters.models import Letter
from putright.outbox.models import Delivery
from tests.staff.test_actions import extend_data, respond_data


def _check(data):
    return {k: v for k, v in data.items() if k != "step"}


def _banner(response) -> str:
    return " ".join(str(m) for m in get_messages(response.wsgi_request))


def test_checking_a_response_shows_the_letter_and_plain_language_check_and_records_nothing_6_9(
    log_complaint, acknowledge, handler, client_for
):
    complaint = acknowledge(log_complaint(), handler)
    letters_before, deliveries_before = Letter.objects.count(), Delivery.objects.count()
    events_before = CaseEvent.objects.filter(complaint=complaint).count()
    data = respond_data(complaint, no_remedy_reason="You asked only for the tap to be fixed, and it was.")
    response = client_for(handler).post(f"/staff/complaints/{complaint.pk}/respond/", _check(data))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Check the response before sending" in page
    assert "The repair was late." in page  # the reasons, in the letter itself
    assert f"The letter as {complaint.resident.name} will get it" in page
    assert "Reading ease score" in page
    assert 'value="send"' in page
    assert StageRecord.objects.get(complaint=complaint).responded_on is None
    assert CaseEvent.objects.filter(complaint=complaint).count() == events_before
    assert Letter.objects.count() == letters_before
    assert Delivery.objects.count() == deliveries_before


def test_sending_after_the_preview_records_the_response_and_says_what_went_to_whom_and_how_6_9(
    log_complaint, acknowledge, handler, client_for
):
    complaint = acknowledge(log_complaint(), handler)
    client = client_for(handler)
    url = f"/staff/complaints/{complaint.pk}/respond/"
    data = respond_data(complaint, no_remedy_reason="You asked only for the tap to be fixed, and it was.")
    preview = client.post(url, _check(data))
    carried = dict(preview.context["carried"])
    sent = client.post(url, {**carried, "step": "send"})
    assert sent.status_code == 302
    record = StageRecord.objects.get(complaint=complaint)
    assert record.responded_on is not None
    assert CaseEvent.objects.filter(complaint=complaint, action=EventAction.RESPONDED).count() == 1
    letter = Letter.objects.get(complaint=complaint, kind="stage1_response")
    banner = _banner(sent)
    assert "Stage 1 response recorded" in banner
    assert complaint.resident.name in banner and letter.get_channel_display().lower() in banner
    assert (letter.recipient_address.split(",")[0] or letter.recipient) in banner
    # Sending twice from the same preview is refused as a stale edit, not recorded again.
    again = client.post(url, {**carried, "step": "send"})
    assert again.status_code == 409
    assert CaseEvent.objects.filter(complaint=complaint, action=EventAction.RESPONDED).count() == 1


def test_changing_the_response_from_the_preview_keeps_what_was_typed(
    log_complaint, acknowledge, handler, client_for
):
    complaint = acknowledge(log_complaint(), handler)
    client = client_for(handler)
    url = f"/staff/complaints/{complaint.pk}/respond/"
    preview = client.post(
        url, _check(respond_data(complaint, no_remedy_reason="Nothing more was asked for."))
    )
    back = client.post(url, {**dict(preview.context["carried"]), "step": "change"})
    page = back.content.decode()
    assert back.status_code == 200
    assert "Nothing more was asked for." in page and "The repair was late." in page
    assert StageRecord.objects.get(complaint=complaint).responded_on is None


def test_a_response_the_code_refuses_is_refused_at_the_preview_with_its_paragraph_6_9(
    log_complaint, acknowledge, handler, client_for
):
    complaint = acknowledge(log_complaint(), handler)
    response = client_for(handler).post(
        f"/staff/complaints/{complaint.pk}/respond/", _check(respond_data(complaint))
    )
    assert response.status_code == 400
    assert "Code 6.9:" in response.content.decode()


def test_an_extension_shows_the_notice_with_the_ombudsman_details_before_it_is_sent_6_5(
    log_complaint, acknowledge, handler, client_for
):
    complaint = acknowledge(log_complaint(), handler)
    client = client_for(handler)
    url = f"/staff/complaints/{complaint.pk}/extend/"
    check = client.post(url, extend_data(complaint))
    page = check.content.decode()
    assert "The letter as" in page and "Reading ease score" in page
    assert "Ombudsman" in page
    assert not Letter.objects.filter(complaint=complaint, kind="extension_notice").exists()
    sent = client.post(url, {**extend_data(complaint), "step": "confirm"})
    assert sent.status_code == 302
    letter = Letter.objects.get(complaint=complaint, kind="extension_notice")
    assert "Response deadline extended" in _banner(sent) and letter.recipient in _banner(sent)


def test_a_refusal_shows_check_your_answers_and_its_letter_before_anything_is_recorded_2_4(
    log_complaint, handler, client_for
):
    complaint = log_complaint()
    client = client_for(handler)
    url = f"/staff/complaints/{complaint.pk}/refuse/"
    answers = {
        "expected_version": complaint.version,
        "reason": "legal_proceedings",
        "explanation": "The same matter is before the county court.",
        "evidence": "Claim K0AB1234",
    }
    check = client.post(url, answers)
    page = check.content.decode()
    assert "Check before refusing the complaint" in page
    assert "The letter as" in page and "The same matter is before the county court." in page
    assert not Refusal.objects.exists()
    assert not Letter.objects.filter(complaint=complaint, kind="refusal").exists()
    done = client.post(url, {**answers, "step": "confirm"})
    assert done.status_code == 302
    assert Refusal.objects.filter(complaint=complaint).exists()
    assert "Recorded as not accepted" in _banner(done)


def test_a_refused_complaint_shows_no_acknowledgement_clock_on_its_case_page_2_4(
    log_complaint, handler, officer, client_for, clock
):
    from putright.cases import services

    complaint = log_complaint()
    services.complaint_refuse(
        actor=officer,
        now=clock,
        complaint_id=complaint.pk,
        reason="legal_proceedings",
        explanation="At court",
        evidence="Claim K0AB1234",
    )
    page = client_for(handler).get(f"/staff/complaints/{complaint.pk}/").content.decode()
    assert "None: the complaint was not accepted" in page
    assert "Not accepted, so no acknowledgement is due" in page
    assert "working days left" not in page
