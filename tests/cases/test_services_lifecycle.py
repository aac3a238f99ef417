"""The complaint lifecycle through the services: the Code enforced in one place."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from putright.cases import services
from putright.cases.models import CaseEvent, Complaint, Extension, Refusal, StageRecord, Status
from putright.core.errors import ActionRefused, EditConflict, InvalidInput
from putright.hazards import services as hazard_services
from tests.cases.factories import acknowledge, at, escalate, log, respond

pytestmark = pytest.mark.django_db


def test_date_of_receipt_is_the_date_in_england_code_6_2(handler):
    # 23:30 UTC on Thursday 2 July 2026 is 00:30 on Friday 3 July in London.
    complaint = log(handler, date(2026, 7, 2), received_at=datetime(2026, 7, 2, 23, 30, tzinfo=UTC))
    assert complaint.received_on == date(2026, 7, 3)
    assert complaint.stages.get().acknowledge_by == date(2026, 7, 10)


def test_acknowledgement_is_due_five_working_days_after_receipt_code_6_2(handler):
    complaint = log(handler, date(2026, 12, 24))
    record = complaint.stages.get(stage=1)
    assert record.acknowledge_by == date(2027, 1, 5)
    assert complaint.next_due == date(2027, 1, 5)
    assert complaint.status == Status.RECEIVED


def test_response_is_due_ten_working_days_after_the_actual_acknowledgement_code_6_3(handler):
    complaint = log(handler, date(2026, 12, 24))
    complaint = acknowledge(handler, complaint, date(2027, 1, 5))
    record = complaint.stages.get(stage=1)
    assert record.respond_by == date(2027, 1, 19)
    assert complaint.next_due == date(2027, 1, 19)


def test_an_early_acknowledgement_brings_the_response_deadline_forward_code_6_3(handler):
    complaint = log(handler, date(2026, 11, 2))
    complaint = acknowledge(handler, complaint, date(2026, 11, 2))
    assert complaint.stages.get(stage=1).respond_by == date(2026, 11, 16)


def test_acknowledging_needs_the_complaint_definition_and_outcomes_sought_code_5_6(handler, now):
    complaint = log(handler, date(2026, 11, 2))
    with pytest.raises(InvalidInput) as caught:
        services.complaint_acknowledge(
            actor=handler,
            now=now,
            complaint_id=complaint.pk,
            acknowledged_on=date(2026, 11, 3),
            definition="  ",
            outcomes_sought="",
        )
    assert set(caught.value.errors) == {"definition", "outcomes_sought"}
    assert Complaint.objects.get(pk=complaint.pk).status == Status.RECEIVED


def test_responding_before_acknowledging_is_forbidden_code_6_3(handler):
    complaint = log(handler, date(2026, 11, 2))
    with pytest.raises(ActionRefused) as caught:
        respond(handler, complaint, date(2026, 11, 5))
    assert caught.value.code_paragraph == "6.3"


def test_extensions_add_up_and_may_not_pass_ten_working_days_at_stage_one_code_6_4(handler, now):
    complaint = acknowledge(handler, log(handler, date(2026, 11, 2)), date(2026, 11, 3))
    told = {"notified_on": date(2026, 11, 10), "late_entry_reason": "Entered from the paper file"}
    services.complaint_extend(
        actor=handler, now=now, complaint_id=complaint.pk, working_days=6, reason="Survey", **told
    )
    with pytest.raises(ActionRefused) as caught:
        services.complaint_extend(
            actor=handler, now=now, complaint_id=complaint.pk, working_days=5, reason="More", **told
        )
    assert caught.value.code_paragraph == "6.4"
    record = StageRecord.objects.get(complaint=complaint, stage=1)
    assert record.extension_days == 6
    assert record.respond_by == date(2026, 11, 25)  # 10 + 6 working days after 3 November


def test_a_good_reason_allows_a_longer_extension_code_6_4(handler, now):
    complaint = acknowledge(handler, log(handler, date(2026, 11, 2)), date(2026, 11, 3))
    services.complaint_extend(
        actor=handler,
        now=now,
        complaint_id=complaint.pk,
        working_days=15,
        reason="Specialist report",
        good_reason=True,
        good_reason_explanation="The structural engineer can only visit in three weeks.",
        notified_on=date(2026, 11, 10),
        late_entry_reason="Entered from the paper file",
    )
    assert Extension.objects.get().good_reason is True


def test_an_extension_must_give_the_ombudsman_details_code_6_5(handler, now):
    complaint = acknowledge(handler, log(handler, date(2026, 11, 2)), date(2026, 11, 3))
    with pytest.raises(ActionRefused) as caught:
        services.complaint_extend(
            actor=handler,
            now=now,
            complaint_id=complaint.pk,
            working_days=5,
            reason="x",
            ombudsman_details_given=False,
        )
    assert caught.value.code_paragraph == "6.5"
    assert not Extension.objects.exists()


def test_stage_two_extensions_may_total_twenty_working_days_code_6_15(handler, reviewer, now):
    complaint = respond(
        handler, acknowledge(handler, log(handler, date(2026, 9, 1)), date(2026, 9, 2)), date(2026, 9, 10)
    )
    complaint = escalate(handler, complaint, date(2026, 9, 14))
    complaint = acknowledge(reviewer, complaint, date(2026, 9, 15), handler=reviewer)
    told = {"notified_on": date(2026, 9, 25), "late_entry_reason": "Entered from the paper file"}
    services.complaint_extend(
        actor=reviewer, now=now, complaint_id=complaint.pk, working_days=20, reason="Review", **told
    )
    with pytest.raises(ActionRefused) as caught:
        services.complaint_extend(
            actor=reviewer, now=now, complaint_id=complaint.pk, working_days=1, reason="More", **told
        )
    assert caught.value.code_paragraph == "6.15"


def test_escalation_needs_no_reason_and_opens_stage_two_code_6_11_and_6_12(handler):
    complaint = respond(
        handler, acknowledge(handler, log(handler, date(2026, 9, 1)), date(2026, 9, 2)), date(2026, 9, 10)
    )
    complaint = escalate(handler, complaint, date(2026, 9, 14))
    assert (complaint.stage, complaint.status) == (2, Status.RECEIVED)
    record = StageRecord.objects.get(complaint=complaint, stage=2)
    assert record.escalation_reason == ""
    assert record.acknowledge_by == date(2026, 9, 21)
    assert complaint.handler is None


def test_stage_two_response_is_due_twenty_working_days_after_acknowledgement_code_6_14(handler, reviewer):
    complaint = respond(
        handler, acknowledge(handler, log(handler, date(2026, 9, 1)), date(2026, 9, 2)), date(2026, 9, 10)
    )
    complaint = acknowledge(
        reviewer, escalate(handler, complaint, date(2026, 9, 14)), date(2026, 9, 15), handler=reviewer
    )
    assert StageRecord.objects.get(complaint=complaint, stage=2).respond_by == date(2026, 10, 13)


def test_a_third_stage_is_forbidden_code_5_3(handler, reviewer):
    complaint = respond(
        handler, acknowledge(handler, log(handler, date(2026, 9, 1)), date(2026, 9, 2)), date(2026, 9, 10)
    )
    complaint = acknowledge(
        reviewer, escalate(handler, complaint, date(2026, 9, 14)), date(2026, 9, 15), handler=reviewer
    )
    complaint = respond(reviewer, complaint, date(2026, 10, 1))
    with pytest.raises(ActionRefused) as caught:
        escalate(handler, complaint, date(2026, 10, 2))
    assert caught.value.code_paragraph == "5.3"
    assert StageRecord.objects.filter(complaint=complaint).count() == 2


def test_stage_two_handler_must_differ_from_stage_one_code_6_13(handler, reviewer, now):
    complaint = respond(
        handler, acknowledge(handler, log(handler, date(2026, 9, 1)), date(2026, 9, 2)), date(2026, 9, 10)
    )
    complaint = escalate(handler, complaint, date(2026, 9, 14))
    with pytest.raises(ActionRefused) as caught:
        services.complaint_assign(actor=handler, now=now, complaint_id=complaint.pk, handler=handler)
    assert caught.value.code_paragraph == "6.13"
    with pytest.raises(ActionRefused):
        acknowledge(handler, complaint, date(2026, 9, 15))  # the stage 1 handler would take it on
    services.complaint_assign(actor=handler, now=now, complaint_id=complaint.pk, handler=reviewer)
    assert Complaint.objects.get(pk=complaint.pk).handler == reviewer


def test_refusing_as_out_of_time_within_twelve_months_is_forbidden_code_2_3(handler, now):
    complaint = log(
        handler, date(2026, 11, 2), issue_occurred_on=date(2025, 3, 1), aware_on=date(2026, 1, 10)
    )
    with pytest.raises(ActionRefused) as caught:
        services.complaint_refuse(
            actor=handler, now=now, complaint_id=complaint.pk, reason="over_12_months", explanation="Too old"
        )
    assert caught.value.code_paragraph == "2.3"
    assert not Refusal.objects.exists()


def test_a_refusal_records_the_reason_evidence_and_explanation_code_2_4(handler, now):
    complaint = log(handler, date(2026, 11, 2), issue_occurred_on=date(2024, 6, 1))
    complaint = services.complaint_refuse(
        actor=handler,
        now=now,
        complaint_id=complaint.pk,
        reason="over_12_months",
        explanation="The issue happened in June 2024. You can ask the Housing Ombudsman to review this decision.",
        evidence="Repair log shows the job closed on 1 June 2024",
        aware_when_occurred=True,
        discretion="No good reason for the delay was given; the repair was done in June 2024",
    )
    assert complaint.status == Status.REFUSED
    refusal = Refusal.objects.get()
    assert "Ombudsman" in refusal.explanation and refusal.evidence


def test_a_related_new_issue_joins_the_open_stage_one_complaint_code_6_8(handler, now):
    complaint = acknowledge(handler, log(handler, date(2026, 11, 2)), date(2026, 11, 3))
    complaint, new = services.complaint_add_issue(
        actor=handler,
        now=now,
        complaint_id=complaint.pk,
        description="The radiator leaks too",
        raised_at=at(date(2026, 11, 5)),
        related=True,
        late_entry_reason="Entered from the paper file",
    )
    assert new is None
    assert "The radiator leaks too" in StageRecord.objects.get(complaint=complaint, stage=1).definition


def test_an_unrelated_new_issue_becomes_a_new_linked_complaint_code_6_8(handler, now):
    complaint = acknowledge(handler, log(handler, date(2026, 11, 2)), date(2026, 11, 3))
    _, new = services.complaint_add_issue(
        actor=handler,
        now=now,
        complaint_id=complaint.pk,
        description="My neighbour is noisy",
        raised_at=at(date(2026, 11, 5)),
        related=False,
        late_entry_reason="Entered from the paper file",
    )
    assert new is not None and new.linked_from_id == complaint.pk
    assert new.resident_id == complaint.resident_id
    assert new.stages.get().acknowledge_by == date(2026, 11, 12)


def test_a_new_issue_after_the_stage_one_response_becomes_a_new_complaint_code_6_8(handler, now):
    complaint = respond(
        handler, acknowledge(handler, log(handler, date(2026, 11, 2)), date(2026, 11, 3)), date(2026, 11, 9)
    )
    _, new = services.complaint_add_issue(
        actor=handler,
        now=now,
        complaint_id=complaint.pk,
        description="Related point",
        raised_at=at(date(2026, 11, 10)),
        related=True,
        late_entry_reason="Entered from the paper file",
    )
    assert new is not None


def test_response_records_remedies_and_outstanding_actions_code_6_6_and_7_1(handler):
    complaint = acknowledge(handler, log(handler, date(2026, 11, 2)), date(2026, 11, 3))
    complaint = respond(
        handler,
        complaint,
        date(2026, 11, 10),
        remedies=[
            services.RemedyInput(
                kind="financial", description="£150 for the delay", amount=150, due_on=date(2026, 11, 24)
            )
        ],
        outstanding_actions=[
            services.ActionInput(description="Replace the boiler", promise_on=date(2026, 12, 1))
        ],
    )
    assert complaint.status == Status.RESPONDED
    assert complaint.remedies.get().amount == 150
    assert complaint.actions.get().promise_on == date(2026, 12, 1)


def test_a_financial_remedy_needs_an_amount_code_7_3(handler):
    complaint = acknowledge(handler, log(handler, date(2026, 11, 2)), date(2026, 11, 3))
    with pytest.raises(ActionRefused) as caught:
        respond(
            handler,
            complaint,
            date(2026, 11, 10),
            remedies=[
                services.RemedyInput(kind="financial", description="Compensation", due_on=date(2026, 11, 24))
            ],
        )
    assert (caught.value.field, caught.value.code_paragraph) == ("remedies.0.amount", "7.3")
    assert Complaint.objects.get(pk=complaint.pk).status == Status.ACKNOWLEDGED


def test_update_intervals_are_agreed_when_a_response_will_be_late_code_5_9(handler, now):
    complaint = acknowledge(handler, log(handler, date(2026, 11, 2)), date(2026, 11, 3))
    services.complaint_agree_updates(
        actor=handler,
        now=now,
        complaint_id=complaint.pk,
        interval_working_days=5,
        agreed_on=date(2026, 11, 20),
        late_entry_reason="Entered from the paper file",
    )
    assert complaint.update_agreements.get().next_update_on == date(2026, 11, 27)


def test_a_stale_edit_is_refused_and_changes_nothing(handler, now):
    complaint = log(handler, date(2026, 11, 2))
    stale = complaint.version
    acknowledge(handler, complaint, date(2026, 11, 3))
    with pytest.raises(EditConflict):
        services.complaint_assign(
            actor=handler, now=now, complaint_id=complaint.pk, handler=handler, expected_version=stale
        )


def test_hazards_and_vulnerability_put_the_case_first_code_6_1(handler, now):
    ordinary = log(handler, date(2026, 11, 2))
    mould = log(handler, date(2026, 11, 3), description="Black mould in the bedroom")
    hazard_services.hazard_record(
        actor=handler,
        now=now,
        data=hazard_services.NewHazard(
            complaint_id=mould.pk, kind="significant", hazard="damp_and_mould", description="Black mould"
        ),
    )
    services.adjustment_record(
        actor=handler,
        now=now,
        resident_id=ordinary.resident_id,
        kind="vulnerability",
        description="Recently bereaved",
        recorded_on=date(2026, 11, 3),
        review_on=date(2027, 5, 3),
    )
    first, second = Complaint.objects.order_by("-priority", "next_due")
    assert first.pk == mould.pk and second.vulnerable


def test_a_service_request_carries_on_when_a_complaint_is_raised_from_it_code_1_5(handler, now):
    contact = services.contact_record(
        actor=handler, now=now, channel="phone", received_at=now, summary="Tap leaking"
    )
    contact = services.contact_triage(
        actor=handler,
        now=now,
        contact=contact,
        triage="service_request",
        choice_to_complain_offered=True,
        resident=services.ResidentDetails(name="Bo Peep"),
    )
    request = contact.service_request
    complaint = services.service_request_raise_complaint(
        actor=handler,
        now=now,
        request=request,
        received_at=now,
        description="Still not fixed",
        channel="phone",
    )
    request.refresh_from_db()
    assert request.state == "open" and complaint.service_request_id == request.pk


def test_triaging_as_a_service_request_records_that_the_choice_to_complain_was_offered_code_1_3(handler, now):
    contact = services.contact_record(
        actor=handler, now=now, channel="email", received_at=now, summary="Unhappy"
    )
    with pytest.raises(InvalidInput) as caught:
        services.contact_triage(
            actor=handler,
            now=now,
            contact=contact,
            triage="service_request",
            choice_to_complain_offered=False,
            resident=services.ResidentDetails(name="Bo Peep"),
        )
    assert "choice_to_complain_offered" in caught.value.errors


def test_survey_feedback_is_not_a_complaint_but_the_resident_is_told_how_to_complain_code_1_6(handler, now):
    contact = services.contact_record(
        actor=handler, now=now, channel="other", received_at=now, summary="Survey: 2/10"
    )
    contact = services.contact_triage(
        actor=handler,
        now=now,
        contact=contact,
        triage="survey_feedback",
        choice_to_complain_offered=False,
        resident=services.ResidentDetails(name="Survey Respondent"),
        how_to_complain_method="Complaints leaflet sent by email",
        how_to_complain_given_on=now.date(),
    )
    assert contact.complaint is None and contact.how_to_complain_given
    assert contact.how_to_complain_method == "Complaints leaflet sent by email"


def test_survey_feedback_is_not_recorded_as_told_how_to_complain_unless_someone_confirms_how_and_when_1_6(
    handler, now
):
    contact = services.contact_record(
        actor=handler, now=now, channel="other", received_at=now, summary="Survey: 1/10"
    )
    with pytest.raises(InvalidInput) as caught:
        services.contact_triage(
            actor=handler,
            now=now,
            contact=contact,
            triage="survey_feedback",
            choice_to_complain_offered=False,
            resident=services.ResidentDetails(name="Survey Respondent"),
        )
    assert {"how_to_complain_method", "how_to_complain_given_on"} <= set(caught.value.errors)
    contact.refresh_from_db()
    assert not contact.triage and not contact.how_to_complain_given


def test_offering_the_choice_to_complain_does_not_by_itself_record_that_the_resident_was_told_how_1_6(
    handler, now
):
    contact = services.contact_record(
        actor=handler, now=now, channel="phone", received_at=now, summary="Tap leaking"
    )
    contact = services.contact_triage(
        actor=handler,
        now=now,
        contact=contact,
        triage="service_request",
        choice_to_complain_offered=True,
        resident=services.ResidentDetails(name="Bo Peep"),
    )
    assert contact.choice_to_complain_offered and not contact.how_to_complain_given


def test_a_contact_triaged_as_a_complaint_is_logged_with_its_original_receipt_time_code_3_2(handler, now):
    received = datetime(2026, 11, 27, 16, 0, tzinfo=UTC)
    contact = services.contact_record(
        actor=handler, now=now, channel="in_person", received_at=received, summary="Rude staff"
    )
    contact = services.contact_triage(
        actor=handler,
        now=now,
        contact=contact,
        triage="complaint",
        choice_to_complain_offered=True,
        resident=services.ResidentDetails(name="Cy Twombly"),
    )
    assert contact.complaint.received_on == date(2026, 11, 27)
    assert CaseEvent.objects.filter(complaint=contact.complaint, action="logged").count() == 1
