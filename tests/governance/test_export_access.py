"""Bulk exports carry only what the role may read, and each one is written to the access log.

Issue 17 item 2: the administrator (barred from special category data) downloaded the
vulnerability flag of every complaint in a period, nothing was logged, and the timeline
showed "Disclosed disability recorded" to administrators.
"""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest
from openpyxl import load_workbook

from putright.accounts.models import ExportRecord, Role
from putright.cases import services
from putright.cases.models import AdjustmentKind, Resident
from tests.governance.scenario import Scenario

pytestmark = pytest.mark.django_db
Q1 = "start-day=1&start-month=4&start-year=2026&end-day=30&end-month=6&end-year=2026"
SPECIAL = {"vulnerable", "adjustments"}


def _csv(client) -> list[dict[str, str]]:
    response = client.get(f"/staff/reports/complaints.csv?{Q1}")
    assert response.status_code == 200
    return list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))


def _disclose(scenario: Scenario, actor, now) -> None:
    complaint = scenario.complaints["A"]
    services.adjustment_record(
        actor=actor,
        now=now,
        resident_id=complaint.resident_id,
        kind=AdjustmentKind.DISABILITY,
        description="Uses a wheelchair",
        recorded_on=date(2026, 4, 2),
        review_on=date(2026, 10, 2),
    )


def test_the_administrator_exports_personal_data_but_no_special_category_column(client, make_user, scenario):
    client.force_login(make_user(Role.ADMINISTRATOR))
    rows = _csv(client)
    assert rows and "resident_name" in rows[0]
    assert not SPECIAL & set(rows[0])
    sheet = load_workbook(io.BytesIO(client.get(f"/staff/reports/complaints.xlsx?{Q1}").content))[
        "Complaints"
    ]
    header = {c.value for c in next(sheet.iter_rows())}
    assert "resident_name" in header and not SPECIAL & header


def test_the_complaints_officer_exports_vulnerability_and_adjustments(client, make_user, scenario, now):
    officer = make_user(Role.COMPLAINTS_OFFICER)
    _disclose(scenario, officer, now)
    client.force_login(officer)
    rows = {r["reference"]: r for r in _csv(client)}
    a = rows[scenario.complaints["A"].reference]
    assert a["vulnerable"] == "yes"
    # The scenario's resident already has a vulnerability recorded (it follows the person, 5.10).
    assert a["adjustments"] == "Vulnerability: Recently bereaved; Disclosed disability: Uses a wheelchair"


def test_governance_exports_no_personal_or_special_category_column(client, make_user, scenario):
    client.force_login(make_user(Role.GOVERNANCE))
    rows = _csv(client)
    assert "resident_name" not in rows[0] and not SPECIAL & set(rows[0])


def test_every_export_is_written_to_the_access_log_with_who_what_filter_and_rows(client, make_user, scenario):
    admin = make_user(Role.ADMINISTRATOR)
    client.force_login(admin)
    count = len(_csv(client))
    client.get(f"/staff/reports/figures.xlsx?{Q1}")
    complaints, figures = (
        ExportRecord.objects.get(what="complaints.csv"),
        ExportRecord.objects.get(what="figures.xlsx"),
    )
    assert (complaints.user, complaints.username, complaints.role) == (
        admin,
        admin.username,
        Role.ADMINISTRATOR,
    )
    assert complaints.rows == count
    assert complaints.filters == {"received_from": "2026-04-01", "received_to": "2026-06-30"}
    assert complaints.personal_data and not complaints.special_category
    assert figures.user == admin and not figures.personal_data


def test_the_timeline_names_a_disclosure_only_to_roles_that_may_read_it(client, make_user, scenario, now):
    officer = make_user(Role.COMPLAINTS_OFFICER)
    _disclose(scenario, officer, now)
    url = f"/staff/complaints/{scenario.complaints['A'].pk}/"
    client.force_login(make_user(Role.ADMINISTRATOR))
    page = client.get(url, follow=True).content.decode()
    assert "Disclosed disability" not in page and "Uses a wheelchair" not in page
    assert "details shown to caseworkers only" in page
    client.force_login(officer)
    assert "Disclosed disability recorded" in client.get(url, follow=True).content.decode()
    assert Resident.objects.filter(pk=scenario.complaints["A"].resident_id).exists()
