"""Settings for the complaints officer: details, policy timescales (never longer than the Code's), closures, categories."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from putright.landlord.models import Category, ClosureDay, LandlordSettings


def details(**extra):
    return {
        "name": "Riverside Homes",
        "colour": "#00703c",
        "homes_rented": "8200",
        "homes_shared_ownership": "650",
        "ombudsman_details": "Housing Ombudsman Service, 0300 111 3000",
        "complaints_email": "complaints@example.org",
        "complaints_phone": "0300 000 0000",
        "complaints_address": "1 High Street",
        **extra,
    }


def test_officer_saves_the_landlord_name_colour_and_homes(officer, client_for):
    response = client_for(officer).post("/staff/settings/", details())
    assert response.status_code == 302
    current = LandlordSettings.current()
    assert (current.name, current.colour, current.homes_rented) == ("Riverside Homes", "#00703c", 8200)


def test_colour_must_be_hex(officer, client_for):
    page = client_for(officer).post("/staff/settings/", details(colour="green")).content.decode()
    assert 'id="id_colour-error"' in page and "#1d70b8" in page
    assert LandlordSettings.current().colour != "green"


def test_policy_timescale_longer_than_the_code_is_refused_with_the_paragraph_code_6_3(officer, client_for):
    page = (
        client_for(officer)
        .post(
            "/staff/settings/timescales/",
            {
                "stage1_acknowledge_days": 5,
                "stage1_respond_days": 12,
                "stage2_acknowledge_days": 5,
                "stage2_respond_days": 20,
            },
        )
        .content.decode()
    )
    assert "Code 6.3:" in page and 'id="id_stage1_respond_days-error"' in page
    assert LandlordSettings.current().stage1_respond_days == 10


def test_shorter_policy_timescales_are_saved(officer, client_for):
    response = client_for(officer).post(
        "/staff/settings/timescales/",
        {
            "stage1_acknowledge_days": 3,
            "stage1_respond_days": 8,
            "stage2_acknowledge_days": 5,
            "stage2_respond_days": 15,
        },
    )
    assert response.status_code == 302
    assert LandlordSettings.current().stage1_respond_days == 8


def test_closure_days_are_shown_as_not_extending_code_deadlines(officer, client_for):
    day = timezone.localdate() + timedelta(days=30)
    client = client_for(officer)
    client.post(
        "/staff/settings/closures/",
        {"day-day": day.day, "day-month": day.month, "day-year": day.year, "reason": "Office move"},
    )
    page = client.get("/staff/settings/closures/").content.decode()
    assert "Office move" in page
    assert "Closure days do not extend Code deadlines" in page
    closure = ClosureDay.objects.get()
    client.post(f"/staff/settings/closures/{closure.pk}/remove/")
    assert not ClosureDay.objects.exists()


def test_categories_are_added_and_deactivated(officer, client_for):
    client = client_for(officer)
    client.post("/staff/settings/categories/", {"name": "Anti-social behaviour"})
    category = Category.objects.get(slug="anti-social-behaviour")
    client.post(f"/staff/settings/categories/{category.pk}/toggle/", {"active": "no"})
    category.refresh_from_db()
    assert not category.active
    page = client.post("/staff/settings/categories/", {"name": "Anti-social behaviour"}).content.decode()
    assert "already a category" in page


def test_handlers_cannot_change_settings(handler, client_for):
    assert client_for(handler).get("/staff/settings/").status_code == 403
