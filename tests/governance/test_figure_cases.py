"""Every count on the dashboard opens the cases behind it, and that list downloads with the same filter."""

from __future__ import annotations

import csv
import html
import io
import re

import pytest
from openpyxl import load_workbook

from putright.accounts.models import ExportRecord, Role
from tests.governance.scenario import Scenario

pytestmark = pytest.mark.django_db
Q1 = "start-day=1&start-month=4&start-year=2026&end-day=30&end-month=6&end-year=2026"
LINK = re.compile(r'href="/staff/reports/cases/\?figure=([^"]+)">([0-9,]+)</a>')
FILTERS = ("service_area=", "handler=")
TOTAL = re.compile(r'id="figure-total"><strong>([0-9,]+)</strong>')


def login(client, make_user, role=Role.COMPLAINTS_OFFICER):
    user = make_user(role)
    client.force_login(user)
    return user


def figure_links(client) -> dict[str, int]:
    # The first screen and the detail: a count on both must be the same on both.
    page = "".join(
        client.get(f"{path}?{Q1}").content.decode() for path in ("/staff/reports/", "/staff/reports/detail/")
    )
    found: dict[str, int] = {}
    for query, value in LINK.findall(page):
        # The figure's key, with the filter of its row in a breakdown by service area or handler.
        key, *params = html.unescape(query).split("&")
        key = "&".join([key, *(p for p in params if p.startswith(FILTERS))])
        found.setdefault(key, int(value.replace(",", "")))
    return found


def test_every_linked_count_on_the_dashboard_opens_a_list_of_exactly_that_many(
    client, make_user, scenario: Scenario
):
    login(client, make_user)
    links = figure_links(client)
    # The headline counts, the stage table, CH01, decisions, follow-through, channels, refusals.
    for key in (
        "got.1.received",
        "got.1.accepted_tsm",
        "overdue.1.responses",
        "sent.1.responded_late",
        "sent.1.upheld",
        "actions.open",
        "refused.1.legal_proceedings",
        "channel.email",
    ):
        assert key in links, key
    assert links["got.1.received"] == 7 and links["overdue.1.responses"] >= 1
    for key, figure in links.items():
        page = client.get(f"/staff/reports/cases/?figure={key}&{Q1}").content.decode()
        assert int(TOTAL.search(page).group(1).replace(",", "")) == figure, key


def test_the_list_behind_a_figure_downloads_as_csv_and_excel_with_the_same_filter(
    client, make_user, scenario: Scenario
):
    user = login(client, make_user)
    response = client.get(f"/staff/reports/complaints.csv?figure=sent.1.responded_late&{Q1}")
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    late = {scenario.complaints[k].reference for k in ("C", "H")}
    assert {r["reference"] for r in rows} == late
    assert all(r["stage1_within_timescale"] == "no" for r in rows)
    book = load_workbook(
        io.BytesIO(client.get(f"/staff/reports/complaints.xlsx?figure=sent.1.responded_late&{Q1}").content)
    )
    assert book["Complaints"].max_row == 1 + len(late)
    logged = ExportRecord.objects.filter(user=user).order_by("id")
    assert [r.filters["figure"] for r in logged] == ["sent.1.responded_late"] * 2
    assert [r.rows for r in logged] == [2, 2]


def test_an_unknown_figure_is_a_404_not_a_500(client, make_user, db):
    login(client, make_user)
    assert client.get(f"/staff/reports/cases/?figure=got.3.received&{Q1}").status_code == 404
    assert client.get(f"/staff/reports/cases/?figure=nonsense&{Q1}").status_code == 404
    assert client.get(f"/staff/reports/complaints.csv?figure=got.1.nothing&{Q1}").status_code == 404


def test_governance_sees_the_list_without_links_to_case_pages(client, make_user, scenario: Scenario):
    login(client, make_user, Role.GOVERNANCE)
    page = client.get(f"/staff/reports/cases/?figure=got.1.received&{Q1}").content.decode()
    assert scenario.complaints["A"].reference in page
    assert "/staff/complaints/" not in page


def test_a_figure_list_costs_the_same_queries_whatever_its_length(
    client, make_user, scenario: Scenario, django_assert_max_num_queries
):
    login(client, make_user)
    with django_assert_max_num_queries(12):
        assert client.get(f"/staff/reports/cases/?figure=got.1.received&{Q1}").status_code == 200
    with django_assert_max_num_queries(12):
        assert client.get(f"/staff/reports/cases/?figure=actions.open&{Q1}").status_code == 200


def test_the_first_screen_answers_on_time_overdue_and_rising_before_the_detail(
    client, make_user, scenario: Scenario
):
    login(client, make_user)
    # The first screen and the detail: a count on both must be the same on both.
    page = "".join(
        client.get(f"{path}?{Q1}").content.decode() for path in ("/staff/reports/", "/staff/reports/detail/")
    )
    order = [page.index(h) for h in ("Are we on time?", "What is overdue?", "What is rising?", "The detail")]
    assert order == sorted(order)
    first_screen = page[: page.index("The detail")]
    assert first_screen.count("<svg") >= 2 and "Figures for this chart" in first_screen
    assert "figure=overdue.1.responses" in first_screen
    # Complaint C was received the day before the quarter: there is a history to compare with.
    assert "against their average before" in first_screen
    assert 'href="#tenant-satisfaction-measures-ch01-and-ch02"' in page
    assert 'id="tenant-satisfaction-measures-ch01-and-ch02"' in page
