"""Following a complaint: only one's own, escalation without reasons, withdrawal, adding information."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from putright.cases import services
from putright.cases.models import Correspondence, StageRecord, Status
from putright.core.errors import InvalidInput
from putright.residents.access import access_resident_complaint, access_resident_complaints
from putright.residents.errors import NotReachable
from putright.residents.selectors import (
    resident_attachment,
    resident_complaint_view,
    resident_complaints_page,
)
from putright.residents.services import resident_add_information, resident_escalate, resident_withdraw
from tests.residents import factories


@pytest.fixture
def ada(submit):
    return submit()


def _respond(complaint, handler, now):
    services.complaint_acknowledge(
        actor=handler,
        now=now,
        complaint_id=complaint.pk,
        acknowledged_on=date(2026, 12, 1),
        definition="Mould in the bathroom not inspected",
        outcomes_sought="Mould treated",
    )
    services.complaint_respond(
        actor=handler,
        now=now,
        complaint_id=complaint.pk,
        responded_on=date(2026, 12, 1),
        decision="partly_upheld",
        reasons="We should have inspected within 10 days.",
        remedies=[services.RemedyInput(kind="apology", description="We apologise")],
        outstanding_actions=[
            services.ActionInput(description="Treat the mould", promise_on=date(2026, 12, 15))
        ],
    )


def test_a_resident_reaches_only_complaints_with_their_email(ada, submit):
    other = submit(email="other@example.org", resident_name="Olu Other")
    assert access_resident_complaint(email="ADA@example.org", reference=ada.reference) == ada
    assert access_resident_complaint(email="ada@example.org", reference=other.reference) is None
    assert list(access_resident_complaints(email="")) == []


def test_a_representative_reaches_the_complaint_only_with_consent_recorded_code_3_6(submit):
    complaint = submit(representative=factories.representative(), email="ben@example.org")
    assert access_resident_complaint(email="ben@example.org", reference=complaint.reference) == complaint
    complaint.representative.consent_recorded_on = None
    complaint.representative.save()
    assert access_resident_complaint(email="ben@example.org", reference=complaint.reference) is None


def test_actions_on_someone_elses_complaint_behave_as_if_it_did_not_exist(ada, now):
    for act in (
        lambda: resident_escalate(email="eve@example.org", reference=ada.reference, now=now, reason=""),
        lambda: resident_withdraw(email="eve@example.org", reference=ada.reference, now=now, note=""),
        lambda: resident_add_information(
            email="eve@example.org", reference=ada.reference, now=now, text="x", files=[]
        ),
    ):
        with pytest.raises(NotReachable):
            act()
    assert resident_complaint_view(email="eve@example.org", reference=ada.reference) is None


def test_stage_two_can_be_asked_for_without_a_reason_code_6_12(ada, handler, now):
    _respond(ada, handler, now)
    assert resident_complaint_view(email="ada@example.org", reference=ada.reference).can_escalate
    later = now + timedelta(days=1)
    escalated = resident_escalate(email="ada@example.org", reference=ada.reference, now=later, reason="")
    assert escalated.stage == 2
    record = StageRecord.objects.get(complaint=ada, stage=2)
    assert record.escalation_reason == ""
    # Asked Wednesday 2 December 2026: acknowledge within five working days (Code 6.11).
    assert record.acknowledge_by == date(2026, 12, 9)


def test_stage_two_cannot_be_asked_for_before_the_stage_one_answer_code_6_10(ada, now):
    assert not resident_complaint_view(email="ada@example.org", reference=ada.reference).can_escalate
    with pytest.raises(InvalidInput):
        resident_escalate(email="ada@example.org", reference=ada.reference, now=now, reason="")


def test_after_the_landlord_refuses_to_escalate_the_next_step_is_the_ombudsman_code_5_11(ada, handler, now):
    _respond(ada, handler, now)
    services.complaint_refuse_escalation(
        actor=handler,
        now=now,
        complaint_id=ada.pk,
        reason="legal_proceedings",
        explanation="Court claim filed",
    )
    view = resident_complaint_view(email="ada@example.org", reference=ada.reference)
    assert not view.can_escalate
    assert "Court claim filed" in view.refusal


def test_a_resident_can_withdraw_and_the_record_stays_code_5_12(ada, now):
    resident_withdraw(email="ada@example.org", reference=ada.reference, now=now, note="Sorted now")
    ada.refresh_from_db()
    assert ada.status == Status.WITHDRAWN
    assert not resident_complaint_view(email="ada@example.org", reference=ada.reference).can_withdraw


def test_information_added_is_kept_as_received_correspondence_with_its_file_code_5_12(ada, now):
    item = resident_add_information(
        email="ada@example.org",
        reference=ada.reference,
        now=now,
        text="Another photo",
        files=[factories.png_upload("leak.png")],
    )
    assert item.direction == Correspondence.Direction.IN
    assert item.channel == "web"
    assert item.attachments.get().original_name == "leak.png"
    view = resident_complaint_view(email="ada@example.org", reference=ada.reference)
    assert [f.name for m in view.messages for f in m.files] == ["leak.png"]


def test_adding_nothing_is_refused_with_a_message(ada, now):
    with pytest.raises(InvalidInput) as refused:
        resident_add_information(
            email="ada@example.org", reference=ada.reference, now=now, text=" ", files=[]
        )
    assert refused.value.errors["text"] == ["Enter what you want to add, or choose a file"]


def test_the_resident_sees_the_answer_remedies_and_promised_actions_code_6_6(ada, handler, now):
    _respond(ada, handler, now)
    view = resident_complaint_view(email="ada@example.org", reference=ada.reference)
    assert view.standing.tag == "Answer sent"
    assert view.stages[0].decision == "We agreed with part of your complaint."
    assert view.remedies[0].what == "We apologise"
    assert (view.actions[0].what, view.actions[0].due_on) == ("Treat the mould", date(2026, 12, 15))


def test_correspondence_with_other_parties_is_not_shown_to_the_resident(ada, handler, now):
    services.correspondence_add(
        actor=handler,
        now=now,
        complaint_id=ada.pk,
        direction="out",
        channel="email",
        party="Damp Contractors Ltd",
        subject="Job sheet",
        body="Internal",
        occurred_at=now,
        files=[factories.png_upload("job.png")],
    )
    view = resident_complaint_view(email="ada@example.org", reference=ada.reference)
    assert all(m.subject != "Job sheet" for m in view.messages)
    job = ada.attachments.get(original_name="job.png")
    assert resident_attachment(email="ada@example.org", reference=ada.reference, attachment_id=job.pk) is None


def test_a_complaint_page_reads_in_a_fixed_number_of_queries(
    ada, handler, now, django_assert_max_num_queries
):
    _respond(ada, handler, now)
    for _ in range(3):
        resident_add_information(
            email="ada@example.org", reference=ada.reference, now=now, text="More", files=[]
        )
    with django_assert_max_num_queries(10):
        resident_complaint_view(email="ada@example.org", reference=ada.reference)


def test_the_list_of_complaints_is_paged_in_two_queries(submit, django_assert_max_num_queries):
    for _ in range(3):
        submit()
    with django_assert_max_num_queries(2):
        rows, has_next = resident_complaints_page(email="ada@example.org")
    assert len(rows) == 3 and not has_next
