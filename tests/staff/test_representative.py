"""Caseworkers add, change and remove the resident's representative and record consent (Code 3.6)."""

from __future__ import annotations

from html import unescape

import pytest
from django.utils import timezone

from putright.accounts.models import Role
from putright.cases import services
from putright.cases.models import CaseEvent, Complaint
from putright.letters.models import Letter

CASEWORK = [Role.HANDLER, Role.REVIEWER, Role.COMPLAINTS_OFFICER, Role.ADMINISTRATOR]


def date_fields(name, day):
    return {f"{name}-day": day.day, f"{name}-month": day.month, f"{name}-year": day.year}


def bob(complaint, **extra):
    return {
        "expected_version": complaint.version,
        "name": "Bob Smith",
        "relationship": "son",
        "email": "bob.smith@example.org",
        "phone": "",
        "address": "",
        **date_fields("consent_recorded_on", timezone.localdate()),
        "consent_method": "Signed consent form",
        **extra,
    }


def url(complaint, what=""):
    return f"/staff/complaints/{complaint.pk}/representative/{what}"


def test_the_case_page_offers_to_add_a_representative_code_3_6(log_complaint, handler, client_for):
    complaint = log_complaint()
    page = client_for(handler).get(f"/staff/complaints/{complaint.pk}/").content.decode()
    assert f'href="{url(complaint)}">Add a representative</a>' in page


@pytest.mark.parametrize("role", CASEWORK)
def test_each_caseworking_role_may_add_a_representative_code_3_6(role, log_complaint, make_user, client_for):
    complaint = log_complaint()
    response = client_for(make_user(role)).post(url(complaint), bob(complaint))
    assert response.status_code == 302 and response.url == f"/staff/complaints/{complaint.pk}/"
    assert Complaint.objects.get(pk=complaint.pk).representative.name == "Bob Smith"


@pytest.mark.parametrize("what", ["", "remove/"])
def test_governance_may_not_set_or_remove_a_representative_and_nothing_changes(
    what, log_complaint, governance, client_for
):
    complaint = log_complaint(
        representative=services.RepresentativeDetails(name="Bob Smith", relationship="son")
    )
    client = client_for(governance)
    assert client.get(url(complaint, what)).status_code == 403
    data = {**bob(complaint, name="Eve"), "reason": "Withdrawn"}
    assert client.post(url(complaint, what), data).status_code == 403
    assert Complaint.objects.get(pk=complaint.pk).representative.name == "Bob Smith"
    assert not CaseEvent.objects.filter(complaint=complaint, action__startswith="representative").exists()


def test_bad_input_is_shown_beside_each_field_and_in_the_summary_code_3_6(log_complaint, handler, client_for):
    complaint = log_complaint()
    tomorrow = timezone.localdate() + timezone.timedelta(days=1)
    response = client_for(handler).post(
        url(complaint),
        bob(complaint, name="", email="bob at example", **date_fields("consent_recorded_on", tomorrow)),
    )
    page = unescape(response.content.decode())
    assert response.status_code == 400
    assert "There is a problem" in page
    for anchor, message in (
        ("id_name", "Enter the representative's name"),
        ("id_email", "Enter an email address in the correct format, like name@example.com"),
        ("id_consent_recorded_on-day", "The date consent was recorded must be today or in the past"),
    ):
        assert f'<a href="#{anchor}">{message}</a>' in page
        assert f'id="{anchor.removesuffix("-day")}-error"' in page
    assert 'value="bob at example"' in page  # what was typed is kept
    assert Complaint.objects.get(pk=complaint.pk).representative_id is None


def test_a_half_typed_date_is_an_error_not_a_server_fault(log_complaint, handler, client_for):
    complaint = log_complaint()
    data = bob(complaint, **{"consent_recorded_on-day": "31", "consent_recorded_on-month": "2"})
    response = client_for(handler).post(url(complaint), data)
    assert response.status_code == 400
    assert "must be a real date" in response.content.decode()


