"""A hazard flag set before hazard records existed becomes a hazard record whose clock runs
from the complaint's receipt, not from the flag (one way to record a hazard)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("cases", "0013_idempotency_body"), ("hazards", "0001_h15_initial")]
AFTER = [("cases", "0015_h15_hazard_records"), ("hazards", "0002_h15_from_flags")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return MigrationExecutor(connection).loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_a_flag_set_days_after_receipt_becomes_a_record_due_from_receipt():
    graph = MigrationExecutor(connection).loader.graph
    latest = [*graph.leaf_nodes("cases"), *graph.leaf_nodes("hazards")]
    try:
        old = migrate(BEFORE)
        resident = old.get_model("cases", "Resident").objects.create(name="Ada", address="1 Flat Lane")
        received = datetime(2025, 11, 3, 9, 0, tzinfo=UTC)  # Monday
        old.get_model("cases", "Complaint").objects.create(
            reference="CMP-AAAA-BBBB",
            resident=resident,
            channel="phone",
            description="Black mould",
            received_at=received,
            received_on=date(2025, 11, 3),
            hazard="damp_mould",
            hazard_flagged_at=datetime(2025, 11, 7, 15, 0, tzinfo=UTC),  # flagged on Friday
            priority=20,
        )
        new = migrate(AFTER)
        hazard = new.get_model("hazards", "Hazard").objects.get()
        assert (hazard.kind, hazard.hazard, hazard.aware_at) == ("significant", "damp_and_mould", received)
        assert hazard.next_duty == "investigate"
        assert hazard.next_due_at == datetime(2025, 11, 18, 0, 0, tzinfo=UTC)  # end of 17 November
        complaint = new.get_model("cases", "Complaint").objects.get()
        assert (complaint.hazard, complaint.hazard_due_at) == ("significant", hazard.next_due_at)
        assert new.get_model("hazards", "HazardEvent").objects.filter(hazard=hazard).count() == 1
    finally:
        migrate(latest)
