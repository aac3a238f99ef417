"""Service areas on the staff pages: set in settings by the complaints officer, chosen when a
complaint is recorded, changed from the case page (one event)."""

from __future__ import annotations

from putright.cases.models import CaseEvent, Complaint, EventAction
from putright.landlord.models import ServiceArea
from putright.landlord.service_areas import service_area_add
from tests.staff.test_contacts import contact_post, resident


def test_the_officer_adds_a_service_area_with_its_owner_and_sees_it_listed(officer, handler, client_for):
    client = client_for(officer)
    response = client.post("/staff/settings/service-areas/", {"name": "Repairs", "owner": handler.pk})
    assert response.status_code == 302
    area = ServiceArea.objects.get()
    assert (area.slug, area.name, area.owner, area.active) == ("repairs", "Repairs", handler, True)
    page = client.get("/staff/settings/service-areas/").content.decode()
    assert "Repairs" in page and handler.display_name in page
    assert 'aria-current="page"' in page and "Service areas" in page


def test_a_service_area_without_name_or_owner_comes_back_with_both_field_errors(officer, client_for):
    response = client_for(officer).post("/staff/settings/service-areas/", {"name": "", "owner": ""})
    page = response.content.decode()
    assert response.status_code == 400
    assert 'id="id_name-error"' in page and 'id="id_owner-error"' in page
    assert not ServiceArea.objects.exists()


def test_a_duplicate_service_area_name_is_refused_beside_the_name(officer, client_for):
    service_area_add(actor=officer, name="Repairs", owner_id=officer.pk)
    response = client_for(officer).post(
        "/staff/settings/service-areas/", {"name": "REPAIRS", "owner": officer.pk}
    )
    assert response.status_code == 400
    assert 'id="id_name-error"' in response.content.decode()


def test_the_officer_renames_a_service_area_and_gives_it_a_new_owner(officer, handler, client_for):
    area = service_area_add(actor=officer, name="Repairs", owner_id=officer.pk)
    client = client_for(officer)
    assert 'value="Repairs"' in client.get(f"/staff/settings/service-areas/{area.pk}/").content.decode()
    response = client.post(
        f"/staff/settings/service-areas/{area.pk}/", {"name": "Responsive repairs", "owner": handler.pk}
    )
    assert response.status_code == 302
    area.refresh_from_db()
    assert (area.slug, area.name, area.owner) == ("repairs", "Responsive repairs", handler)


def test_a_deactivated_service_area_stays_on_its_complaints_but_is_not_offered(
    officer, client_for, log_complaint
):
    area = service_area_add(actor=officer, name="Repairs", owner_id=officer.pk)
    complaint = log_complaint(service_area="repairs")
    client = client_for(officer)
    client.post(f"/staff/settings/service-areas/{area.pk}/toggle/", {"active": "no"})
    area.refresh_from_db()
    assert not area.active
    complaint.refresh_from_db()
    assert complaint.service_area == area
    case = client.get(f"/staff/complaints/{complaint.pk}/").content.decode()
    assert "Repairs (deactivated)" in case
    triage_url = contact_post(client).url
    assert 'value="repairs"' not in client.get(triage_url).content.decode()


def test_a_handler_cannot_open_the_service_area_settings(handler, client_for):
    assert client_for(handler).get("/staff/settings/service-areas/").status_code == 403


def test_a_complaint_recorded_from_a_contact_is_put_in_the_chosen_service_area(officer, handler, client_for):
    service_area_add(actor=officer, name="Lettings", owner_id=officer.pk)
    client = client_for(handler)
    triage_url = contact_post(client).url
    assert "Service area (optional)" in client.get(triage_url).content.decode()
    client.post(
        triage_url,
        {"triage": "complaint", "choice_to_complain_offered": "on", "service_area": "lettings", **resident()},
    )
    assert Complaint.objects.get(resident__name="Mary Seacole").service_area.slug == "lettings"


def test_changing_the_service_area_from_the_case_page_records_one_event(
    officer, handler, client_for, log_complaint
):
    service_area_add(actor=officer, name="Repairs", owner_id=officer.pk)
    service_area_add(actor=officer, name="Income", owner_id=officer.pk)
    complaint = log_complaint(service_area="repairs")
    client = client_for(handler)
    case = client.get(f"/staff/complaints/{complaint.pk}/").content.decode()
    assert f"/staff/complaints/{complaint.pk}/service-area/" in case
    form = client.get(f"/staff/complaints/{complaint.pk}/service-area/").content.decode()
    assert 'value="income"' in form
    response = client.post(
        f"/staff/complaints/{complaint.pk}/service-area/",
        {"service_area": "income", "expected_version": complaint.version},
    )
    assert response.status_code == 302
    event = CaseEvent.objects.get(complaint=complaint, action=EventAction.SERVICE_AREA_CHANGED)
    assert event.summary == "Service area changed from Repairs to Income"
    assert "Service area changed from Repairs to Income" in client.get(response.url).content.decode()


def test_choosing_the_area_the_complaint_is_already_in_comes_back_with_a_field_error(
    officer, handler, client_for, log_complaint
):
    service_area_add(actor=officer, name="Repairs", owner_id=officer.pk)
    complaint = log_complaint(service_area="repairs")
    response = client_for(handler).post(
        f"/staff/complaints/{complaint.pk}/service-area/",
        {"service_area": "repairs", "expected_version": complaint.version},
    )
    assert response.status_code == 400
    assert 'id="id_service_area-error"' in response.content.decode()


def test_all_complaints_can_be_filtered_by_service_area(officer, handler, client_for, log_complaint):
    service_area_add(actor=officer, name="Repairs", owner_id=officer.pk)
    service_area_add(actor=officer, name="Income", owner_id=officer.pk)
    repairs = log_complaint(name="Ada Lovelace", service_area="repairs")
    income = log_complaint(name="Mary Seacole", service_area="income")
    page = client_for(handler).get("/staff/complaints/", {"service_area": "repairs"}).content.decode()
    assert repairs.reference in page and income.reference not in page


def test_a_complaint_can_be_taken_out_of_its_service_area_from_the_case_page(
    officer, handler, client_for, log_complaint
):
    service_area_add(actor=officer, name="Repairs", owner_id=officer.pk)
    complaint = log_complaint(service_area="repairs")
    client = client_for(handler)
    assert "None of these" in client.get(f"/staff/complaints/{complaint.pk}/service-area/").content.decode()
    response = client.post(
        f"/staff/complaints/{complaint.pk}/service-area/",
        {"service_area": "-", "expected_version": complaint.version},
    )
    assert response.status_code == 302
    complaint.refresh_from_db()
    assert complaint.service_area is None
