"""Every change that may move a published figure marks its complaints for a recount (ADR 5).

The marks (`UncountedChange`) are written by database triggers (`cases` migration 0024), so
a path that is not a service (a bulk correction, an import's own SQL, the admin) cannot leave
a stored day counted as settled after it changed a complaint counted on it.
"""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection

from putright.cases.models import Complaint, Resident, Tenure, UncountedChange
from tests.cases.factories import acknowledge, log

pytestmark = pytest.mark.django_db


def marked() -> set[int]:
    return set(UncountedChange.objects.values_list("complaint_id", flat=True))


def test_a_new_complaint_and_each_action_on_it_mark_it_for_the_figures(handler):
    complaint = log(handler, date(2026, 11, 2))
    assert marked() == {complaint.pk}
    UncountedChange.objects.all().delete()
    acknowledge(handler, complaint, date(2026, 11, 3), handler=handler)
    assert marked() == {complaint.pk}


def test_a_write_outside_the_services_marks_the_complaint_too(handler):
    complaint = log(handler, date(2026, 11, 2))
    UncountedChange.objects.all().delete()
    Complaint.objects.filter(pk=complaint.pk).update(next_due=date(2026, 11, 24))
    assert marked() == {complaint.pk}
    UncountedChange.objects.all().delete()
    with connection.cursor() as cursor:
        cursor.execute("UPDATE cases_complaint SET stage = 2 WHERE id = %s", [complaint.pk])
    assert marked() == {complaint.pk}


def test_a_change_of_tenure_marks_every_complaint_of_the_resident_and_only_theirs(handler):
    """CH01 and CH02 count by the resident's tenure: all their complaints move together."""
    first = log(handler, date(2026, 11, 2))
    second = log(handler, date(2026, 11, 5), resident=None, resident_id=first.resident_id)
    other = log(handler, date(2026, 11, 6))
    UncountedChange.objects.all().delete()
    resident = Resident.objects.get(pk=first.resident_id)
    new = Tenure.SHARED_OWNERSHIP if resident.tenure != Tenure.SHARED_OWNERSHIP else Tenure.GENERAL_NEEDS
    Resident.objects.filter(pk=resident.pk).update(tenure=new)
    assert marked() == {first.pk, second.pk}
    assert other.pk not in marked()


def test_saving_a_resident_without_changing_the_tenure_marks_nothing(handler):
    complaint = log(handler, date(2026, 11, 2))
    UncountedChange.objects.all().delete()
    resident = Resident.objects.get(pk=complaint.resident_id)
    resident.name = "A corrected name"
    resident.save()
    assert marked() == set()
