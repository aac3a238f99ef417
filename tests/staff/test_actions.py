"""Lifecycle actions as forms: POST, service, redirect with a banner; errors beside the field with the Code paragraph."""

from __future__ import annotations

from datetime import timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from putright.cases import services
from putright.cases.models import Action, Attachment, Complaint, Extension, Remedy


def date_fields(name, day):
    return {f"{name}-day": day.day, f"{name}-month": day.month, f"{name}-year": day.year}


def ack_data(complaint, **extra):
    return {
        "expected_version": complaint.version,
        **date_fields("acknowledged_on", timezone.localdate()),
        "definition": "The tap leaks.",
        "outcomes_sought": "A working tap.",
        "responsibility": "The tap is ours to fix.",
        **extra,
    }


def test_acknowledge_form_defaults_the_date_to_today(log_complaint, handler, client_for):
    complaint = log_complaint()
    page = client_for(handler).get(f"/staff/complaints/{complaint.pk}/acknowledge/").content.decode()
    assert (
        f'name="acknowledged_on-year" type="text" inputmode="numeric" value="{timezone.localdate().year}"'
        in page
    )


def test_acknowledging_sets_the_response_deadline_and_shows_a_banner_code_6_3(
    log_complaint, handler, client_for
):
    complaint = log_complaint()
    client = client_for(handler)
    response = client.post(f"/staff/complaints/{complaint.pk}/acknowledge/", ack_data(complaint))
    assert response.status_code == 302 and response.url == f"/staff/complaints/{complaint.pk}/"
    page = client.get(response.url).content.decode()
    assert "Stage 1 acknowledged" in page
    complaint.refresh_from_db()
    assert complaint.status == "acknowledged" and complaint.handler == handler


def test_missing_definition_is_shown_in_the_summary_and_beside_the_field_code_5_6(
    log_complaint, handler, client_for
):
    complaint = log_complaint()
    response = client_for(handler).post(
        f"/staff/complaints/{complaint.pk}/acknowledge/",
        ack_data(complaint, definition="", outcomes_sought="Kept text"),
    )
    page = response.content.decode()
    assert response.status_code == 400  # refused, and the page says why
    assert "There is a problem" in page
    assert 'href="#id_definition"' in page
    assert 'id="id_definition-error"' in page
    assert "Kept text" in page


def test_stale_version_shows_a_conflict_and_keeps_what_was_typed(log_complaint, handler, clock, client_for):
    complaint = log_complaint()
    stale = complaint.version
    services.correspondence_add(
        actor=handler,
        now=clock,
        complaint_id=complaint.pk,
        direction="out",
        channel="phone",
        party="Resident",
        subject="Call",
        body="Called back",
        occurred_at=clock,
    )
    response = client_for(handler).post(
        f"/staff/complaints/{complaint.pk}/acknowledge/",
        ack_data(complaint, expected_version=stale, definition="My careful definition"),
    )
    page = response.content.decode()
    assert "changed by someone else" in page
    assert "My careful definition" in page
    assert Complaint.objects.get(pk=complaint.pk).status == "received"


def extend_data(complaint, days=5, **extra):
    return {
        "expected_version": complaint.version,
        "working_days": days,
        "reason": "We need a surveyor's report.",
        **date_fields("notified_on", timezone.localdate()),
        "ombudsman_details_given": "on",
        **extra,
    }


def test_extension_shows_the_new_response_date_before_saving_code_6_4(
    log_complaint, acknowledge, handler, client_for
):
    complaint = acknowledge(log_complaint(), handler)
    client = client_for(handler)
    check = client.post(f"/staff/complaints/{complaint.pk}/extend/", extend_data(complaint))
    page = check.content.decode()
    assert "Check the new response date" in page
    from putright.core.dates import code_calendar

    expected = code_calendar().add_working_days(timezone.localdate(), 15)
    assert f"{expected.day} {expected:%B %Y}" in page
    assert not Extension.objects.exists()
    confirm = client.post(
        f"/staff/complaints/{complaint.pk}/extend/", {**extend_data(complaint), "step": "confirm"}
    )
    assert confirm.status_code == 302
    assert Complaint.objects.get(pk=complaint.pk).next_due == expected


def test_extension_over_the_cap_is_refused_beside_the_field_code_6_4(
    log_complaint, acknowledge, handler, client_for
):
    complaint = acknowledge(log_complaint(), handler)
    page = (
        client_for(handler)
        .post(f"/staff/complaints/{complaint.pk}/extend/", extend_data(complaint, days=12))
        .content.decode()
    )
    assert "Code 6.4:" in page
    assert 'id="id_working_days-error"' in page


def test_extension_without_the_ombudsmans_details_is_refused_code_6_5(
    log_complaint, acknowledge, handler, client_for
):
    complaint = acknowledge(log_complaint(), handler)
    data = extend_data(complaint)
    del data["ombudsman_details_given"]
    page = client_for(handler).post(f"/staff/complaints/{complaint.pk}/extend/", data).content.decode()
    assert "Code 6.5:" in page


def respond_data(complaint, **extra):
    data = {
        "expected_version": complaint.version,
        **date_fields("responded_on", timezone.localdate()),
        "decision": "upheld",
        "step": "send",
        "reasons": "The repair was late.",
        "remedies-TOTAL_FORMS": 3,
        "remedies-INITIAL_FORMS": 0,
        "remedies-MIN_NUM_FORMS": 0,
        "remedies-MAX_NUM_FORMS": 1000,
        "actions-TOTAL_FORMS": 3,
        "actions-INITIAL_FORMS": 0,
        "actions-MIN_NUM_FORMS": 0,
        "actions-MAX_NUM_FORMS": 1000,
    }
    data.update(extra)
    return data


