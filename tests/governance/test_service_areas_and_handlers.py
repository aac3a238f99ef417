"""Figures by service area and by handler, and the report, lists and downloads narrowed to one,
against hand-counted values (the scenario in scenario.py, with service areas given below).

Service areas: A, B, C, H in Repairs; D, I in Income; F, G in none. Stage handlers: Hana
acknowledged A, B, C (stage 1), H and I; Rory took C at stage 2; D, F and G have no handler.
Period Q1 2026/27 (1 April to 30 June), counted as at 30 June:

| row        | stage 1 received | responded | in time | overdue | stage 2 received | responded | in time |
|------------|------------------|-----------|---------|---------|------------------|-----------|---------|
| Repairs    | A B H = 3        | A B C H=4 | A B = 2 | 0       | C = 1            | 1         | 1       |
| Income     | D I = 2          | 0         | 0       | I = 1   | 0                | 0         | 0       |
| none       | F G = 2          | 0         | 0       | 0       | 0                | 0         | 0       |
| Hana       | A B H I = 4      | A B C H=4 | A B = 2 | I = 1   | 0                | 0         | 0       |
| Rory       | 0                | 0         | 0       | 0       | C = 1            | 1         | 1       |
| unassigned | D F G = 3        | 0         | 0       | 0       | 0                | 0         | 0       |
"""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest

from putright.accounts.models import Role
from putright.cases import services
from putright.core.errors import InvalidInput
from putright.governance.selectors.drill import drill
from putright.governance.selectors.performance import performance_report
from putright.governance.selectors.report_types import ReportScope, ResponsibilityStage
from putright.governance.selectors.responsibility import by_handler, by_service_area
from putright.governance.selectors.scope import scope_from
from putright.landlord.service_areas import service_area_add
from tests.governance.scenario import NOW, PERIOD, Scenario

pytestmark = pytest.mark.django_db
TODAY = date(2026, 11, 23)
AS_OF = date(2026, 6, 30)
Q1 = "start-day=1&start-month=4&start-year=2026&end-day=30&end-month=6&end-year=2026"


def figures(received=0, responded=0, in_time=0, overdue=0):
    return ResponsibilityStage(
        received=received, responded=responded, responded_within_timescale=in_time, overdue=overdue
    )


@pytest.fixture
def areas(scenario: Scenario, officer) -> Scenario:
    service_area_add(actor=officer, name="Repairs", owner_id=officer.pk)
    service_area_add(actor=officer, name="Income", owner_id=officer.pk)
    for ref, slug in (
        ("A", "repairs"),
        ("B", "repairs"),
        ("C", "repairs"),
        ("H", "repairs"),
        ("D", "income"),
        ("I", "income"),
    ):
        services.complaint_set_service_area(
            actor=officer, now=NOW, complaint_id=scenario.complaints[ref].pk, service_area=slug
        )
    return scenario


def test_complaints_are_counted_by_service_area_at_each_stage(areas):
    rows = {r.name: r for r in by_service_area(PERIOD, as_of=AS_OF)}
    assert list(rows) == ["Repairs", "Income", "No service area"]
    assert rows["Repairs"].slug == "repairs"
    assert (rows["Repairs"].stage1, rows["Repairs"].stage2) == (
        figures(3, 4, 2, 0),
        figures(1, 1, 1, 0),
    )
    assert (rows["Income"].stage1, rows["Income"].stage2) == (figures(2, 0, 0, 1), figures())
    assert rows["No service area"].stage1 == figures(2) and rows["No service area"].slug == ""


def test_stages_are_counted_under_the_handler_of_that_stage(areas):
    rows = {r.slug: r for r in by_handler(PERIOD, as_of=AS_OF)}
    assert (rows["hana"].stage1, rows["hana"].stage2) == (figures(4, 4, 2, 1), figures())
    assert (rows["rory"].stage1, rows["rory"].stage2) == (figures(), figures(1, 1, 1, 0))
    assert rows[""].name == "Not assigned" and rows[""].stage1 == figures(3)


def test_the_rows_add_up_to_the_reports_own_stage_figures(areas):
    report = performance_report(period=PERIOD, today=TODAY, responsibility=True)
    for breakdown in ("by_service_area", "by_handler"):
        for stage in (1, 2):
            whole = getattr(report, f"stage{stage}")
            rows = [getattr(r, f"stage{stage}") for r in getattr(report, breakdown)]
            assert sum(r.received for r in rows) == whole.received
            assert sum(r.responded for r in rows) == whole.responded
            assert sum(r.responded_within_timescale for r in rows) == whole.responded_within_timescale
            late = whole.acknowledgements_overdue + whole.responses_overdue
            assert sum(r.overdue for r in rows) == late


def test_the_breakdowns_take_a_fixed_number_of_queries(areas, django_assert_max_num_queries):
    with django_assert_max_num_queries(4):
        by_service_area(PERIOD, as_of=AS_OF)
    with django_assert_max_num_queries(4):
        by_handler(PERIOD, as_of=AS_OF)


