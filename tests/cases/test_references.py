"""References are unguessable and unique (ADR 2); a clash runs the whole action again.

A new complaint's INSERT is not wrapped in a savepoint of its own (two round trips on every
create): on the rare clash with a reference already taken, the action's transaction is
rolled back and the action runs again from nothing, with another reference.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from django.db import IntegrityError

from putright.cases.models import CaseEvent, Complaint, Resident
from putright.core import references
from putright.core.references import with_new_reference
from tests.cases.factories import log

pytestmark = pytest.mark.django_db


def _scripted(monkeypatch: pytest.MonkeyPatch, given: Iterator[str]) -> None:
    monkeypatch.setattr(references, "new_reference", lambda prefix="CMP": next(given))


def test_a_clash_of_references_logs_the_complaint_once_under_another(handler, monkeypatch):
    taken = log(handler, date(2026, 11, 2))
    before = (Complaint.objects.count(), Resident.objects.count(), CaseEvent.objects.count())
    _scripted(monkeypatch, iter([taken.reference, "CMP-FRSH-2345"]))
    complaint = log(handler, date(2026, 11, 3))
    assert complaint.reference == "CMP-FRSH-2345"
    # Nothing of the first attempt survives: one complaint, one resident, one event more.
    after = (Complaint.objects.count(), Resident.objects.count(), CaseEvent.objects.count())
    assert after == (before[0] + 1, before[1] + 1, before[2] + 1)
    assert Complaint.objects.get(pk=taken.pk).reference == taken.reference


def test_a_reference_that_keeps_clashing_is_refused_rather_than_looping(handler, monkeypatch):
    taken = log(handler, date(2026, 11, 2))
    _scripted(monkeypatch, iter([taken.reference] * references.ATTEMPTS))
    with pytest.raises(RuntimeError, match="unique reference"):
        log(handler, date(2026, 11, 3))
    assert Complaint.objects.count() == 1


def test_another_integrity_error_is_not_taken_for_a_clash(handler):
    taken = log(handler, date(2026, 11, 2))
    calls = []

    def action(reference: str) -> Complaint:
        calls.append(reference)
        # The same primary key: an error of the action's own, not of the reference.
        return Complaint.objects.create(pk=taken.pk, reference=reference, resident=taken.resident)

    with pytest.raises(IntegrityError):
        with_new_reference(Complaint, "CMP", action)
    assert len(calls) == 1
