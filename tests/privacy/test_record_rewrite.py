"""The complaint record stays append-only (Code 5.12): only the anonymisation path in
putright.privacy.record_rewrite may rewrite it, and only inside a transaction."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.db import DatabaseError, connection, models, transaction

from putright.cases.immutable import RecordIsImmutable
from putright.cases.models import CaseEvent
from putright.privacy.record_rewrite import MARKER, allow_rewrite_in_this_transaction, rewrite
from putright.privacy.retention.scrub import scrub

SRC = Path(__file__).resolve().parents[2] / "src" / "putright"
BYPASSES = ("models.QuerySet(model=", "QuerySet(model=", "allow_anonymise")


def test_no_other_module_goes_round_the_append_only_guard():
    offenders = [
        str(path.relative_to(SRC))
        for path in SRC.rglob("*.py")
        if "migrations" not in path.parts
        and path.name != "record_rewrite.py"
        and any(marker in path.read_text() for marker in BYPASSES)
    ]
    assert offenders == []


@pytest.mark.django_db
def test_the_guard_still_refuses_ordinary_updates_after_an_anonymisation(story, now):
    from putright.privacy.retention import resident_anonymise

    resident_anonymise(resident_id=story.ada.pk, kind="retention", actor=None, now=now)
    with pytest.raises(RecordIsImmutable):
        CaseEvent.objects.filter(complaint=story.closed).update(summary="rewritten")
    event = CaseEvent.objects.filter(complaint=story.closed).first()
    with pytest.raises(RecordIsImmutable):
        event.delete()


@pytest.mark.django_db(transaction=True)
def test_a_rewrite_outside_a_transaction_is_refused():
    with pytest.raises(RuntimeError, match="inside a transaction"):
        allow_rewrite_in_this_transaction()
    with pytest.raises(RuntimeError, match="inside a transaction"):
        rewrite(CaseEvent, models.Q(pk=0), summary=MARKER)


@pytest.mark.django_db(transaction=True)
def test_on_postgresql_the_database_refuses_a_rewrite_that_skips_the_flag(story):
    if connection.vendor != "postgresql":
        pytest.skip("the database trigger exists on PostgreSQL only; SQLite relies on the application guard")
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        models.QuerySet(model=CaseEvent).filter(complaint=story.closed).update(summary="rewritten")
    with transaction.atomic():
        allow_rewrite_in_this_transaction()
        assert rewrite(CaseEvent, models.Q(complaint=story.closed), summary=MARKER) > 0
    # The flag lapsed with its transaction.
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        models.QuerySet(model=CaseEvent).filter(complaint=story.closed).update(summary="again")


def test_event_details_keep_codes_dates_amounts_and_staff_but_lose_free_text():
    details = {
        "status": "acknowledged",
        "stage": 2,
        "stage1_respond_by": "2026-09-16",
        "received_at": "2026-09-01T10:00:00+00:00",
        "handler": "hana",
        "vulnerable": True,
        "definition": "Ada's boiler and her asthma",
        "remedies": [{"kind": "financial", "amount": "150.00", "description": "£150 to Ada"}],
        "note": "",
        "unexpected_new_key": "Ada Lovelace",
    }
    assert scrub(details) == {
        "status": "acknowledged",
        "stage": 2,
        "stage1_respond_by": "2026-09-16",
        "received_at": "2026-09-01T10:00:00+00:00",
        "handler": "hana",
        "vulnerable": True,
        "definition": MARKER,
        "remedies": [{"kind": "financial", "amount": "150.00", "description": MARKER}],
        "note": "",
        "unexpected_new_key": MARKER,
    }
