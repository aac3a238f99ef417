"""Service areas through the API: given when a complaint is logged, read back, filtered on,
and changed through the same service as the case page."""

from __future__ import annotations

import pytest

from putright.cases.models import CaseEvent, EventAction
from putright.landlord.service_areas import service_area_add
from tests.api.test_complaints_api import NEW, create

pytestmark = pytest.mark.django_db


@pytest.fixture
def api(api_for, officer):
    service_area_add(actor=officer, name="Repairs", owner_id=officer.pk)
    service_area_add(actor=officer, name="Lettings", owner_id=officer.pk)
    return api_for(officer)


def test_a_complaint_logged_with_a_service_area_is_read_back_with_its_slug(api):
    made = create(api, service_area="repairs")
    assert made["service_area"] == "repairs"
    assert api.get(f"/complaints/{made['id']}").json()["service_area"] == "repairs"
    assert create(api)["service_area"] is None


def test_an_unknown_service_area_on_a_new_complaint_answers_422_with_a_field_error(api):
    response = api.post("/complaints", {**NEW, "service_area": "gardening"})
    assert response.status_code == 422
    assert "service_area" in response.json()["errors"]


def test_the_list_filters_by_service_area_and_refuses_an_unknown_one(api):
    repairs = create(api, service_area="repairs")
    create(api, service_area="lettings")
    create(api)
    found = api.get("/complaints", service_area="repairs").json()["items"]
    assert [c["id"] for c in found] == [repairs["id"]]
    response = api.get("/complaints", service_area="gardening")
    assert response.status_code == 422 and "service_area" in response.json()["errors"]


def test_the_service_area_is_changed_through_the_api_as_one_event(api):
    made = create(api, service_area="repairs")
    response = api.post(f"/complaints/{made['id']}/service-area", {"service_area": "lettings"})
    assert response.status_code == 200, response.content
    assert response.json()["service_area"] == "lettings"
    event = CaseEvent.objects.get(complaint_id=made["id"], action=EventAction.SERVICE_AREA_CHANGED)
    assert event.summary == "Service area changed from Repairs to Lettings"


def test_changing_to_an_unknown_service_area_answers_422_and_an_unknown_complaint_404(api):
    made = create(api, service_area="repairs")
    response = api.post(f"/complaints/{made['id']}/service-area", {"service_area": "gardening"})
    assert response.status_code == 422 and "service_area" in response.json()["errors"]
    assert api.post("/complaints/999999/service-area", {"service_area": "lettings"}).status_code == 404


def test_a_service_area_or_handler_no_name_could_have_is_a_field_error_not_a_database_fault(api):
    listed = api.get("/complaints", service_area="repairs\x00")
    assert listed.status_code == 422 and "service_area" in listed.json()["errors"]
    period = {"from": "2026-04-01", "to": "2026-06-30"}
    report = api.get("/reports/performance", **period, service_area="a b", handler="x\x00")
    assert report.status_code == 422 and set(report.json()["errors"]) == {"service_area", "handler"}
