"""Complaints made online: one transaction for the complaint, adjustments, files and confirmation."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile

from putright.cases.models import (
    Adjustment,
    Attachment,
    CaseEvent,
    Channel,
    Complaint,
    Correspondence,
    StageRecord,
)
from putright.core.errors import InvalidInput
from putright.residents.errors import TooManyAttempts
from putright.residents.models import SignInCode
from putright.residents.services import throttle
from tests.residents import factories


def test_online_complaint_is_logged_on_the_web_channel_with_its_acknowledgement_date_code_6_2(submit, now):
    complaint = submit(issue_occurred_on=date(2026, 11, 20))
    complaint.refresh_from_db()
    assert complaint.channel == Channel.WEB
    assert complaint.stage == 1
    assert complaint.issue_occurred_on == date(2026, 11, 20)
    assert complaint.resident.email == "ada@example.org"
    assert complaint.resident.preferred_channel == "email"
    # Received Tuesday 1 December 2026: five working days later is Tuesday 8 December.
    assert StageRecord.objects.get(complaint=complaint, stage=1).acknowledge_by == date(2026, 12, 8)
    assert (
        CaseEvent.objects.filter(complaint=complaint, action="logged").get().actor_label == "Resident, online"
    )


def test_the_outcomes_the_resident_seeks_are_kept_with_the_complaint_code_5_6(submit):
    complaint = submit()
    assert complaint.stages.get(stage=1).outcomes_sought == "Treat the mould and fix the leak."
    assert "Treat the mould" not in complaint.description


def test_format_and_language_are_recorded_on_the_resident(submit):
    complaint = submit(
        letter_format="other_language",
        language="Polish",
        contact_method="post",
        email="",
        postal_address="2 Post Road",
    )
    resident = Complaint.objects.get(pk=complaint.pk).resident
    assert (resident.preferred_format, resident.language) == ("other_language", "Polish")
    assert (resident.preferred_channel, resident.address) == ("post", "2 Post Road")


def test_a_representative_complaint_records_who_they_are_and_the_residents_agreement_code_3_6(submit, now):
    complaint = submit(representative=factories.representative(), email="ben@example.org")
    complaint = Complaint.objects.select_related("representative", "resident").get(pk=complaint.pk)
    assert complaint.channel == Channel.REPRESENTATIVE
    assert complaint.representative.name == "Ben Helper"
    assert complaint.representative.email == "ben@example.org"
    assert complaint.representative.consent_recorded_on == date(2026, 12, 1)
    assert "online complaint form" in complaint.representative.consent_method
    # The representative's contact details are theirs, not the resident's.
    assert complaint.resident.email == ""


def test_a_representative_must_confirm_the_resident_agrees_code_3_6(submit):
    with pytest.raises(InvalidInput) as refused:
        submit(representative=factories.representative(resident_agrees=False))
    assert "resident_agrees" in refused.value.errors
    assert not Complaint.objects.exists()


def test_reasonable_adjustments_are_recorded_for_review_in_six_months_code_5_10(submit):
    complaint = submit(adjustments="Please phone after 2pm; I am hard of hearing on the left.")
    adjustment = Adjustment.objects.get(resident=complaint.resident)
    assert adjustment.kind == "adjustment"
    assert adjustment.recorded_on == date(2026, 12, 1)
    assert adjustment.review_on == date(2027, 6, 1)


def test_photos_are_checked_by_content_and_kept_with_the_complaint_code_5_12(submit):
    complaint = submit(files=[factories.png_upload()])
    attachment = Attachment.objects.get(complaint=complaint)
    assert attachment.content_type == "image/png"
    assert attachment.original_name == "mould.png"
    assert attachment.correspondence.direction == Correspondence.Direction.IN


def test_a_file_that_is_not_what_it_claims_to_be_is_refused_and_nothing_is_saved(submit):
    fake = SimpleUploadedFile("photo.png", b"MZ\x90\x00 not a picture", content_type="image/png")
    with pytest.raises(InvalidInput) as refused:
        submit(files=[fake])
    assert "photo.png must be a PDF" in refused.value.errors["files"][0]
    assert not Complaint.objects.exists()


def test_a_failure_part_way_saves_nothing_adjustments_included(submit):
    with pytest.raises(InvalidInput):
        # The adjustment is valid; the date after receipt is refused by complaint_log.
        submit(adjustments="Large print", aware_on=date(2027, 1, 1))
    assert not Complaint.objects.exists()
    assert not Adjustment.objects.exists()


def test_confirmation_email_goes_after_commit_with_a_sign_in_link_and_a_copy_without_secrets_is_kept_code_5_12(
    submit, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        complaint = submit()
    [message] = mail.outbox
    assert message.to == ["ada@example.org"]
    assert complaint.reference in message.subject
    assert "https://portal.example/sign-in/link/" in message.body
    assert "Tuesday 8 December 2026" in message.body
    assert "Housing Ombudsman" in message.body
    kept = Correspondence.objects.get(complaint=complaint, direction=Correspondence.Direction.OUT)
    assert kept.subject == message.subject
    assert "sign-in/link/" not in kept.body
    assert SignInCode.objects.filter(email="ada@example.org").count() == 1


def test_no_email_is_sent_when_the_resident_asked_for_phone_calls(submit, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        submit(contact_method="phone", email="", phone="07700 900982")
    assert mail.outbox == []


def test_complaints_from_one_connection_are_limited_per_hour(submit, now):
    for _ in range(throttle.COMPLAIN_PER_IP.attempts):
        submit(ip="198.51.100.7")
    with pytest.raises(TooManyAttempts):
        submit(ip="198.51.100.7")
    submit(ip="198.51.100.8")
    factories.submit(now + timedelta(hours=1, seconds=1), ip="198.51.100.7")
