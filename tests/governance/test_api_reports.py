"""GET /api/v1/reports/performance: the contract outside callers rely on."""

from __future__ import annotations

import pytest

from putright.accounts.models import Role
from tests.governance.scenario import Scenario

pytestmark = pytest.mark.django_db
URL = "/reports/performance"
Q1 = {"from": "2026-04-01", "to": "2026-06-30"}


@pytest.mark.parametrize("role", [Role.COMPLAINTS_OFFICER, Role.GOVERNANCE, Role.ADMINISTRATOR])
def test_report_roles_get_the_figures_code_9_6(scenario: Scenario, make_user, api_for, role):
    response = api_for(make_user(role)).get(URL, **Q1)
    assert response.status_code == 200
    body = response.json()
    assert body["stage1"]["received"] == 7
    assert body["stage1"]["acknowledged_within_timescale"] == 3
    assert body["stage1"]["responded"] == 4
    assert body["stage1"]["responded_within_timescale"] == 2
    assert body["stage1"]["extended"] == 1
    assert body["stage2"]["received"] == 1
    assert body["stage2"]["responded_within_timescale"] == 1
    assert body["refused"]["total"] == 1
    assert body["refused"]["by_reason"]["legal_proceedings"] == 1
    # LCRA and LCHO tenants only: G, a leaseholder, is left out (5 of the 6 accepted).
    assert body["tsm"]["CH01"]["stage1_per_1000_homes"] == pytest.approx(2.0)
    assert body["tsm"]["CH01"]["lcra"]["stage1_complaints"] == 4
    assert body["tsm"]["CH01"]["lcho"]["stage1_complaints"] == 1
    assert body["tsm"]["CH01"]["stage2_per_1000_homes"] == pytest.approx(0.4)
    assert body["tsm"]["CH02"]["stage1_within_timescale_pct"] == pytest.approx(50.0)
    assert body["tsm"]["CH02"]["stage2_within_timescale_pct"] == pytest.approx(100.0)
    assert body["period"]["from"] == "2026-04-01"
    assert body["period"]["to"] == "2026-06-30"


@pytest.mark.parametrize("role", [Role.HANDLER, Role.REVIEWER])
def test_caseworkers_cannot_read_reports(make_user, api_for, role):
    assert api_for(make_user(role)).get(URL, **Q1).status_code == 403


def test_no_token_is_401(client, db):
    assert client.get("/api/v1" + URL, Q1).status_code == 401


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"from": "2026-04-01"},
        {"from": "2026-13-01", "to": "2026-06-30"},
        {"from": "yesterday", "to": "2026-06-30"},
        {"from": "2026-07-01", "to": "2026-06-30"},
        {"from": "1900-01-01", "to": "2026-06-30"},
    ],
)
def test_bad_or_missing_dates_or_a_reversed_period_are_422(officer, api_for, params):
    response = api_for(officer).get(URL, **params)
    assert response.status_code == 422
    assert "detail" in response.json()


def test_the_schema_declares_401_403_and_422(client, db):
    schema = client.get("/api/v1/openapi.json").json()
    operation = schema["paths"]["/api/v1/reports/performance"]["get"]
    assert {"200", "401", "403", "422"} <= set(operation["responses"])
    names = {p["name"] for p in operation["parameters"]}
    assert {"from", "to"} <= names
