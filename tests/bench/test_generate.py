"""The bulk generator writes data that obeys the same rules as the services (issue #9)."""

from __future__ import annotations

from datetime import date
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from django.db.models import Count, Sum

from putright.cases import services
from putright.cases.models import CaseEvent, Complaint, Extension, Refusal, Resident, StageRecord
from putright.cases.phone import phone_digits
from putright.cases.services._common import refresh_due, refresh_priority
from putright.cases.services.deadlines import acknowledge_due, edition_for, respond_due
from putright.cases.services.queue_key import refresh_queue_key
from putright.demo.generate import generate
from putright.rules.editions import ruleset_by_key
from putright.rules.exclusions import check_out_of_time_refusal
from putright.rules.timescales import check_refusal_time_limit

pytestmark = pytest.mark.django_db

TODAY = date(2026, 12, 1)
REFERENCE = r"^CMP-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$"


@pytest.fixture
def generated(db: Any) -> dict[str, int]:
    return generate(complaints=200, seed=1, today=TODAY, out=None)


def test_the_command_adds_the_complaints_asked_for(db):
    out = StringIO()
    call_command("generate", complaints=200, seed=1, quiet=True, stdout=out)
    assert "Generated 200 complaints" in out.getvalue()
    assert Complaint.objects.count() == 200


def test_every_complaint_has_a_stage_one_record_code_5_12(generated):
    assert generated["complaint"] == 200
    assert not Complaint.objects.exclude(stages__stage=1).exists()
    assert not StageRecord.objects.values("complaint", "stage").annotate(n=Count("id")).filter(n__gt=1)


def test_stage_two_exists_only_when_escalated_code_6_10(generated):
    with_stage_two = Complaint.objects.filter(stages__stage=2)
    assert with_stage_two.exists()
    assert not with_stage_two.filter(escalation_requested_on__isnull=True).exists()
    assert not with_stage_two.exclude(stage=2).exists()
    assert not Complaint.objects.filter(stage=2).exclude(stages__stage=2).exists()


def test_about_one_complaint_in_five_is_escalated(generated):
    escalated = Complaint.objects.filter(escalation_requested_on__isnull=False).count()
    assert 20 <= escalated <= 60


def test_every_change_is_in_the_event_log_starting_with_logging_code_5_12(generated):
    counts = dict(CaseEvent.objects.values_list("complaint").annotate(n=Count("id")))
    for complaint in Complaint.objects.all():
        # record_event raises the version once per event.
        assert counts[complaint.pk] == complaint.version - 1
        assert complaint.events.first().action == "logged"
    stage_two_events = set(CaseEvent.objects.filter(action="escalated").values_list("complaint", flat=True))
    assert stage_two_events == set(Complaint.objects.filter(stages__stage=2).values_list("pk", flat=True))


def test_deadlines_are_what_the_rules_compute_code_6_2_6_3_6_11_6_14(generated):
    # The same one function as the services: the landlord's policy and the complaint's edition.
    records = (
        StageRecord.objects.annotate(extended=Sum("extensions__working_days"))
        .select_related("complaint")
        .order_by("id")
    )
    reopened = dict(
        Refusal.objects.filter(stage=1, reopened_on__isnull=False).values_list("complaint", "reopened_on")
    )
    checked = 0
    for record in records[:120]:
        edition = record.complaint.code_edition
        assert edition == edition_for(record.complaint.received_on)
        # A refused complaint taken on starts the stage 1 clock again from its reopening (2.4).
        start = (
            reopened.get(record.complaint_id, record.requested_on)
            if record.stage == 1
            else record.requested_on
        )
        ack = acknowledge_due(edition=edition, stage=record.stage, requested_on=start)
        assert (record.acknowledge_by, record.code_acknowledge_by) == (ack.policy, ack.code)
        assert record.extension_days == (record.extended or 0)
        if record.acknowledged_on:
            due = respond_due(
                edition=edition,
                stage=record.stage,
                requested_on=record.requested_on,
                acknowledged_on=record.acknowledged_on,
                extension_days=record.extension_days,
            )
            assert (record.respond_by, record.code_respond_by) == (due.policy, due.code)
            checked += 1
        else:
            assert record.respond_by is None and record.responded_on is None
    assert checked > 50


