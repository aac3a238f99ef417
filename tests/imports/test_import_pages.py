"""The complaints officer's import pages: upload, choose columns, preview, run as a task,
see and download the rows to fix, and import the fixed file again without duplicates."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from putright.accounts.models import Role, User
from putright.cases.models import Complaint
from putright.imports.models import ImportRun, RunStatus

SAMPLE = Path(__file__).resolve().parents[2] / "docs" / "import-sample.csv"

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer_client() -> Client:
    user = User.objects.create_user(
        username="olive", password="correct horse battery", role=Role.COMPLAINTS_OFFICER
    )
    client = Client()
    client.force_login(user)
    return client


def sample_with(reference: str, column: str, value: str) -> bytes:
    rows = list(csv.DictReader(SAMPLE.open(encoding="utf-8")))
    for row in rows:
        if row["Complaint Ref"] == reference:
            row[column] = value
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode()


def upload(client: Client, content: bytes, name: str = "past.csv") -> ImportRun:
    response = client.post("/staff/import/", {"file": SimpleUploadedFile(name, content)})
    assert response.status_code == 302, response.content.decode()[:2000]
    return ImportRun.objects.order_by("-id").first()  # type: ignore[return-value]


def start(client: Client, run: ImportRun, capture: Any) -> None:
    data = {**run.mapping, "create_categories": "on", "start": "1"}
    # The task is queued when the request's transaction commits, and the test settings'
    # immediate backend runs it then.
    with capture(execute=True):
        response = client.post(f"/staff/import/{run.pk}/mapping/", data)
    assert response.status_code == 302, response.content.decode()[:3000]


def test_the_officer_uploads_a_file_sees_the_proposed_columns_and_a_preview(officer_client: Client) -> None:
    run = upload(officer_client, SAMPLE.read_bytes())
    assert run.status == RunStatus.DRAFT and run.mapping["received_on"] == "Date Received"
    page = officer_client.get(f"/staff/import/{run.pk}/mapping/").content.decode()
    assert '<option value="Date Received" selected>' in page
    assert "HA-2023-0101" in page
    # The landlord has no categories yet: the preview says so before anything is imported.
    assert "&#x27;Repairs&#x27; is not one of the landlord&#x27;s categories" in page
    officer_client.post(f"/staff/import/{run.pk}/mapping/", {**run.mapping, "create_categories": "on"})
    assert "Ready" in officer_client.get(f"/staff/import/{run.pk}/mapping/").content.decode()
    assert not Complaint.objects.exists()


def test_the_import_runs_as_a_task_and_its_page_shows_the_result(
    officer_client: Client, django_capture_on_commit_callbacks: Any
) -> None:
    run = upload(officer_client, SAMPLE.read_bytes())
    start(officer_client, run, django_capture_on_commit_callbacks)
    run.refresh_from_db()
    assert run.status == RunStatus.FINISHED and (run.created, run.failed) == (10, 0)
    page = officer_client.get(f"/staff/import/{run.pk}/").content.decode()
    assert "Import finished" in page and "10 of 10 rows done" in page


def test_a_bad_row_is_listed_downloadable_and_fixed_by_importing_the_file_again(
    officer_client: Client, django_capture_on_commit_callbacks: Any
) -> None:
    run = upload(officer_client, sample_with("HA-2025-0311", "Date Received", "32/05/2025"))
    start(officer_client, run, django_capture_on_commit_callbacks)
    page = officer_client.get(f"/staff/import/{run.pk}/").content.decode()
    assert "Rows to fix" in page and "&#x27;32/05/2025&#x27; is not a date" in page
    download = officer_client.get(f"/staff/import/{run.pk}/errors.csv")
    assert download["Content-Type"].startswith("text/csv")
    assert list(csv.reader(io.StringIO(download.content.decode())))[1][:2] == ["8", "Date Received"]
    assert Complaint.objects.count() == 9
    fixed = upload(officer_client, SAMPLE.read_bytes())
    start(officer_client, fixed, django_capture_on_commit_callbacks)
    fixed.refresh_from_db()
    assert (fixed.created, fixed.updated, fixed.failed) == (1, 9, 0)
    assert Complaint.objects.count() == 10


def test_a_mapping_without_the_received_date_is_refused_beside_its_field(officer_client: Client) -> None:
    run = upload(officer_client, SAMPLE.read_bytes())
    response = officer_client.post(
        f"/staff/import/{run.pk}/mapping/", {**run.mapping, "received_on": "", "start": "1"}
    )
    assert response.status_code == 400
    assert "Choose the column that holds the date the complaint was received" in response.content.decode()
    run.refresh_from_db()
    assert run.status == RunStatus.DRAFT


def test_a_file_that_is_not_a_spreadsheet_is_refused_with_a_reason(officer_client: Client) -> None:
    response = officer_client.post("/staff/import/", {"file": SimpleUploadedFile("past.pdf", b"%PDF-1.4")})
    assert response.status_code == 400
    assert "Choose a .csv or .xlsx file" in response.content.decode()
