"""The service starts, serves its home page and the API schema."""

import pytest


@pytest.mark.django_db
def test_home_page_says_what_the_service_is(client):
    response = client.get("/")
    assert response.status_code == 200
    assert "Tell us when something has gone wrong" in response.content.decode()
    assert "Housing Ombudsman" in response.content.decode()


@pytest.mark.django_db
def test_openapi_schema_is_served(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    assert "/api/v1/complaints" in response.json()["paths"]


@pytest.mark.django_db
def test_anonymous_staff_visit_leads_to_sign_in(client):
    response = client.get("/staff/")
    assert response.status_code == 302
    assert response["Location"].startswith("/staff/login/")
