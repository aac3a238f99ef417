"""The bulk generator writes data that obeys the same rules as the services (issue #9)."""

from __future__ import annotations

from datetime import date
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from django.db.models import Count, Sum

from putright.cases import services
from putright.cases.generate import generate
from putright.cases.models import CaseEvent, Complaint, Extension, Refusal, Resident, StageRecord
from putright.cases.phone import phone_digits
from putright.cases.services._common import refresh_due, refresh_priority
from putright.core.dates import code_calendar
from putright.rules.timescales import acknowledge_by, check_refusal_time_limit, respond_by

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
    calendar = code_calendar()
    records = StageRecord.objects.annotate(extended=Sum("extensions__working_days")).order_by("id")
    checked = 0
    for record in records[:120]:
        assert record.acknowledge_by == acknowledge_by(
            calendar, stage=record.stage, requested_on=record.requested_on
        )
        assert record.extension_days == (record.extended or 0)
        if record.acknowledged_on:
            assert record.respond_by == respond_by(
                calendar,
                stage=record.stage,
                acknowledged_on=record.acknowledged_on,
                extension_days=record.extension_days,
            )
            checked += 1
        else:
            assert record.respond_by is None and record.responded_on is None
    assert checked > 50


def test_each_extension_records_the_new_deadline_and_passes_the_cap_only_with_good_reason_code_6_4_6_15(
    generated,
):
    calendar = code_calendar()
    assert Extension.objects.exists()
    for record in StageRecord.objects.filter(extension_days__gt=0).prefetch_related("extensions"):
        total = 0
        for extension in record.extensions.all():
            total += extension.working_days
            assert extension.ombudsman_details_given
            assert extension.new_respond_by == respond_by(
                calendar, stage=record.stage, acknowledged_on=record.acknowledged_on, extension_days=total
            )
            cap = 10 if record.stage == 1 else 20
            assert total <= cap or extension.good_reason


def test_the_queue_deadline_and_priority_are_what_the_services_store_code_6_1(generated):
    for complaint in Complaint.objects.prefetch_related("stages"):
        stored_due, stored_priority = complaint.next_due, complaint.priority
        refresh_due(complaint, next(s for s in complaint.stages.all() if s.stage == complaint.stage))
        refresh_priority(complaint)
        assert (complaint.next_due, complaint.priority) == (stored_due, stored_priority)


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
        assert c.status == ("refused" if refusal.stage == 1 else "closed")


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
