"""Error pages use the service's layout and keep the Ombudsman's details in view."""

import pytest
from django.test import Client


@pytest.mark.django_db
def test_a_missing_page_is_a_plain_english_404_with_the_ombudsman_details(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    body = response.content.decode()
    assert "Page not found" in body and "Housing Ombudsman" in body


@pytest.mark.django_db
def test_a_form_posted_without_its_security_token_explains_what_to_do():
    client = Client(enforce_csrf_checks=True)
    response = client.post("/complain/", {"anything": "x"})
    assert response.status_code == 403
    body = response.content.decode()
    assert "problem with this form" in body and "Housing Ombudsman" in body
