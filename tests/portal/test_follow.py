"""Following a complaint: one's own only (404 for anyone else's), escalation without reasons."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from putright.cases import services
from putright.cases.models import Attachment, StageRecord, Status
from putright.letters.models import Letter, LetterStatus
from tests.residents import factories

pytestmark = pytest.mark.django_db


def _respond(complaint, handler):
    now = timezone.now()
    today = timezone.localdate()
    services.complaint_acknowledge(
        actor=handler,
        now=now,
        complaint_id=complaint.pk,
        acknowledged_on=today,
        definition="Mould not inspected",
        outcomes_sought="Mould treated",
        responsibility="We are responsible for treating the mould",
    )
    services.complaint_respond(
        actor=handler,
        now=now,
        complaint_id=complaint.pk,
        responded_on=today,
        decision="upheld",
        reasons="We should have inspected.",
        remedies=[
            services.RemedyInput(kind="apology", description="We apologise for not inspecting", due_on=today)
        ],
        outstanding_actions=[
            services.ActionInput(description="Treat the mould", promise_on=date(2099, 1, 4))
        ],
    )


@pytest.fixture
def ada(client, complaint, signed_in):
    return signed_in(client, "ada@example.org")


@pytest.fixture
def eve_complaint(db):
    return factories.submit(
        timezone.now(),
        email="eve@example.org",
        resident_name="Eve Other",
        files=[factories.png_upload("eve.png")],
    )


def test_a_resident_sees_where_their_complaint_stands(ada, complaint):
    page = ada.get(f"/complaints/{complaint.reference}/").content.decode()
    assert "We have your complaint. We will contact you by" in page
    assert "The bathroom ceiling has black mould" in page
    assert "Withdraw your complaint" in page
    assert "Ask for stage 2" not in page


def test_the_answer_outstanding_actions_and_promise_dates_are_shown_code_6_6(ada, complaint, handler):
    _respond(complaint, handler)
    page = ada.get(f"/complaints/{complaint.reference}/").content.decode()
    assert "We agreed with your complaint." in page
    assert "Treat the mould" in page and "4 January 2099" in page
    assert "You do not have to tell us why." in page


def test_stage_two_is_one_button_and_the_reason_is_optional_code_6_12(ada, complaint, handler):
    _respond(complaint, handler)
    response = ada.post(f"/complaints/{complaint.reference}/stage-2/", {"reason": ""})
    assert response["Location"] == f"/complaints/{complaint.reference}/stage-2/asked/"
    record = StageRecord.objects.get(complaint=complaint, stage=2)
    page = ada.get(response["Location"]).content.decode()
    assert record.acknowledge_by.strftime("%A %-d %B %Y") in page
    assert "Housing Ombudsman" in page


def test_stage_two_cannot_be_asked_for_twice(ada, complaint, handler):
    _respond(complaint, handler)
    ada.post(f"/complaints/{complaint.reference}/stage-2/", {"reason": ""})
    response = ada.post(f"/complaints/{complaint.reference}/stage-2/", {"reason": "again"})
    page = response.content.decode()
    assert "You cannot ask for stage 2 for this complaint now" in page
    assert "again" in page


def test_a_long_stage_two_reason_is_refused_and_kept(ada, complaint, handler):
    _respond(complaint, handler)
    text = "why " * 2_600
    page = ada.post(f"/complaints/{complaint.reference}/stage-2/", {"reason": text}).content.decode()
    assert 'href="#reason"' in page and "10,000 characters or fewer" in page
    assert text.strip() in page


def test_withdrawing_asks_first_then_keeps_the_record_code_5_12(ada, complaint):
    page = ada.get(f"/complaints/{complaint.reference}/withdraw/").content.decode()
    assert "Are you sure you want to withdraw your complaint?" in page
    ada.post(f"/complaints/{complaint.reference}/withdraw/", {"note": ""})
    complaint.refresh_from_db()
    assert complaint.status == Status.WITHDRAWN
    assert "You withdrew this complaint" in ada.get(f"/complaints/{complaint.reference}/").content.decode()


def test_adding_information_with_a_bad_file_keeps_the_text(ada, complaint):
    fake = SimpleUploadedFile("note.png", b"plain text", content_type="image/png")
    response = ada.post(
        f"/complaints/{complaint.reference}/add/", {"text": "The leak is worse", "file": fake}
    )
    page = response.content.decode()
    assert 'href="#file"' in page and "note.png must be a" in page
    assert "The leak is worse" in page
    page = ada.post(f"/complaints/{complaint.reference}/add/", {"text": ""}).content.decode()
    assert "Enter what you want to add, or choose a file" in page


def test_information_added_shows_on_the_complaint_with_its_file(ada, complaint):
    response = ada.post(
        f"/complaints/{complaint.reference}/add/",
        {"text": "Photo of the leak", "file": factories.png_upload()},
    )
    assert response.status_code == 302
    page = ada.get(f"/complaints/{complaint.reference}/").content.decode()
    assert "We have added this to your complaint." in page and "Photo of the leak" in page
    attachment = Attachment.objects.get(complaint=complaint)
    download = ada.get(f"/complaints/{complaint.reference}/files/{attachment.pk}/")
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"\x89PNG")


def test_a_resident_cannot_reach_anyone_elses_complaint_in_any_way_tried(ada, complaint, eve_complaint):
    ref = eve_complaint.reference
    eve_file = Attachment.objects.get(complaint=eve_complaint)
    assert ref not in ada.get("/complaints/").content.decode()
    for path in (
        f"/complaints/{ref}/",
        f"/complaints/{ref.lower()}/",
        f"/complaints/{ref}/add/",
        f"/complaints/{ref}/withdraw/",
        f"/complaints/{ref}/stage-2/",
        f"/complaints/{ref}/stage-2/asked/",
        f"/complaints/{ref}/files/{eve_file.pk}/",
        f"/complaints/{complaint.reference}/files/{eve_file.pk}/",
        f"/complaints/{eve_complaint.pk}/",
        "/complaints/CMP-AAAA-AAAA/",
    ):
        assert ada.get(path).status_code == 404, path
    for path, data in (
        (f"/complaints/{ref}/withdraw/", {"note": ""}),
        (f"/complaints/{ref}/add/", {"text": "mine now"}),
        (f"/complaints/{ref}/stage-2/", {"reason": ""}),
        (
            f"/complaints/{complaint.reference}/withdraw/",
            {"note": "", "reference": ref, "complaint_id": eve_complaint.pk},
        ),
    ):
        ada.post(path, data)
    eve_complaint.refresh_from_db()
    assert eve_complaint.status == Status.RECEIVED
    assert not eve_complaint.correspondence.filter(body="mine now").exists()


def test_an_unknown_reference_and_someone_elses_give_the_same_page(ada, eve_complaint):
    theirs = ada.get(f"/complaints/{eve_complaint.reference}/").content.decode()
    missing = ada.get("/complaints/CMP-ZZZZ-ZZZZ/").content.decode()
    assert theirs.replace(eve_complaint.reference, "REF") == missing.replace("CMP-ZZZZ-ZZZZ", "REF")


def test_a_representative_signs_in_with_their_own_email_and_follows_the_complaint_code_3_6(client, signed_in):
    complaint = factories.submit(
        timezone.now(), representative=factories.representative(), email="ben@example.org"
    )
    signed_in(client, "ben@example.org")
    page = client.get(f"/complaints/{complaint.reference}/").content.decode()
    assert "Complaint for Ada Resident" in page


def test_signed_out_visitors_are_sent_to_sign_in(complaint):
    response = Client().get(f"/complaints/{complaint.reference}/")
    assert response["Location"] == "/sign-in/"


def test_the_list_reads_in_a_bounded_number_of_queries(ada, django_assert_max_num_queries):
    for n in range(25):
        factories.submit(timezone.now(), ip=f"192.0.2.{n}")
    with django_assert_max_num_queries(12):
        page = ada.get("/complaints/").content.decode()
    assert "Older complaints" in page


def test_a_long_withdrawal_note_is_refused_and_kept(ada, complaint):
    text = "because " * 1_300
    page = ada.post(f"/complaints/{complaint.reference}/withdraw/", {"note": text}).content.decode()
    assert 'href="#note"' in page and "10,000 characters or fewer" in page
    assert text.strip() in page
    complaint.refresh_from_db()
    assert complaint.status == Status.RECEIVED


def test_letters_issued_to_the_resident_can_be_downloaded_and_no_one_else_can_code_6_9(
    ada, complaint, handler, eve_complaint, signed_in, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _respond(complaint, handler)
    letter = Letter.objects.filter(complaint=complaint, status=LetterStatus.ISSUED).order_by("id").last()
    assert letter is not None, "the letters app issues the stage 1 response"
    mine = f"/complaints/{complaint.reference}/letters/{letter.pk}/pdf/"
    assert mine in ada.get(f"/complaints/{complaint.reference}/").content.decode()
    download = ada.get(mine)
    assert download.status_code == 200 and download.content.startswith(b"%PDF-")
    assert ada.get(f"/complaints/{eve_complaint.reference}/letters/{letter.pk}/pdf/").status_code == 404
    eve = signed_in(Client(), "eve@example.org")
    assert eve.get(mine).status_code == 404
    assert eve.get(f"/complaints/{eve_complaint.reference}/letters/{letter.pk}/pdf/").status_code == 404


def test_a_reopened_complaint_shows_as_open_again_and_no_longer_as_refused_2_4(ada, complaint, handler):
    services.complaint_refuse(
        actor=handler,
        now=timezone.now(),
        complaint_id=complaint.pk,
        reason="legal_proceedings",
        explanation="Your claim at court will decide this.",
        evidence="Claim K0AB1234",
    )
    refused = ada.get(f"/complaints/{complaint.reference}/").content.decode()
    assert "Your claim at court will decide this." in refused
    services.complaint_reopen(
        actor=handler,
        now=timezone.now(),
        complaint_id=complaint.pk,
        reason="The claim was discontinued",
        reopened_at=timezone.now(),
    )
    page = ada.get(f"/complaints/{complaint.reference}/").content.decode()
    assert "We have your complaint. We will contact you by" in page
    assert "Your claim at court will decide this." not in page
    assert "we reopened it" in page


def test_a_resident_who_withdraws_online_without_a_reason_is_recorded_as_choosing_not_to_give_one_5_12(
    ada, complaint
):
    ada.post(f"/complaints/{complaint.reference}/withdraw/", {"note": ""})
    complaint.refresh_from_db()
    assert complaint.withdrawal_channel == "web"
    assert "chose not to give a reason" in complaint.withdrawal_note


def test_a_refused_complaint_says_it_was_refused_with_the_reason_and_the_ombudsman_not_when_we_will_contact_2_4(
    ada, complaint, handler
):
    services.complaint_refuse(
        actor=handler,
        now=timezone.now(),
        complaint_id=complaint.pk,
        reason="legal_proceedings",
        explanation="Your claim at court will decide this.",
        evidence="Claim K0AB1234",
    )
    page = ada.get(f"/complaints/{complaint.reference}/").content.decode()
    assert "Not accepted" in page and "Why we did not accept it" in page
    assert "Your claim at court will decide this." in page
    assert "ask the Housing Ombudsman to look at it" in page
    # The acknowledgement date no longer stands (the received email itself stays in their messages).
    assert 'class="govuk-summary-list__key">We will contact you by<' not in page
