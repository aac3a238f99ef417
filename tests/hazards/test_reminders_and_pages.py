"""Work that cannot hide: reminders before each deadline, undecided screens to the complaints
officer after an hour, overdue duties on the dashboard, the list and the step pages."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from putright.cases import services as case_services
from putright.hazards import services
from putright.reminders.services import reminders_send


@pytest.fixture
def people(handler, officer):
    for user in (handler, officer):
        user.email = f"{user.username}@example.org"
        user.save()
    return handler, officer


def _complaint(officer, at, description="Black mould in the bedroom; my baby has a cough"):
    return case_services.complaint_log(
        actor=officer,
        now=at,
        data=case_services.NewComplaint(
            channel="phone",
            received_at=at,
            description=description,
            resident=case_services.ResidentDetails(name="Ada Lovelace"),
        ),
    )


def _emergency(actor, complaint, now):
    return services.hazard_record(
        actor=actor,
        now=now,
        data=services.NewHazard(
            complaint_id=complaint.pk, kind="emergency", hazard="fire", description="Sparks"
        ),
    )


def test_an_emergency_is_reminded_to_the_handler_and_the_officer_before_its_24_hours(
    people, django_capture_on_commit_callbacks
):
    handler, officer = people
    now = timezone.now()
    complaint = _complaint(officer, now - timedelta(hours=3), description="Sparking socket")
    case_services.complaint_assign(actor=officer, now=now, complaint_id=complaint.pk, handler=handler)
    hazard = _emergency(handler, complaint, now)
    with django_capture_on_commit_callbacks(execute=True):
        reminders_send(today=timezone.localdate(), now=now)
    to_handler = [m for m in mail.outbox if m.to == [handler.email] and m.subject.startswith("Hazards")]
    assert to_handler and hazard.reference in to_handler[0].body and "21 hours left" in to_handler[0].body
    assert any(hazard.reference in m.body for m in mail.outbox if m.to == [officer.email])


def test_a_screen_undecided_after_an_hour_reaches_the_complaints_officer(
    people, django_capture_on_commit_callbacks
):
    _, officer = people
    now = timezone.now()
    recent = _complaint(officer, now - timedelta(minutes=30))
    old = _complaint(officer, now - timedelta(hours=2))
    with django_capture_on_commit_callbacks(execute=True):
        reminders_send(today=timezone.localdate(), now=now)
    (email,) = [m for m in mail.outbox if m.to == [officer.email] and m.subject.startswith("Hazards")]
    assert old.reference in email.body and "vulnerable household" in email.body
    assert recent.reference not in email.body


def test_overdue_duties_are_on_the_dashboard_and_lead_the_hazards_list(people, client_for):
    handler, officer = people
    now = timezone.now()
    late = _emergency(handler, _complaint(officer, now - timedelta(days=2), "Sparks"), now)
    page = client_for(officer).get("/staff/").content.decode()
    assert "1 hazard has a duty overdue" in page
    listing = client_for(officer).get("/staff/hazards/?state=overdue").content.decode()
    assert late.reference in listing and "Overdue" in listing


def test_the_overdue_warning_says_more_than_its_limit_and_the_list_shows_every_one(
    people, client_for, monkeypatch
):
    from putright.hazards import selectors as hazard_selectors

    monkeypatch.setattr(hazard_selectors, "OVERDUE_COUNTED_TO", 1)
    handler, officer = people
    now = timezone.now()
    late = [
        _emergency(handler, _complaint(officer, now - timedelta(days=2), f"Sparks {i}"), now)
        for i in range(2)
    ]
    page = client_for(officer).get("/staff/").content.decode()
    assert "More than 1 hazards have a duty overdue" in page
    listing = client_for(officer).get("/staff/hazards/?state=overdue").content.decode()
    assert all(hazard.reference in listing for hazard in late)


def test_a_step_the_regulations_forbid_shows_the_requirement_on_the_form(people, client_for):
    handler, officer = people
    now = timezone.now()
    hazard = services.hazard_record(
        actor=handler,
        now=now,
        data=services.NewHazard(
            complaint_id=_complaint(officer, now - timedelta(hours=1)).pk,
            kind="significant",
            hazard="damp_and_mould",
            description="Mould",
        ),
    )
    today = timezone.localdate()
    response = client_for(handler).post(
        f"/staff/hazards/{hazard.pk}/summary-sent/",
        {
            "on-day": today.day,
            "on-month": today.month,
            "on-year": today.year,
            "safety_work": "Treat the mould",
            "further_works": "New fan",
            "updates": "Weekly calls",
            "send": "post",
        },
    )
    assert response.status_code == 400
    assert "Record the investigation first" in response.content.decode()


def test_the_one_click_record_uses_the_screens_suggestion_and_the_complaints_receipt(people, client_for):
    handler, officer = people
    complaint = _complaint(officer, timezone.now() - timedelta(hours=5))
    screen = complaint.hazard_screens.get()
    response = client_for(handler).post(f"/staff/hazards/screens/{screen.pk}/record/")
    assert response.status_code == 302
    hazard = complaint.hazards.get()
    assert (hazard.kind, hazard.hazard, hazard.vulnerable) == ("significant", "damp_and_mould", True)
    assert hazard.aware_at == complaint.received_at


def test_the_demo_records_hazards_in_every_state(db, handler, officer):
    from putright.hazards.demo import STATES, demo_hazards

    start = timezone.now() - timedelta(days=120)
    for i in range(len(STATES) * 2):
        complaint = _complaint(officer, start + timedelta(days=i), "Damp")
        complaint.category = _category()
        complaint.save()
    assert demo_hazards(actor=handler, today=timezone.localdate()) == len(STATES)


def _category():
    from putright.landlord.models import Category

    return Category.objects.get_or_create(slug="damp-mould", defaults={"name": "Damp and mould"})[0]
