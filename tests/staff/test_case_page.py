"""The case page: deadlines with working days left, the record, hazards, and special category data."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from putright.cases import services
from putright.cases.models import SpecialCategoryRead
from putright.hazards import services as hazard_services


def test_case_page_shows_reference_stage_and_days_left_to_acknowledge_code_6_2(
    log_complaint, handler, client_for
):
    complaint = log_complaint()
    page = client_for(handler).get(f"/staff/complaints/{complaint.pk}/").content.decode()
    assert complaint.reference in page
    assert "Stage 1" in page
    assert "5 working days left" in page
    assert "Acknowledge and define" in page


def test_case_page_links_to_the_letters_for_the_case(log_complaint, handler, client_for):
    complaint = log_complaint()
    page = client_for(handler).get(f"/staff/complaints/{complaint.pk}/").content.decode()
    assert f"/staff/complaints/{complaint.pk}/letters/" in page


def test_unknown_complaint_is_not_found(handler, client_for):
    assert client_for(handler).get("/staff/complaints/999999/").status_code == 404


def test_timeline_merges_events_and_correspondence_in_date_order_code_5_12(
    log_complaint, acknowledge, handler, clock, client_for
):
    complaint = log_complaint(days_ago=2)  # the event is written now, at `clock`
    services.correspondence_add(
        actor=handler,
        now=clock,
        complaint_id=complaint.pk,
        direction="in",
        channel="email",
        party="Resident",
        subject="Photos of the leak",
        body="Here they are.",
        occurred_at=clock - timedelta(days=1),
    )
    services.correspondence_add(
        actor=handler,
        now=clock,
        complaint_id=complaint.pk,
        direction="out",
        channel="email",
        party="Resident",
        subject="Thank you for the photos",
        body="We have them.",
        occurred_at=clock + timedelta(seconds=1),
    )
    page = client_for(handler).get(f"/staff/complaints/{complaint.pk}/").content.decode()
    received = page.index("Photos of the leak")
    logged = page.index("Complaint received by")
    assert received < logged < page.index("Thank you for the photos")


def test_hazard_banner_shows_awaabs_law_deadlines_beside_the_codes(log_complaint, handler, clock, client_for):
    complaint = log_complaint()
    hazard_services.hazard_record(
        actor=handler,
        now=clock,
        data=hazard_services.NewHazard(
            complaint_id=complaint.pk, kind="emergency", hazard="fire", description="Sparks"
        ),
    )
    page = client_for(handler).get(f"/staff/complaints/{complaint.pk}/").content.decode()
    assert "Investigate by" in page and "Make safe (or alternative accommodation) by" in page
    assert "a complaint deadline never replaces a hazard deadline" in page


def test_adjustments_are_shown_to_caseworkers_and_every_view_is_logged_code_5_10(
    log_complaint, handler, clock, client_for
):
    complaint = log_complaint()
    services.adjustment_record(
        actor=handler,
        now=clock,
        resident_id=complaint.resident_id,
        kind="disability",
        description="Uses a wheelchair",
        recorded_on=timezone.localdate(),
        review_on=timezone.localdate() + timedelta(days=90),
    )
    before = SpecialCategoryRead.objects.filter(resident_id=complaint.resident_id).count()
    page = client_for(handler).get(f"/staff/complaints/{complaint.pk}/").content.decode()
    assert "Uses a wheelchair" in page
    assert SpecialCategoryRead.objects.filter(resident_id=complaint.resident_id).count() == before + 1


def test_adjustments_are_hidden_from_administrators_and_nothing_is_logged(
    log_complaint, handler, administrator, clock, client_for
):
    complaint = log_complaint()
    services.adjustment_record(
        actor=handler,
        now=clock,
        resident_id=complaint.resident_id,
        kind="disability",
        description="Uses a wheelchair",
        recorded_on=timezone.localdate(),
        review_on=timezone.localdate() + timedelta(days=90),
    )
    page = client_for(administrator).get(f"/staff/complaints/{complaint.pk}/").content.decode()
    assert "Uses a wheelchair" not in page
    assert "not shown to your role" in page
    assert not SpecialCategoryRead.objects.filter(user=administrator).exists()


def test_governance_cannot_open_a_case(log_complaint, governance, client_for):
    complaint = log_complaint()
    assert client_for(governance).get(f"/staff/complaints/{complaint.pk}/").status_code == 403


def test_a_complaint_mentioning_mould_offers_one_click_to_record_the_hazard(
    log_complaint, handler, client_for
):
    complaint = log_complaint(description="There is black mould in the bedroom.")
    page = client_for(handler).get(f"/staff/complaints/{complaint.pk}/").content.decode()
    assert "mentions mould" in page and "Record as significant hazard" in page


def test_closure_days_before_a_deadline_are_shown_as_not_moving_it(log_complaint, handler, client_for):
    from putright.landlord.services import closure_day_add

    complaint = log_complaint()
    closure_day_add(actor=handler, day=timezone.localdate() + timedelta(days=1), reason="Training")
    page = client_for(handler).get(f"/staff/complaints/{complaint.pk}/").content.decode()
    assert "Closures do not move the deadlines below" in page
