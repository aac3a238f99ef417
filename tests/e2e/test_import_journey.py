"""The complaints officer imports the sample spreadsheet, fixes one bad row and sees the
imported complaints in the reports, in Chromium with axe-core on every page (issue 19)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from putright.accounts.models import Role
from putright.cases.models import Complaint

pytestmark = pytest.mark.django_db(transaction=True)
SAMPLE = Path(__file__).resolve().parents[2] / "docs" / "import-sample.csv"
PERIOD = "start-day=1&start-month=4&start-year=2024&end-day=31&end-month=3&end-year=2025"


def _with_a_bad_row(tmp_path: Path) -> Path:
    rows = list(csv.DictReader(SAMPLE.open(encoding="utf-8")))
    rows[5]["Stage 2 Response"] = "not yet"  # HA-2025-0040, row 7 of the file
    path = tmp_path / "import-sample.csv"
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return path


def _import(page, axe_check, path: Path) -> None:
    page.goto("/staff/import/")
    axe_check(page)
    page.set_input_files("#id_file", str(path))
    page.get_by_role("button", name="Upload and choose columns").click()
    page.wait_for_url("**/mapping/")
    assert page.locator("#id_received_on").input_value() == "Date Received"
    axe_check(page, context="mapping and preview")
    page.get_by_label("Add categories named in the file that are not set up yet").check()
    page.get_by_role("button", name="Start the import").click()
    page.wait_for_url("**/import/*/")
    page.get_by_role("heading", name="Import finished").wait_for()


def test_the_officer_imports_the_sample_fixes_one_row_and_sees_it_in_the_reports(
    page, axe_check, staff_login, make_user, tmp_path
):
    make_user(Role.COMPLAINTS_OFFICER, "olive")
    staff_login("olive")
    page.wait_for_url("**/staff/**")

    _import(page, axe_check, _with_a_bad_row(tmp_path))
    assert "Rows to fix" in page.content()
    assert "'not yet' is not a date" in page.locator("table").last.inner_text()
    axe_check(page, context="rows to fix")
    assert Complaint.objects.count() == 9

    # The officer fixes the row in the file (here: the sample as shipped) and imports again.
    _import(page, axe_check, SAMPLE)
    assert "Rows to fix" not in page.content()
    assert Complaint.objects.count() == 10

    page.get_by_role("link", name="See the reports").click()
    page.goto(f"/staff/reports/?{PERIOD}")
    stage2 = page.get_by_role("row", name="Stage 2 complaints received")
    assert stage2.locator("td").first.inner_text() == "1"
    axe_check(page, context="reports with the imported complaints")
