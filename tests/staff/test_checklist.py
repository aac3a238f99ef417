"""The live Code checklist: one test per item, met and not met."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from putright.cases import selectors, services
from putright.core.errors import ActionRefused
from putright.staff.presenters.checklist import MET, NOT_APPLICABLE, NOT_MET, TO_DO, code_checklist


def items(complaint, key, today=None):
    loaded = selectors.complaint_get(complaint_id=complaint.pk)
    return [i for i in code_checklist(loaded, today=today or timezone.localdate()) if i.key == key]


def respond(complaint, actor, clock, decision="upheld", remedies=None, actions=None, no_remedy_reason=""):
    return services.complaint_respond(
        actor=actor,
        now=clock,
        complaint_id=complaint.pk,
        responded_on=timezone.localdate(),
        decision=decision,
        reasons="The repair was late.",
        remedies=remedies or [],
        outstanding_actions=actions or [],
        no_remedy_reason=no_remedy_reason,
    )


def test_acknowledged_in_time_is_met_when_acknowledged_by_the_deadline_code_6_2(
    log_complaint, acknowledge, handler
):
    complaint = acknowledge(log_complaint(), handler)
    assert items(complaint, "ack")[0].state == MET


def test_acknowledgement_not_made_by_the_deadline_is_not_met_code_6_2(log_complaint):
    complaint = log_complaint(days_ago=20)
    assert items(complaint, "ack")[0].state == NOT_MET


def test_acknowledgement_still_in_time_is_to_do_code_6_2(log_complaint):
    assert items(log_complaint(), "ack")[0].state == TO_DO


def test_definition_recorded_at_acknowledgement_is_met_code_5_6(log_complaint, acknowledge, handler):
    complaint = acknowledge(log_complaint(), handler)
    assert items(complaint, "definition")[0].state == MET


def test_responsibility_missing_is_refused_and_stays_to_do_code_5_7(log_complaint, handler, clock):
    complaint = log_complaint()
    with pytest.raises(ActionRefused) as refused:
        services.complaint_acknowledge(
            actor=handler,
            now=clock,
            complaint_id=complaint.pk,
            acknowledged_on=timezone.localdate(),
            definition="Leak",
            outcomes_sought="Fix",
            responsibility="",
        )
    assert refused.value.code_paragraph == "5.7"
    assert items(complaint, "responsibility")[0].state == TO_DO


def test_extension_with_ombudsman_details_is_met_code_6_5(log_complaint, acknowledge, handler, clock):
    complaint = acknowledge(log_complaint(), handler)
    assert items(complaint, "extension")[0].state == NOT_APPLICABLE
    services.complaint_extend(
        actor=handler,
        now=clock,
        complaint_id=complaint.pk,
        working_days=5,
        reason="Surveyor needed",
        notified_on=timezone.localdate(),
    )
    found = items(complaint, "extension")[0]
    assert found.state == MET and found.paragraph == "6.5"


def test_stage_two_handler_must_differ_from_stage_one_code_6_13(
    log_complaint, acknowledge, handler, reviewer, clock
):
    complaint = acknowledge(log_complaint(), handler)
    assert items(complaint, "stage2_handler")[0].state == NOT_APPLICABLE
    respond(complaint, handler, clock, decision="not_upheld")
    services.complaint_escalate(actor=handler, now=clock, complaint_id=complaint.pk, requested_at=clock)
    assert items(complaint, "stage2_handler")[0].state == TO_DO
    services.complaint_assign(actor=handler, now=clock, complaint_id=complaint.pk, handler=reviewer)
    assert items(complaint, "stage2_handler")[0].state == MET


def test_upheld_response_without_a_remedy_or_a_reason_is_refused_code_6_9(
    log_complaint, acknowledge, handler, clock
):
    complaint = acknowledge(log_complaint(), handler)
    with pytest.raises(ActionRefused) as refused:
        respond(complaint, handler, clock, decision="upheld")
    assert refused.value.code_paragraph == "6.9"
    assert items(complaint, "covers")[0].state == TO_DO
    respond(complaint, handler, clock, decision="upheld", no_remedy_reason="The tap was fixed the same day")
    assert items(complaint, "covers")[0].state == MET


def test_response_with_decision_reasons_and_remedy_covers_6_9(log_complaint, acknowledge, handler, clock):
    complaint = acknowledge(log_complaint(), handler)
    respond(
        complaint,
        handler,
        clock,
        remedies=[
            services.RemedyInput(
                kind="financial",
                description="Compensation",
                amount=Decimal("100"),
                due_on=timezone.localdate() + timedelta(days=14),
            )
        ],
    )
    assert items(complaint, "covers")[0].state == MET
    assert items(complaint, "respond")[0].state == MET


def test_outstanding_action_past_its_promise_date_is_not_on_track_code_6_6(
    log_complaint, acknowledge, handler, clock
):
    complaint = acknowledge(log_complaint(), handler)
    assert items(complaint, "actions")[0].state == NOT_APPLICABLE
    promise = timezone.localdate() + timedelta(days=7)
    respond(
        complaint,
        handler,
        clock,
        decision="not_upheld",
        actions=[services.ActionInput(description="Replace the tap", promise_on=promise)],
    )
    assert items(complaint, "actions")[0].state == MET
    assert items(complaint, "actions", today=promise + timedelta(days=1))[0].state == NOT_MET
