"""Nobody reaches a complaint their role or identity does not allow (OWASP ASVS 4.1, 4.2 IDOR):
by guessing an id in the API or the staff pages, or an email in the portal."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client
from django.utils import timezone

from putright.accounts.services.tokens import api_token_issue
from putright.cases import services
from putright.residents.access import access_resident_complaints
from tests.cases.factories import log

pytestmark = pytest.mark.django_db


@pytest.fixture
def complaint(handler):
    return log(
        handler,
        date(2026, 11, 20),
        resident=services.ResidentDetails(name="Ada Lovelace", email="ada@example.com"),
        representative=services.RepresentativeDetails(
            name="Charles Babbage", relationship="neighbour", email="charles@example.com"
        ),
    )


def test_a_governance_token_cannot_read_or_list_individual_complaints(complaint, make_user, api_for):
    api = api_for(make_user("governance"))
    assert api.get(f"/complaints/{complaint.pk}").status_code == 403
    assert api.get("/complaints").status_code == 403


@pytest.mark.parametrize("header", ["", "Bearer ", "Bearer pr_not-a-real-token", "Basic aGFuYTpwYXNz"])
def test_no_token_or_a_wrong_one_is_refused(complaint, header):
    client = Client(HTTP_AUTHORIZATION=header) if header else Client()
    assert client.get(f"/api/v1/complaints/{complaint.pk}").status_code == 401


def test_a_revoked_token_or_a_deactivated_user_is_refused(complaint, handler):
    token, raw = api_token_issue(user=handler, now=timezone.now())
    client = Client(HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert client.get(f"/api/v1/complaints/{complaint.pk}").status_code == 200
    token.revoked_at = timezone.now()
    token.save()
    assert client.get(f"/api/v1/complaints/{complaint.pk}").status_code == 401
    _, raw = api_token_issue(user=handler, now=timezone.now())
    handler.is_active = False
    handler.save()
    assert (
        Client(HTTP_AUTHORIZATION=f"Bearer {raw}").get(f"/api/v1/complaints/{complaint.pk}").status_code
        == 401
    )


def test_an_unknown_complaint_id_is_not_found_rather_than_forbidden(handler, api_for):
    assert api_for(handler).get("/complaints/987654").status_code == 404


def test_a_governance_user_cannot_open_a_case_page(complaint, make_user):
    client = Client()
    client.force_login(make_user("governance"))
    response = client.get(f"/staff/complaints/{complaint.pk}/")
    assert response.status_code == 403
    assert b"Ada Lovelace" not in response.content


def test_a_signed_out_visitor_is_sent_to_sign_in_from_a_case_page(complaint):
    response = Client().get(f"/staff/complaints/{complaint.pk}/")
    assert response.status_code == 302
    assert response["Location"].startswith("/staff/login/")


def test_in_the_portal_an_email_reaches_only_its_own_complaints(complaint, handler):
    other = log(
        handler,
        date(2026, 11, 21),
        resident=services.ResidentDetails(name="Grace", email="grace@example.com"),
    )
    assert list(access_resident_complaints(email="ADA@example.com ")) == [complaint]
    assert list(access_resident_complaints(email="grace@example.com")) == [other]
    assert list(access_resident_complaints(email="")) == []


def test_a_representative_reaches_a_complaint_only_once_consent_is_recorded(complaint):
    assert list(access_resident_complaints(email="charles@example.com")) == []
    complaint.representative.consent_recorded_on = date(2026, 11, 20)
    complaint.representative.save()
    assert list(access_resident_complaints(email="charles@example.com")) == [complaint]
