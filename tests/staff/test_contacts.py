"""Record a contact, triage it (Code 1.2-1.6), and the service request register (1.4, 1.5)."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from putright.cases.models import Complaint, Contact, ServiceRequest


def contact_post(client):
    # Yesterday, so that 09:15 is in the past whatever the time the suite runs.
    today = timezone.localdate() - timedelta(days=1)
    return client.post(
        "/staff/contacts/new/",
        {
            "channel": "phone",
            "received_on-day": today.day,
            "received_on-month": today.month,
            "received_on-year": today.year,
            "received_time": "09:15",
            "summary": "The boiler has been broken for a week and nobody came.",
        },
    )


def resident(**extra):
    return {
        "name": "Mary Seacole",
        "email": "",
        "phone": "",
        "address": "",
        "tenancy_reference": "",
        "tenure": "general_needs",
        **extra,
    }


def test_triage_page_quotes_the_definition_and_the_prompt_to_offer_a_complaint_code_1_2_1_3(
    handler, client_for
):
    client = client_for(handler)
    response = contact_post(client)
    assert response.status_code == 302
    page = client.get(response.url).content.decode()
    assert "an expression of dissatisfaction, however made" in page
    assert "offer them the choice to make a complaint (Code 1.3)" in page


def test_contact_triaged_as_complaint_is_logged_at_stage_one_code_1_2(handler, client_for):
    client = client_for(handler)
    triage_url = contact_post(client).url
    response = client.post(
        triage_url, {"triage": "complaint", "choice_to_complain_offered": "on", **resident()}
    )
    complaint = Complaint.objects.get(resident__name="Mary Seacole")
    assert response.url == f"/staff/complaints/{complaint.pk}/"
    assert complaint.stage == 1 and complaint.status == "received"


def test_service_request_needs_the_choice_to_complain_offered_code_1_3(handler, client_for):
    client = client_for(handler)
    triage_url = contact_post(client).url
    page = client.post(triage_url, {"triage": "service_request", **resident()}).content.decode()
    assert "Code 1.3" in page and 'href="#id_choice_to_complain_offered"' in page
    assert Contact.objects.get().triage == ""


def test_missing_resident_name_is_shown_beside_the_field(handler, client_for):
    client = client_for(handler)
    triage_url = contact_post(client).url
    page = client.post(triage_url, {"triage": "complaint", **resident(name="")}).content.decode()
    assert 'id="id_name-error"' in page


def test_raising_a_complaint_from_a_service_request_leaves_it_open_code_1_5(handler, client_for):
    client = client_for(handler)
    triage_url = contact_post(client).url
    client.post(triage_url, {"triage": "service_request", "choice_to_complain_offered": "on", **resident()})
    request = ServiceRequest.objects.get()
    assert request.reference in client.get("/staff/service-requests/").content.decode()
    today = timezone.localdate() - timedelta(days=1)
    response = client.post(
        f"/staff/service-requests/{request.pk}/complaint/",
        {
            "channel": "phone",
            "received_on-day": today.day,
            "received_on-month": today.month,
            "received_on-year": today.year,
            "received_time": "10:00",
            "description": "Still no repair.",
        },
    )
    complaint = Complaint.objects.get(service_request=request)
    assert response.url == f"/staff/complaints/{complaint.pk}/"
    request.refresh_from_db()
    assert request.state == "open"
    assert "stays open" in client.get(response.url).content.decode()


def test_review_list_shows_only_requests_whose_review_date_has_come_code_1_4(handler, client_for):
    client = client_for(handler)
    triage_url = contact_post(client).url
    client.post(triage_url, {"triage": "service_request", "choice_to_complain_offered": "on", **resident()})
    request = ServiceRequest.objects.get()
    assert request.reference not in client.get("/staff/service-requests/?view=review").content.decode()
    ServiceRequest.objects.filter(pk=request.pk).update(review_on=timezone.localdate())
    assert request.reference in client.get("/staff/service-requests/?view=review").content.decode()


def test_survey_feedback_needs_how_and_when_the_resident_was_told_how_to_complain_1_6(handler, client_for):
    client = client_for(handler)
    triage_url = contact_post(client).url
    response = client.post(triage_url, {"triage": "survey_feedback", **resident()})
    page = response.content.decode()
    assert response.status_code == 400
    assert "Code 1.6" in page and 'href="#id_how_to_complain_method"' in page
    assert not Contact.objects.get(pk=int(triage_url.rstrip("/").split("/")[-2])).triage


def test_survey_feedback_records_how_and_when_the_resident_was_told_how_to_complain_1_6(handler, client_for):
    client = client_for(handler)
    triage_url = contact_post(client).url
    today = timezone.localdate()
    response = client.post(
        triage_url,
        {
            "triage": "survey_feedback",
            "how_to_complain_method": "Told on the phone and sent the leaflet",
            "how_to_complain_given_on-day": today.day,
            "how_to_complain_given_on-month": today.month,
            "how_to_complain_given_on-year": today.year,
            **resident(),
        },
    )
    assert response.status_code == 302
    contact = Contact.objects.get(resident__name="Mary Seacole")
    assert contact.how_to_complain_given and contact.how_to_complain_given_on == today
