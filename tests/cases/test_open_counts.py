"""The open-complaint counts kept by triggers (issue 21): always what counting gives.

The suite's autouse check (`tests/conftest.py`) compares them with a live count after every
test that touches the database; these tests follow one complaint through each kind of
change, and check the readers, the folding and the migration's fill.
"""

from __future__ import annotations

import importlib
from datetime import date, timedelta

import pytest
from django.db import connection

from putright.cases import selectors, services
from putright.cases.models import Complaint, OpenCount, Status
from putright.cases.selectors.open_counts import open_counts_hold
from tests.cases.factories import acknowledge, at, escalate, log, respond
from tests.open_counts import open_counts_live, open_counts_stored

pytestmark = pytest.mark.django_db

TODAY = date(2026, 12, 1)
SOON = date(2026, 12, 8)


def matches() -> bool:
    return open_counts_stored() == open_counts_live()


def test_the_counts_follow_a_complaint_through_every_kind_of_change(handler, reviewer, now):
    first = log(handler, date(2026, 11, 2))
    assert matches() and open_counts_stored()
    first = acknowledge(handler, first, date(2026, 11, 3), handler=handler)
    assert matches()
    services.complaint_assign(actor=handler, now=now, complaint_id=first.pk, handler=reviewer)
    assert matches()
    services.complaint_assign(actor=handler, now=now, complaint_id=first.pk, handler=handler)
    first = respond(handler, first, date(2026, 11, 10))
    assert matches()
    escalate(handler, first, date(2026, 11, 12))
    assert matches()
    second = log(handler, date(2026, 11, 20))
    services.complaint_withdraw(
        actor=handler, now=now, complaint_id=second.pk, channel="phone", note="Sorted by the repairs team."
    )
    assert matches()
    third = log(handler, date(2026, 11, 23))
    # A write that is not a service (a bulk correction, an import's own SQL) is counted too.
    Complaint.objects.filter(pk=third.pk).update(next_due=date(2026, 11, 24), due_at=None)
    assert matches()
    Complaint.objects.filter(pk=third.pk).update(status=Status.CLOSED)
    assert matches()
    # A row written and removed outside the services (nothing refers to this copy yet).
    copy = Complaint.objects.get(pk=first.pk)
    copy.pk, copy.reference = None, "CMP-COPY-0001"
    copy.save()
    assert matches()
    Complaint.objects.filter(pk=copy.pk).delete()
    assert matches()


def test_a_change_that_moves_no_count_adds_no_rows(handler):
    complaint = log(handler, date(2026, 11, 2))
    rows = OpenCount.objects.count()
    Complaint.objects.filter(pk=complaint.pk).update(description="Corrected spelling", priority=3)
    assert OpenCount.objects.count() == rows


def test_counts_by_stage_from_the_kept_rows_equal_a_live_count(handler, reviewer, now):
    for day in (date(2026, 11, 2), date(2026, 11, 25), date(2026, 11, 30)):
        log(handler, day)
    answered = acknowledge(handler, log(handler, date(2026, 11, 2)), date(2026, 11, 3), handler=handler)
    escalate(handler, respond(handler, answered, date(2026, 11, 10)), date(2026, 11, 12))
    acknowledge(handler, log(handler, date(2026, 11, 26)), date(2026, 11, 27), handler=reviewer)
    for filters in (
        selectors.ComplaintFilters(open_only=True),
        selectors.ComplaintFilters(open_only=True, handler_id=handler.pk),
        selectors.ComplaintFilters(open_only=True, unassigned=True),
        selectors.ComplaintFilters(open_only=True, overdue=True),
    ):
        assert open_counts_hold(filters)
        live = {}
        for complaint in selectors.complaints_filtered(filters=filters, today=TODAY):
            got = live.setdefault(complaint.stage, {"total": 0, "overdue": 0, "due_soon": 0, "idle": 0})
            running = complaint.status in selectors.OPEN_STATUSES and complaint.next_due
            got["total"] += 1
            got["overdue"] += bool(running and complaint.next_due < TODAY)
            got["due_soon"] += bool(running and TODAY <= complaint.next_due <= SOON)
            got["idle"] += complaint.due_at is None
        assert selectors.complaint_counts_by_stage(filters=filters, today=TODAY, soon=SOON) == live


