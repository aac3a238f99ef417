"""Service areas in Chromium with axe-core: the officer sets one up, a caseworker moves a
complaint into it from the case page, and the dashboard narrowed to it shows the breakdowns."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from putright.accounts.models import Role
from putright.cases import services

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_officer_sets_up_a_service_area_and_narrows_the_figures_to_it(
    page, axe_check, staff_login, make_user
):
    officer = make_user(Role.COMPLAINTS_OFFICER, "olive")
    complaint = services.complaint_log(
        actor=officer,
        now=timezone.now(),
        data=services.NewComplaint(
            channel="phone",
            received_at=timezone.now() - timedelta(days=1),
            description="The lift has been broken for a month.",
            resident=services.ResidentDetails(name="Ada Lovelace", email="ada@example.com"),
        ),
    )
    staff_login("olive")
    page.wait_for_url("**/staff/**")
    page.goto("/staff/settings/service-areas/")
    axe_check(page, context="service areas")
    page.get_by_role("button", name="Add service area").click()
    assert "Enter the service area" in page.content()
    axe_check(page, context="service areas with errors")
    page.fill("#id_name", "Estates")
    page.select_option("#id_owner", label="olive")
    page.get_by_role("button", name="Add service area").click()
    assert "Service area Estates added" in page.content()
    page.get_by_role("link", name="Change Estates").click()
    axe_check(page, context="change a service area")

    page.goto(f"/staff/complaints/{complaint.pk}/service-area/")
    axe_check(page, context="move a complaint")
    page.get_by_label("Estates").check()
    page.get_by_role("button", name="Save service area").click()
    assert "Service area changed from none to Estates" in page.content()
    axe_check(page, context="case page with its service area")

    page.goto("/staff/reports/?preset=this-year&service_area=estates")
    assert "service area Estates" in page.content()
    axe_check(page, context="dashboard narrowed to a service area")
    page.get_by_role("link", name="All the figures for").click()
    page.wait_for_url("**/staff/reports/detail/?*service_area=estates*")
    assert "Complaints by service area" in page.content()
    axe_check(page, context="the dashboard's detail narrowed to a service area")