def test_response_records_remedies_and_actions_and_ignores_blank_rows_code_6_9(
    log_complaint, acknowledge, handler, client_for
):
    complaint = acknowledge(log_complaint(), handler)
    promise = timezone.localdate() + timedelta(days=14)
    response = client_for(handler).post(
        f"/staff/complaints/{complaint.pk}/respond/",
        respond_data(
            complaint,
            **{
                "remedies-0-kind": "financial",
                "remedies-0-description": "Compensation for the delay",
                "remedies-0-amount": "150",
                **date_fields("remedies-0-due_on", promise),
                "actions-1-description": "Replace the tap",
                **date_fields("actions-1-promise_on", promise),
            },
        ),
    )
    assert response.status_code == 302
    assert Remedy.objects.get(complaint=complaint).amount == 150
    assert Action.objects.get(complaint=complaint).promise_on == promise


def test_financial_remedy_without_an_amount_is_refused_on_its_row_code_7_3(
    log_complaint, acknowledge, handler, client_for
):
    complaint = acknowledge(log_complaint(), handler)
    page = (
        client_for(handler)
        .post(
            f"/staff/complaints/{complaint.pk}/respond/",
            respond_data(
                complaint,
                **{
                    "remedies-2-kind": "financial",
                    "remedies-2-description": "Money",
                    **date_fields("remedies-2-due_on", timezone.localdate()),
                },
            ),
        )
        .content.decode()
    )
    assert 'id="id_remedies-2-amount-error"' in page
    assert "Remedy 3: Code 7.3:" in page


def test_responding_before_acknowledging_is_refused_with_the_paragraph_code_6_3(
    log_complaint, handler, client_for
):
    complaint = log_complaint()
    page = (
        client_for(handler)
        .post(f"/staff/complaints/{complaint.pk}/respond/", respond_data(complaint))
        .content.decode()
    )
    assert "Code 6.3:" in page


def test_escalation_needs_no_reason_code_6_12(log_complaint, acknowledge, handler, clock, client_for):
    complaint = acknowledge(log_complaint(), handler)
    services.complaint_respond(
        actor=handler,
        now=clock,
        complaint_id=complaint.pk,
        responded_on=timezone.localdate(),
        decision="not_upheld",
        reasons="No fault found.",
    )
    complaint.refresh_from_db()
    form = client_for(handler).get(f"/staff/complaints/{complaint.pk}/escalate/").content.decode()
    assert "does not have to give a reason (Code 6.12)" in form
    response = client_for(handler).post(
        f"/staff/complaints/{complaint.pk}/escalate/",
        {
            "expected_version": complaint.version,
            **date_fields("requested_on", timezone.localdate()),
            "reason": "",
        },
    )
    assert response.status_code == 302
    complaint.refresh_from_db()
    assert complaint.stage == 2 and complaint.handler is None


def test_stage_one_handler_cannot_be_assigned_stage_two_code_6_13(
    log_complaint, acknowledge, handler, officer, clock, client_for
):
    complaint = acknowledge(log_complaint(), handler)
    services.complaint_respond(
        actor=handler,
        now=clock,
        complaint_id=complaint.pk,
        responded_on=timezone.localdate(),
        decision="not_upheld",
        reasons="No fault found.",
    )
    complaint = services.complaint_escalate(
        actor=officer, now=clock, complaint_id=complaint.pk, requested_at=clock
    )
    client = client_for(officer)
    form = client.get(f"/staff/complaints/{complaint.pk}/assign/").content.decode()
    assert "handled stage 1" in form
    page = client.post(
        f"/staff/complaints/{complaint.pk}/assign/",
        {"expected_version": complaint.version, "handler": handler.pk},
    ).content.decode()
    assert "Code 6.13:" in page
    assert 'id="id_handler-error"' in page


def test_correspondence_keeps_attachments_checked_by_content_code_5_12(log_complaint, handler, client_for):
    complaint = log_complaint()
    base = {
        "expected_version": complaint.version,
        "direction": "in",
        "channel": "email",
        "party": "Resident",
        "subject": "Photos",
        "body": "",
        **date_fields("occurred_on", timezone.localdate()),
        "occurred_time": "09:30",
    }
    client = client_for(handler)
    bad = client.post(
        f"/staff/complaints/{complaint.pk}/correspondence/",
        {**base, "attachments": SimpleUploadedFile("photo.pdf", b"not really a pdf")},
    ).content.decode()
    assert "must be a PDF" in bad
    good = client.post(
        f"/staff/complaints/{complaint.pk}/correspondence/",
        {**base, "attachments": SimpleUploadedFile("leak.pdf", b"%PDF-1.4 test")},
    )
    assert good.status_code == 302
    attachment = Attachment.objects.get(complaint=complaint)
    download = client.get(f"/staff/complaints/{complaint.pk}/attachments/{attachment.pk}/")
    assert download.status_code == 200 and "attachment" in download["Content-Disposition"]


def test_administrators_cannot_record_special_category_details(log_complaint, administrator, client_for):
    complaint = log_complaint()
    assert client_for(administrator).get(f"/staff/complaints/{complaint.pk}/adjustment/").status_code == 403


def test_recording_a_hazard_puts_the_awaabs_law_banner_on_the_case(log_complaint, handler, client_for):
    complaint = log_complaint()
    client = client_for(handler)
    response = client.post(
        f"/staff/complaints/{complaint.pk}/hazard/",
        {"kind": "significant", "hazard": "damp_and_mould", "description": "Mould in the bathroom"},
    )
    assert response.status_code == 302
    assert "Damp and mould growth" in client.get(response.url).content.decode()
