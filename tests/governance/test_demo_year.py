"""The demo shows a realistic year: most remedies delivered, most actions done on time, and
every refused resident sent a letter naming the Ombudsman (Code 2.4, 6.6, 7.3)."""

from __future__ import annotations

from datetime import date

import pytest
from django.db.models import F

from putright.cases.models import Action, Complaint, Extension, Refusal, Remedy, StageRecord
from putright.demo.data.build import build_demo
from putright.governance.selectors.periods import Period
from putright.governance.selectors.statements import refusals_told_of_ombudsman
from putright.landlord.models import ServiceArea

pytestmark = pytest.mark.django_db
TODAY = date(2026, 11, 23)


def test_the_demo_year_delivers_most_remedies_and_actions_and_sends_refusal_letters_8_1():
    build_demo(today=TODAY, complaints=120, seed=7)
    due = Remedy.objects.filter(due_on__lt=TODAY - date.resolution * 14)
    assert due.exists()
    assert due.filter(completed_on__isnull=False).count() >= 0.8 * due.count()
    promised = Action.objects.filter(promise_on__lt=TODAY - date.resolution * 14)
    assert promised.exists()
    on_time = promised.filter(completed_on__lte=F("promise_on")).count()
    assert on_time >= 0.7 * promised.count()
    told = refusals_told_of_ombudsman(Period(date(2025, 11, 1), TODAY))
    assert told.count == told.total
    # The kinds of case the honest-compliance rules exist for, so the reports show them (5.12,
    # 2.4, 6.6): entries made late with a reason, refusals reopened, and promises moved (the
    # first date kept).
    assert StageRecord.objects.exclude(acknowledgement_late_reason="").exists()
    assert Refusal.objects.filter(stage=1, reopened_on__isnull=False).exists()
    assert Action.objects.exclude(promise_on=F("first_promise_on")).exists()
    # Withdrawn after a deadline had passed (the record says so; the figures still count it late).
    assert Complaint.objects.filter(withdrawn_after_deadline=True).exists()
    # Five service areas with owners, each with complaints, and some complaints in none.
    areas = ServiceArea.objects.filter(owner__isnull=False)
    assert sorted(areas.values_list("slug", flat=True)) == [
        "anti-social-behaviour",
        "estates",
        "income",
        "lettings",
        "repairs",
    ]
    assert all(area.complaints.exists() for area in areas)
    assert Complaint.objects.filter(service_area__isnull=True).exists()


@pytest.mark.parametrize("today", [date(2026, 12, 7), date(2025, 12, 30), date(2024, 4, 10)])
def test_the_demo_builds_on_any_day_with_every_extension_agreed_in_time_6_4(today):
    # `make run` builds the demo for the real today: an extension dated after its response
    # date (refused under 6.4) once stopped `make run` on a fresh clone.
    build_demo(today=today, complaints=150)  # the service refuses a late extension: no raise
    assert Extension.objects.exists()