def test_some_generated_complaints_predate_the_2024_code_editions(generated):
    assert Complaint.objects.filter(code_edition="hos-2020", received_on__lt=date(2024, 4, 1)).exists()
    assert not Complaint.objects.filter(code_edition="hos-2020", received_on__gte=date(2024, 4, 1)).exists()


def test_each_extension_records_the_new_deadline_and_passes_the_cap_only_with_good_reason_code_6_4_6_15(
    generated,
):
    assert Extension.objects.exists()
    for record in StageRecord.objects.filter(extension_days__gt=0).prefetch_related("extensions"):
        edition = record.complaint.code_edition
        total = 0
        for extension in record.extensions.all():
            total += extension.working_days
            assert extension.ombudsman_details_given
            due = respond_due(
                edition=edition,
                stage=record.stage,
                requested_on=record.requested_on,
                acknowledged_on=record.acknowledged_on,
                extension_days=total,
            )
            assert extension.new_respond_by == due.policy
            cap = ruleset_by_key(edition).extension_cap_days[record.stage]
            assert total <= cap or extension.good_reason


def test_the_queue_deadline_and_priority_are_what_the_services_store_code_6_1(generated):
    for complaint in Complaint.objects.prefetch_related("stages"):
        stored_due, stored_priority = complaint.next_due, complaint.priority
        refresh_due(complaint, next(s for s in complaint.stages.all() if s.stage == complaint.stage))
        refresh_priority(complaint)
        assert (complaint.next_due, complaint.priority) == (stored_due, stored_priority)


def test_the_queue_key_is_what_the_services_store_issue_16(generated):
    """`due_at` is the next running deadline (hazard, Code deadline or promised date)."""
    complaints = list(Complaint.objects.all())
    assert any(c.due_at is None for c in complaints) and any(c.due_at is not None for c in complaints)
    for complaint in complaints:
        stored = complaint.due_at
        refresh_queue_key(complaint)
        assert complaint.due_at == stored, complaint.reference


def test_generated_hazards_are_in_every_state_with_the_rules_deadlines_awaabs_law(db):
    from putright.hazards.models import Hazard
    from putright.hazards.services._common import refresh_next_due

    generate(complaints=1500, seed=3, today=TODAY, out=None)
    hazards = list(Hazard.objects.select_related("complaint"))
    reached = {
        "open, not investigated": any(h.investigated_at is None for h in hazards),
        "investigated": any(h.investigated_at and not h.summary_sent_on and not h.closed for h in hazards),
        "summary sent": any(h.summary_sent_on for h in hazards),
        "made safe": any(h.made_safe_at for h in hazards),
        "works started": any(h.works_started_on and not h.works_completed_on for h in hazards),
        "works completed": any(h.works_completed_on for h in hazards),
        "exception": any(h.stopped_at for h in hazards),
        "alternative accommodation": any(h.accommodation_at for h in hazards),
        "no hazard found": any(h.hazard_found is False for h in hazards),
        "emergency": any(h.kind == "emergency" for h in hazards),
    }
    assert all(reached.values()), reached
    from putright.rules.hazards import STORED_OUTCOMES

    for hazard in hazards:
        keys = ("next_due_at", "next_duty", "closed", *STORED_OUTCOMES)
        stored = [getattr(hazard, k) for k in keys]
        refresh_next_due(hazard)
        assert [getattr(hazard, k) for k in keys] == stored, hazard.reference
        # One hazard per generated complaint: its next deadline is the complaint's hazard key.
        assert hazard.complaint.hazard_due_at == hazard.next_due_at


def test_the_stage_two_handler_is_never_the_stage_one_handler_code_6_13(generated):
    for complaint in Complaint.objects.filter(stage=2).prefetch_related("stages"):
        first, second = complaint.stages.all()
        assert second.handler_id is None or second.handler_id != first.handler_id


