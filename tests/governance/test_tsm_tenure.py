"""CH01 and CH02 as the Regulator defines them: LCRA (general needs and supported housing) and
LCHO (shared ownership) tenants only, each over the homes of that tenure owned; complaints of
unknown tenure listed for the complaints officer to resolve before the figures are filed."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest
from django.test import Client

from putright.accounts.models import Role
from putright.cases import services
from putright.cases.models import CaseEvent, Complaint, Tenure
from putright.landlord.services import landlord_details_update
from tests.cases import factories
from tests.cases.factories import at

Q = {"from": "2026-11-01", "to": "2026-11-30"}


def _log(officer: Any, day: date, tenure: str) -> Complaint:
    resident = services.ResidentDetails(name=f"Resident {tenure}", tenure=tenure)
    return factories.log(officer, day, resident=resident)


@pytest.fixture
def mixed(officer: Any, handler: Any) -> dict[str, Complaint]:
    landlord_details_update(actor=officer, homes_rented=4000, homes_shared_ownership=500)
    made = {
        tenure: _log(officer, date(2026, 11, 2), tenure)
        for tenure in ("general_needs", "supported", "shared_ownership", "leasehold", "other", "unknown")
    }
    for complaint in made.values():
        factories.acknowledge(handler, complaint, date(2026, 11, 4), handler=handler)
        factories.respond(handler, complaint, date(2026, 11, 10), decision="not_upheld")
    return made


def test_ch01_counts_only_lcra_and_lcho_tenants(
    mixed: dict[str, Complaint], officer: Any, api_for: Any
) -> None:
    tsm = api_for(officer).get("/reports/performance", **Q).json()["tsm"]
    ch01 = tsm["CH01"]
    assert ch01["lcra"]["stage1_complaints"] == 2  # general needs and supported
    assert ch01["lcra"]["stage1_per_1000_homes"] == pytest.approx(2 * 1000 / 4000)
    assert ch01["lcho"]["stage1_complaints"] == 1
    assert ch01["lcho"]["stage1_per_1000_homes"] == pytest.approx(1000 / 500)
    # The total is LCRA and LCHO together over the homes of both: leasehold, other and
    # unknown tenure are left out.
    assert ch01["stage1_complaints"] == 3
    assert ch01["stage1_per_1000_homes"] == pytest.approx(3 * 1000 / 4500)
    assert tsm["not_counted"]["unknown_tenure"]["stage1_complaints"] == 1
    assert tsm["not_counted"]["other_tenure"]["stage1_complaints"] == 2


def test_ch02_counts_only_lcra_and_lcho_tenants_with_and_without_extensions(
    mixed: dict[str, Complaint], officer: Any, api_for: Any
) -> None:
    ch02 = api_for(officer).get("/reports/performance", **Q).json()["tsm"]["CH02"]
    assert (ch02["stage1_responses"], ch02["stage1_within_timescale"]) == (3, 3)
    assert (ch02["lcra"]["stage1_responses"], ch02["lcho"]["stage1_responses"]) == (2, 1)
    assert ch02["lcra"]["stage1_within_timescale_without_extension_pct"] == 100.0
    assert ch02["stage2_within_timescale_pct"] is None


def test_the_acknowledgement_on_time_figure_leaves_refused_complaints_out(
    officer: Any, handler: Any, api_for: Any
) -> None:
    accepted = _log(officer, date(2026, 11, 2), "general_needs")
    factories.acknowledge(handler, accepted, date(2026, 11, 3), handler=handler)
    refused = _log(officer, date(2026, 11, 2), "general_needs")
    services.complaint_refuse(
        actor=officer,
        now=at(date(2026, 11, 3)),
        complaint_id=refused.pk,
        reason="legal_proceedings",
        explanation="The matter is before the county court.",
        evidence="Claim number K00AB123, issued 20 October 2026",
    )
    one = api_for(officer).get("/reports/performance", **Q).json()["stage1"]
    assert (one["received"], one["accepted"], one["acknowledged_within_timescale"]) == (2, 1, 1)
    assert one["acknowledged_within_timescale_pct"] == 100.0


def test_complaints_of_unknown_tenure_are_listed_and_the_officer_records_the_tenure_ch01(
    mixed: dict[str, Complaint], officer: Any, api_for: Any
) -> None:
    client = Client()
    client.force_login(officer)
    period = "start-day=1&start-month=11&start-year=2026&end-day=30&end-month=11&end-year=2026"
    figures = client.get(f"/staff/reports/?{period}").content.decode()
    assert "/staff/reports/tenure/?" in figures
    listed = client.get(f"/staff/reports/tenure/?{period}").content.decode()
    unknown = mixed["unknown"]
    assert unknown.reference in listed and mixed["leasehold"].reference not in listed

    form = client.get(f"/staff/reports/tenure/{unknown.pk}/?{period}")
    assert form.status_code == 200
    refused = client.post(f"/staff/reports/tenure/{unknown.pk}/", {"tenure": "unknown"})
    assert refused.status_code == 400
    saved = client.post(f"/staff/reports/tenure/{unknown.pk}/?{period}", {"tenure": "shared_ownership"})
    assert saved.status_code == 302
    unknown.resident.refresh_from_db()
    assert unknown.resident.tenure == Tenure.SHARED_OWNERSHIP
    event = CaseEvent.objects.filter(complaint=unknown).latest("id")
    assert event.action == "tenure_recorded"
    assert (event.before["tenure"], event.after["tenure"]) == ("unknown", "shared_ownership")
    assert (
        f"/staff/reports/tenure/{unknown.pk}/"
        not in client.get(f"/staff/reports/tenure/?{period}").content.decode()
    )
    ch01 = api_for(officer).get("/reports/performance", **Q).json()["tsm"]["CH01"]
    assert ch01["lcho"]["stage1_complaints"] == 2


def test_only_the_complaints_officer_records_tenure(mixed: dict[str, Complaint], make_user: Any) -> None:
    client = Client()
    client.force_login(make_user(Role.GOVERNANCE))
    assert client.get("/staff/reports/tenure/").status_code == 403
    assert (
        client.post(f"/staff/reports/tenure/{mixed['unknown'].pk}/", {"tenure": "leasehold"}).status_code
        == 403
    )


def test_setting_an_unknown_tenure_through_the_service_is_refused(
    mixed: dict[str, Complaint], officer: Any
) -> None:
    from putright.core.errors import InvalidInput

    with pytest.raises(InvalidInput):
        services.complaint_set_tenure(
            actor=officer,
            now=datetime(2026, 12, 1, tzinfo=UTC),
            complaint_id=mixed["other"].pk,
            tenure="unknown",
        )
