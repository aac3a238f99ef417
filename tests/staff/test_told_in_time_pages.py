"""Issue 14 items 1-3 on the staff pages: each refusal shows beside the field to change, with its paragraph.

Code 6.4 (extension in time, good reason written), 5.7 (responsibility), 6.9(e) (a remedy or
why none), 5.12 (a letter sent outside putright recorded), 6.13 (nobody from stage 1 at stage 2).
"""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from putright.cases import services
from putright.cases.models import Complaint, Extension, StageRecord
from putright.letters.models import Letter
from tests.staff.test_actions import ack_data, date_fields, extend_data, respond_data


def test_an_extension_after_the_response_date_is_refused_beside_the_date_told_code_6_4(
    log_complaint, acknowledge, handler, client_for
):
    long_ago = timezone.localdate() - timedelta(days=40)
    complaint = acknowledge(log_complaint(days_ago=40), handler, on=long_ago)
    page = (
        client_for(handler)
        .post(f"/staff/complaints/{complaint.pk}/extend/", extend_data(complaint))
        .content.decode()
    )
    assert "Code 6.4:" in page
    assert 'id="id_notified_on-error"' in page
    assert not Extension.objects.exists()


def test_passing_the_cap_with_good_reason_asks_for_the_explanation_beside_its_field_code_6_4(
    log_complaint, acknowledge, handler, client_for
):
    complaint = acknowledge(log_complaint(), handler)
    client = client_for(handler)
    url = f"/staff/complaints/{complaint.pk}/extend/"
    page = client.post(url, extend_data(complaint, days=15, good_reason="on")).content.decode()
    assert "Code 6.4:" in page
    assert 'id="id_good_reason_explanation-error"' in page
    explained = extend_data(
        complaint, days=15, good_reason="on", good_reason_explanation="The whole block needs a damp survey."
    )
    check = client.post(url, explained).content.decode()
    assert "The whole block needs a damp survey." in check
    assert client.post(url, {**explained, "step": "confirm"}).status_code == 302
    assert Extension.objects.get().good_reason_explanation == "The whole block needs a damp survey."


def test_an_upheld_response_without_a_remedy_asks_why_beside_the_field_code_6_9(
    log_complaint, acknowledge, handler, client_for
):
    complaint = acknowledge(log_complaint(), handler)
    client = client_for(handler)
    url = f"/staff/complaints/{complaint.pk}/respond/"
    page = client.post(url, respond_data(complaint)).content.decode()
    assert "Code 6.9:" in page
    assert 'id="id_no_remedy_reason-error"' in page
    assert StageRecord.objects.get(complaint=complaint).responded_on is None
    reason = "The tap was replaced the day you called and you asked for nothing more."
    assert client.post(url, respond_data(complaint, no_remedy_reason=reason)).status_code == 302
    letter = Letter.objects.get(complaint=complaint, kind="stage1_response")
    assert reason.rstrip(".") in letter.body_html


def test_an_acknowledgement_sent_outside_putright_needs_how_it_was_sent_code_5_12(
    log_complaint, handler, client_for
):
    complaint = log_complaint()
    client = client_for(handler)
    url = f"/staff/complaints/{complaint.pk}/acknowledge/"
    page = client.post(url, ack_data(complaint, sent_outside="on")).content.decode()
    assert "Code 5.12:" in page
    assert 'id="id_sent_outside_note-error"' in page
    note = "Posted first class today; copy on the file."
    assert client.post(url, ack_data(complaint, sent_outside="on", sent_outside_note=note)).status_code == 302
    assert StageRecord.objects.get(complaint=complaint).acknowledgement_sent_outside == note
    assert not Letter.objects.filter(complaint=complaint, kind="acknowledgement").exists()
    case = client.get(f"/staff/complaints/{complaint.pk}/").content.decode()
    assert "Letters sent outside putright" in case and note in case


def test_the_acknowledgement_page_requires_what_we_are_responsible_for_code_5_7(
    log_complaint, handler, client_for
):
    complaint = log_complaint()
    page = (
        client_for(handler)
        .post(f"/staff/complaints/{complaint.pk}/acknowledge/", ack_data(complaint, responsibility=""))
        .content.decode()
    )
    assert "Code 5.7" in page
    assert 'id="id_responsibility-error"' in page
    assert Complaint.objects.get(pk=complaint.pk).status == "received"


def test_the_stage_one_handler_cannot_acknowledge_stage_two_on_the_page_code_6_13(
    log_complaint, acknowledge, handler, reviewer, officer, clock, client_for
):
    complaint = acknowledge(log_complaint(), handler)
    today = timezone.localdate()
    services.complaint_respond(
        actor=handler,
        now=clock,
        complaint_id=complaint.pk,
        responded_on=today,
        decision="not_upheld",
        reasons="No fault found.",
    )
    complaint = services.complaint_escalate(
        actor=officer, now=clock, complaint_id=complaint.pk, requested_at=clock
    )
    complaint = services.complaint_assign(
        actor=officer, now=clock, complaint_id=complaint.pk, handler=reviewer
    )
    data = {**ack_data(complaint), **date_fields("acknowledged_on", today)}
    page = client_for(handler).post(f"/staff/complaints/{complaint.pk}/acknowledge/", data).content.decode()
    assert "Code 6.13:" in page
    assert Complaint.objects.get(pk=complaint.pk).status == "received"