def test_refusals_as_out_of_time_pass_the_twelve_month_rule_code_2_3(generated):
    for refusal in Refusal.objects.select_related("complaint"):
        c = refusal.complaint
        if refusal.reason == "over_12_months":
            check_refusal_time_limit(
                received_on=c.received_on, issue_occurred_on=c.issue_occurred_on, aware_on=c.aware_on
            )
            check_out_of_time_refusal(
                received_on=c.received_on,
                issue_occurred_on=c.issue_occurred_on,
                aware_on=c.aware_on,
                aware_when_occurred=refusal.aware_when_occurred,
                discretion=refusal.discretion,
            )
        if refusal.stage == 2:
            assert c.status == "closed"
        elif refusal.reopened_on is None:
            assert c.status == "refused"
        else:
            assert c.status != "refused"  # reopened: taken on again (Code 2.4)


def test_reopened_refusals_restart_stage_one_from_the_reopening_2_4(generated):
    reopened = Refusal.objects.filter(stage=1, reopened_on__isnull=False).select_related("complaint")
    assert reopened.exists()
    for refusal in reopened:
        first = refusal.complaint.stages.get(stage=1)
        assert refusal.reopened_on >= refusal.refused_on
        due = acknowledge_due(
            edition=refusal.complaint.code_edition, stage=1, requested_on=refusal.reopened_on
        )
        assert (first.acknowledge_by, first.code_acknowledge_by) == (due.policy, due.code)
        assert first.acknowledged_on is None or first.acknowledged_on >= refusal.reopened_on


def test_refused_escalations_keep_the_request_and_some_are_late_5_11_6_11(generated):
    refused = Refusal.objects.filter(stage=2)
    assert refused.exists()
    for refusal in refused:
        assert refusal.requested_on is not None and refusal.acknowledge_by is not None
        assert refusal.requested_on >= refusal.complaint.stages.get(stage=1).responded_on


def test_withdrawals_record_how_and_why_and_whether_after_a_deadline_5_12(generated):
    withdrawn = Complaint.objects.filter(withdrawn_on__isnull=False)
    assert withdrawn.exists()
    assert not withdrawn.filter(withdrawal_note="").exists()
    assert not withdrawn.filter(withdrawal_channel="").exists()


def test_nothing_happens_after_today_and_responses_follow_acknowledgements_code_6_3(generated):
    assert not CaseEvent.objects.filter(at__date__gte=TODAY).exists()
    assert not StageRecord.objects.filter(responded_on__gte=TODAY).exists()
    for record in StageRecord.objects.filter(responded_on__isnull=False):
        assert record.requested_on <= record.acknowledged_on <= record.responded_on


def test_references_are_unique_and_in_the_app_format(generated):
    references = list(Complaint.objects.values_list("reference", flat=True))
    assert len(set(references)) == len(references)
    assert Complaint.objects.filter(reference__regex=REFERENCE).count() == len(references)


def test_the_same_seed_gives_the_same_complaints(db):
    generate(complaints=50, seed=7, today=TODAY, out=None)
    first = list(
        Complaint.objects.order_by("id").values_list("received_on", "status", "stage", "category__slug")
    )
    generate(complaints=50, seed=7, today=TODAY, out=None)
    second = list(
        Complaint.objects.order_by("id").values_list("received_on", "status", "stage", "category__slug")[50:]
    )
    assert first == second


def test_the_app_logs_complaints_normally_after_a_bulk_load(generated, officer, now):
    new = services.complaint_log(
        actor=officer,
        now=now,
        data=services.NewComplaint(
            channel="email",
            received_at=now,
            description="The lift is broken again.",
            resident=services.ResidentDetails(name="Ada Lovelace"),
        ),
    )
    assert new.pk > max(Complaint.objects.exclude(pk=new.pk).values_list("pk", flat=True))
    assert new.events.count() == 1


def test_generated_residents_can_be_found_by_phone_number_as_the_services_store_them(generated):
    residents = list(Resident.objects.exclude(phone="").values_list("phone", "phone_digits")[:50])
    assert residents
    assert all(digits == phone_digits(phone) and digits for phone, digits in residents)


def test_generated_complaints_are_spread_over_the_service_areas_and_some_have_none(generated):
    by_area = dict(
        Complaint.objects.values_list("service_area__slug")
        .annotate(n=Count("id"))
        .values_list("service_area__slug", "n")
    )
    assert {"repairs", "lettings", "income", "anti-social-behaviour", "estates"} <= set(by_area)
    assert by_area.get(None, 0) > 0
    assert by_area["repairs"] == max(n for slug, n in by_area.items() if slug)