def test_a_filter_the_counts_do_not_hold_is_counted_from_the_complaints(handler):
    log(handler, date(2026, 11, 2))
    searched = selectors.ComplaintFilters(open_only=True, search="Ada")
    assert not open_counts_hold(searched)
    assert selectors.complaint_counts_by_stage(filters=searched, today=TODAY, soon=SOON)[1]["total"] == 1
    assert not selectors.complaint_counts_by_stage(
        filters=selectors.ComplaintFilters(open_only=True, search="Nobody"), today=TODAY, soon=SOON
    )


def test_counts_by_handler_leave_out_a_handler_with_nothing_open(handler, reviewer, now):
    complaint = acknowledge(handler, log(handler, date(2026, 11, 2)), date(2026, 11, 3), handler=reviewer)
    assert selectors.open_counts_by_handler(today=TODAY, soon=SOON)[reviewer.pk]["stage_one"] == 1
    services.complaint_assign(actor=handler, now=now, complaint_id=complaint.pk, handler=handler)
    found = selectors.open_counts_by_handler(today=TODAY, soon=SOON)
    assert reviewer.pk not in found
    assert found[handler.pk] == {"stage_one": 1, "stage_two": 0, "overdue": 1, "due_soon": 0}


def test_folding_leaves_one_row_per_key_and_the_same_counts(handler, reviewer, now):
    complaint = log(handler, date(2026, 11, 2))
    for who in (reviewer, handler, reviewer):
        services.complaint_assign(actor=handler, now=now, complaint_id=complaint.pk, handler=who)
    log(handler, date(2026, 11, 3))
    before = open_counts_stored()
    rows = OpenCount.objects.count()
    folded = services.open_counts_compact()
    assert folded == rows - OpenCount.objects.count() > 0
    assert open_counts_stored() == before
    assert OpenCount.objects.count() == len(before)
    assert not OpenCount.objects.filter(n=0).exists()
    assert services.open_counts_compact() == 0


def test_the_migration_counts_the_complaints_already_there(handler):
    for day in (date(2026, 11, 2), date(2026, 11, 3)):
        log(handler, day)
    respond(
        handler, acknowledge(handler, log(handler, date(2026, 11, 4)), date(2026, 11, 5)), date(2026, 11, 9)
    )
    expected = open_counts_stored()
    OpenCount.objects.all().delete()
    migration = importlib.import_module("putright.cases.migrations.0023_open_counts")
    with connection.cursor() as cursor:
        cursor.execute(migration.FILL)
    assert open_counts_stored() == expected


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's trigger firing modes")
def test_the_trigger_fires_even_in_a_session_that_switches_triggers_off():
    # ENABLE ALWAYS ('A'): `session_replication_role = replica` (the generator's fast load)
    # skips ordinary triggers but not this one, so no path leaves the counts behind.
    with connection.cursor() as cursor:
        cursor.execute("SELECT tgenabled FROM pg_trigger WHERE tgname = 'cases_complaint_open_count'")
        assert cursor.fetchone()[0] == "A"


def test_a_complaint_received_today_counts_as_due_soon_not_overdue(handler):
    complaint = log(handler, TODAY)
    due = Complaint.objects.get(pk=complaint.pk).next_due
    assert due is not None and TODAY <= due <= TODAY + timedelta(days=7)
    counts = selectors.complaint_counts_by_stage(
        filters=selectors.ComplaintFilters(open_only=True), today=TODAY, soon=SOON
    )
    assert counts[1]["due_soon"] == 1 and counts[1]["overdue"] == 0
    assert at(TODAY).date() == TODAY
