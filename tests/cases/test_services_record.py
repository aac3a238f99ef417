"""The full record (Code 5.12): one event per action, all or nothing, never rewritten."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection

from putright.cases import hooks, services
from putright.cases.models import CaseEvent, Complaint, Correspondence, Resident, StageRecord
from putright.core.immutable import RecordIsImmutable
from tests.cases.factories import acknowledge, at, escalate, log, respond

pytestmark = pytest.mark.django_db


def events(complaint: Complaint) -> list[str]:
    return list(CaseEvent.objects.filter(complaint=complaint).order_by("id").values_list("action", flat=True))


def test_every_action_writes_exactly_one_event_code_5_12(handler, reviewer, now):
    complaint = log(handler, date(2026, 9, 1))
    assert events(complaint) == ["logged"]
    steps = [
        ("acknowledged", lambda: acknowledge(handler, complaint, date(2026, 9, 2))),
        (
            "clarification_requested",
            lambda: services.complaint_request_clarification(
                actor=handler, now=now, complaint_id=complaint.pk, questions="Which radiator?"
            ),
        ),
        (
            "extended",
            lambda: services.complaint_extend(
                actor=handler,
                now=now,
                complaint_id=complaint.pk,
                working_days=3,
                reason="Contractor report",
                notified_on=date(2026, 9, 3),
                late_entry_reason="Entered from the paper file",
            ),
        ),
        (
            "updates_agreed",
            lambda: services.complaint_agree_updates(
                actor=handler,
                now=now,
                complaint_id=complaint.pk,
                interval_working_days=5,
                agreed_on=date(2026, 9, 10),
                late_entry_reason="Entered from the paper file",
            ),
        ),
        ("responded", lambda: respond(handler, complaint, date(2026, 9, 16))),
        ("escalated", lambda: escalate(handler, complaint, date(2026, 9, 17))),
        (
            "assigned",
            lambda: services.complaint_assign(
                actor=handler, now=now, complaint_id=complaint.pk, handler=reviewer
            ),
        ),
        ("acknowledged", lambda: acknowledge(reviewer, complaint, date(2026, 9, 18))),
        ("responded", lambda: respond(reviewer, complaint, date(2026, 10, 1))),
        ("closed", lambda: services.complaint_close(actor=reviewer, now=now, complaint_id=complaint.pk)),
    ]
    for expected, step in steps:
        before = CaseEvent.objects.filter(complaint=complaint).count()
        step()
        assert CaseEvent.objects.filter(complaint=complaint).count() == before + 1
        assert events(complaint)[-1] == expected


def test_an_event_records_who_when_what_and_the_change_code_5_12(handler):
    complaint = acknowledge(handler, log(handler, date(2026, 9, 1)), date(2026, 9, 2))
    event = CaseEvent.objects.filter(complaint=complaint).last()
    assert event.actor == handler and event.actor_label == handler.username
    assert event.at == at(date(2026, 9, 2), 12)
    assert event.before["status"] == "received" and event.after["status"] == "acknowledged"
    assert event.after["stage1_respond_by"] == "2026-09-16"
    assert event.after["definition"]


def test_a_failure_part_way_through_an_action_leaves_nothing_behind(handler):
    def fail(event: CaseEvent) -> None:
        raise RuntimeError("letter store unavailable")

    hooks.register_event_hook(fail)
    try:
        with pytest.raises(RuntimeError):
            log(handler, date(2026, 9, 1), resident=services.ResidentDetails(name="Nobody Saved"))
    finally:
        hooks._EVENT_HOOKS.remove(fail)
    assert not Resident.objects.filter(name="Nobody Saved").exists()
    assert (
        not Complaint.objects.exists() and not StageRecord.objects.exists() and not CaseEvent.objects.exists()
    )


def test_a_failed_action_leaves_the_complaint_as_it_was(handler):
    complaint = acknowledge(handler, log(handler, date(2026, 9, 1)), date(2026, 9, 2))

    def fail(event: CaseEvent) -> None:
        raise RuntimeError("boom")

    hooks.register_event_hook(fail)
    try:
        with pytest.raises(RuntimeError):
            respond(handler, complaint, date(2026, 9, 10))
    finally:
        hooks._EVENT_HOOKS.remove(fail)
    complaint.refresh_from_db()
    assert complaint.status == "acknowledged" and complaint.remedies.count() == 0
    assert StageRecord.objects.get(complaint=complaint, stage=1).responded_on is None
    assert events(complaint) == ["logged", "acknowledged"]


def test_case_events_cannot_be_changed_or_deleted_code_5_12(handler):
    complaint = log(handler, date(2026, 9, 1))
    event = CaseEvent.objects.get(complaint=complaint)
    event.summary = "rewritten"
    with pytest.raises(RecordIsImmutable):
        event.save()
    with pytest.raises(RecordIsImmutable):
        event.delete()
    with pytest.raises(RecordIsImmutable):
        CaseEvent.objects.filter(pk=event.pk).update(summary="rewritten")
    with pytest.raises(RecordIsImmutable):
        CaseEvent.objects.filter(pk=event.pk).delete()
    assert CaseEvent.objects.get(pk=event.pk).summary != "rewritten"


def test_correspondence_cannot_be_changed_once_recorded_code_5_12(handler, now):
    complaint = log(handler, date(2026, 9, 1))
    item = services.correspondence_add(
        actor=handler,
        now=now,
        complaint_id=complaint.pk,
        direction="in",
        channel="email",
        party="Resident",
        subject="More photos",
        body="Here they are",
        occurred_at=now,
    )
    item.body = "changed"
    with pytest.raises(RecordIsImmutable):
        item.save()
    assert Correspondence.objects.get(pk=item.pk).body == "Here they are"


@pytest.mark.skipif(connection.vendor != "postgresql", reason="database trigger is PostgreSQL only")
def test_the_database_itself_refuses_to_rewrite_the_record_on_postgresql(handler):
    from django.db import DatabaseError, transaction

    complaint = log(handler, date(2026, 9, 1))
    for statement in ("UPDATE cases_caseevent SET summary = 'x'", "DELETE FROM cases_caseevent"):
        with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(statement + " WHERE complaint_id = %s", [complaint.pk])
    assert CaseEvent.objects.filter(complaint=complaint).count() == 1