def test_the_report_narrowed_to_a_service_area_counts_only_its_complaints(areas):
    report = performance_report(
        period=PERIOD, today=TODAY, scope=scope_from(service_area="repairs", handler=None)
    )
    assert report.scope == ReportScope(service_area="repairs", handler=None)
    assert (report.stage1.received, report.stage1.responded) == (3, 4)
    assert report.stage1.responded_within_timescale == 2
    assert report.stage2.received == 1
    assert report.channels["email"] == 1 and report.channels["web"] == 1 and report.channels["phone"] == 1


def test_the_report_narrowed_to_a_handler_counts_the_stages_they_handled(areas):
    report = performance_report(
        period=PERIOD, today=TODAY, scope=scope_from(service_area=None, handler="rory")
    )
    assert (report.stage1.received, report.stage2.received, report.stage2.responded) == (
        0,
        1,
        1,
    )


def test_the_list_behind_a_figure_is_narrowed_as_the_figure_was(areas):
    repairs = scope_from(service_area="repairs", handler=None)
    found = drill("got.1.received", period=PERIOD, today=TODAY, scope=repairs)
    assert found is not None
    expected = {areas.complaints[k].reference for k in ("A", "B", "H")}
    assert set(found.complaints.values_list("reference", flat=True)) == expected
    late = drill(
        "overdue.1.all", period=PERIOD, today=TODAY, scope=scope_from(service_area="income", handler=None)
    )
    assert late is not None and list(late.complaints.values_list("reference", flat=True)) == [
        areas.complaints["I"].reference
    ]


def test_an_unknown_service_area_or_handler_is_a_field_error(areas):
    with pytest.raises(InvalidInput) as refused:
        scope_from(service_area="gardening", handler="nobody")
    assert set(refused.value.errors) == {"service_area", "handler"}


def test_the_dashboard_narrowed_to_a_service_area_links_its_figures_with_the_same_filter(
    areas, client, make_user
):
    client.force_login(make_user(Role.COMPLAINTS_OFFICER))
    page = client.get(f"/staff/reports/?{Q1}&service_area=repairs").content.decode()
    assert "service area Repairs" in page
    assert "figure=got.1.received&amp;" in page and "service_area=repairs" in page
    # The breakdowns are on the detail, linked from the first screen with the same filter.
    assert f"/staff/reports/detail/?{Q1.replace('&', '&amp;')}&amp;service_area=repairs" in page
    detail = client.get(f"/staff/reports/detail/?{Q1}&service_area=repairs").content.decode()
    assert "service area Repairs" in detail
    assert "Complaints by service area" in detail and "Complaints by handler" in detail
    listing = client.get(
        f"/staff/reports/cases/?figure=got.1.received&{Q1}&service_area=repairs"
    ).content.decode()
    assert 'id="figure-total"><strong>3</strong>' in listing


def test_an_unknown_service_area_on_the_dashboard_comes_back_with_a_field_error(areas, client, make_user):
    client.force_login(make_user(Role.COMPLAINTS_OFFICER))
    response = client.get(f"/staff/reports/?{Q1}&service_area=gardening")
    assert response.status_code == 400
    assert (
        'id="service_area-error"' in response.content.decode()
        or "service area from the list" in response.content.decode()
    )


def test_the_case_download_carries_the_filter_and_a_service_area_column(areas, client, make_user):
    client.force_login(make_user(Role.COMPLAINTS_OFFICER))
    response = client.get(f"/staff/reports/complaints.csv?figure=got.1.received&{Q1}&service_area=repairs")
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert {r["reference"] for r in rows} == {areas.complaints[k].reference for k in ("A", "B", "H")}
    assert {r["service_area"] for r in rows} == {"Repairs"}
    everything = client.get(f"/staff/reports/complaints.csv?{Q1}&handler=hana")
    handled = list(csv.DictReader(io.StringIO(b"".join(everything.streaming_content).decode())))
    assert {r["reference"] for r in handled} == {areas.complaints[k].reference for k in ("A", "B", "H", "I")}


def test_the_figures_download_has_the_breakdowns(areas, client, make_user):
    client.force_login(make_user(Role.COMPLAINTS_OFFICER))
    text = client.get(f"/staff/reports/figures.csv?{Q1}").content.decode()
    assert "by_service_area.Repairs.stage1.received,3" in text
    assert (
        "by_handler.rory.stage2.responded_within_timescale,1" in text
        or "stage2.responded_within_timescale,1" in text
    )


def test_the_api_report_takes_the_same_filters_and_breakdowns(areas, api_for, officer):
    api = api_for(officer)
    answer = api.get(
        "/reports/performance", **{"from": "2026-04-01", "to": "2026-06-30", "service_area": "repairs"}
    )
    assert answer.status_code == 200, answer.content
    body = answer.json()
    assert body["scope"] == {"service_area": "repairs", "handler": None}
    assert body["stage1"]["received"] == 3
    assert [r["slug"] for r in body["by_service_area"]] == ["repairs"]
    refused = api.get(
        "/reports/performance", **{"from": "2026-04-01", "to": "2026-06-30", "handler": "nobody"}
    )
    assert refused.status_code == 422 and "handler" in refused.json()["errors"]