def test_a_stale_page_shows_the_conflict_and_keeps_what_was_typed(log_complaint, handler, clock, client_for):
    complaint = log_complaint()
    stale = complaint.version
    services.correspondence_add(
        actor=handler,
        now=clock,
        complaint_id=complaint.pk,
        direction="out",
        channel="phone",
        party="Resident",
        subject="Call",
        body="Called back",
        occurred_at=clock,
    )
    response = client_for(handler).post(url(complaint), bob(complaint, expected_version=stale))
    page = response.content.decode()
    assert response.status_code == 409 and "changed by someone else" in page and "Bob Smith" in page
    assert Complaint.objects.get(pk=complaint.pk).representative_id is None


def test_a_representative_added_with_consent_gets_a_copy_of_the_next_letter_code_3_6(
    log_complaint, handler, client_for
):
    complaint = log_complaint()
    client = client_for(handler)
    response = client.post(url(complaint), bob(complaint))
    assert response.status_code == 302
    complaint.refresh_from_db()
    client.post(
        f"/staff/complaints/{complaint.pk}/clarify/",
        {"expected_version": complaint.version, "questions": "Which tap is leaking?"},
    )
    letter = Letter.objects.get(complaint=complaint, kind="clarification_request")
    assert (letter.copy_recipient, letter.copy_relationship) == ("Bob Smith", "son")
    assert (letter.copy_channel, letter.copy_address) == ("email", "bob.smith@example.org")


def test_without_consent_the_draft_says_so_and_links_to_where_consent_is_recorded_code_3_6(
    log_complaint, handler, client_for, clock
):
    complaint = log_complaint(
        representative=services.RepresentativeDetails(
            name="Bob Smith", relationship="son", email="bob@example.org"
        )
    )
    services.complaint_request_clarification(
        actor=handler, now=clock, complaint_id=complaint.pk, questions="Which tap?"
    )
    letter = Letter.objects.get(complaint=complaint)
    assert letter.copy_recipient == ""
    client = client_for(handler)
    page = unescape(client.get(f"/staff/letters/{letter.pk}/").content.decode())
    assert "consent to them dealing with the complaint is not recorded" in page
    assert f'href="{url(complaint)}">Record consent or change the representative</a>' in page
    case_page = unescape(client.get(f"/staff/complaints/{complaint.pk}/").content.decode())
    assert "None: the resident's consent is not recorded" in case_page


def test_changing_shows_the_current_details_and_records_consent_code_3_6(log_complaint, handler, client_for):
    complaint = log_complaint(
        representative=services.RepresentativeDetails(name="Bob Smith", relationship="son")
    )
    client = client_for(handler)
    form = client.get(url(complaint)).content.decode()
    assert "Change the representative" in form and 'value="Bob Smith"' in form
    response = client.post(url(complaint), bob(complaint, address="3 Canal Street"))
    assert response.status_code == 302
    page = unescape(client.get(response.url).content.decode())
    assert "Letters issued from now on are copied to them" in page
    assert "Signed consent form" in page and "By email" in page


def test_removing_the_representative_when_consent_is_withdrawn_code_3_6(log_complaint, officer, client_for):
    complaint = log_complaint(
        representative=services.RepresentativeDetails(name="Bob Smith", relationship="son")
    )
    client = client_for(officer)
    case_page = client.get(f"/staff/complaints/{complaint.pk}/").content.decode()
    assert f'href="{url(complaint, "remove/")}"' in case_page
    form = client.get(url(complaint, "remove/")).content.decode()
    assert "Bob Smith (son)" in form and "govuk-button--warning" in form

    empty = client.post(url(complaint, "remove/"), {"expected_version": complaint.version, "reason": ""})
    assert empty.status_code == 400 and 'href="#id_reason"' in empty.content.decode()

    response = client.post(
        url(complaint, "remove/"),
        {"expected_version": complaint.version, "reason": "The resident withdrew consent by phone"},
    )
    assert response.status_code == 302
    assert Complaint.objects.get(pk=complaint.pk).representative_id is None
    assert client.get(url(complaint, "remove/")).status_code == 404


def test_an_unknown_complaint_is_404(handler, client_for, db):
    client = client_for(handler)
    assert client.get("/staff/complaints/999999/representative/").status_code == 404
    assert client.post("/staff/complaints/999999/representative/remove/", {"reason": "x"}).status_code == 404
