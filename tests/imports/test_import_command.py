"""`putright import complaints`: the sample imports cleanly, re-runs update, bad rows are
reported and write nothing, and imported history sends nothing."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import pytest
from django.core import mail
from django.core.management import CommandError, call_command

from putright.cases.models import CaseEvent, Complaint, StageRecord, Status, UncountedChange
from putright.governance.models import DayFigures
from putright.imports.mapping import mapping_load, propose_mapping
from putright.imports.models import ImportedComplaint, ImportRun
from putright.letters.models import Letter
from putright.outbox.models import Delivery
from putright.rules.editions import ruleset_in_force

DOCS = Path(__file__).resolve().parents[2] / "docs"
SAMPLE, MAPPING = DOCS / "import-sample.csv", DOCS / "import-sample.toml"

pytestmark = pytest.mark.django_db


def run(*args: object) -> str:
    out = io.StringIO()
    call_command("import", "complaints", *map(str, args), "--quiet", stdout=out)
    return out.getvalue()


def with_row_changed(tmp_path: Path, reference: str, column: str, value: str) -> Path:
    rows = list(csv.DictReader(SAMPLE.open(encoding="utf-8")))
    for row in rows:
        if row["Complaint Ref"] == reference:
            row[column] = value
    path = tmp_path / "complaints.csv"
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return path


def test_the_sample_file_imports_cleanly_with_each_complaint_marked_and_its_provenance_kept() -> None:
    output = run(SAMPLE, "--mapping", MAPPING)
    assert "10 new, 0 updated, 0 with errors" in output
    assert Complaint.objects.count() == 10
    imported = ImportedComplaint.objects.get(external_reference="HA-2024-0007")
    assert (imported.file_name, imported.row_number) == ("import-sample.csv", 3)
    assert imported.run.finished_at is not None
    complaint = imported.complaint
    assert (complaint.status, complaint.stage, complaint.closed_on) == (Status.CLOSED, 2, date(2024, 3, 4))
    assert [s.decision for s in complaint.stages.all()] == ["", "partly_upheld"]
    event = CaseEvent.objects.get(complaint=complaint)
    assert event.action == "imported" and event.after["file"] == "import-sample.csv"
    refused = ImportedComplaint.objects.get(external_reference="HA-2024-0733").complaint
    assert refused.status == Status.REFUSED and refused.refusals.get().reason == "over_12_months"


def test_each_imported_complaint_is_judged_on_the_code_in_force_when_it_was_received() -> None:
    run(SAMPLE, "--mapping", MAPPING)
    for imported in ImportedComplaint.objects.select_related("complaint"):
        assert imported.code_edition == ruleset_in_force(imported.complaint.received_on).key
    # The extension in the file moves the response deadline on by its working days (6.4).
    record = StageRecord.objects.get(complaint__imported__external_reference="HA-2024-0412")
    assert record.extension_days == 10
    assert record.respond_by is not None and record.respond_by > date(2024, 6, 19)


def test_a_second_run_of_the_same_file_updates_the_complaints_instead_of_adding_them_again(
    tmp_path: Path,
) -> None:
    run(SAMPLE, "--mapping", MAPPING)
    first = ImportedComplaint.objects.get(external_reference="HA-2025-0902").complaint_id
    changed = with_row_changed(tmp_path, "HA-2025-0902", "Date Closed", "02/12/2025")
    assert "0 new, 10 updated" in run(changed, "--mapping", MAPPING)
    assert Complaint.objects.count() == 10
    complaint = Complaint.objects.get(pk=first)
    assert (complaint.status, complaint.closed_on) == (Status.CLOSED, date(2025, 12, 2))
    assert complaint.stages.count() == 1
    assert CaseEvent.objects.filter(complaint=complaint).count() == 2


def test_a_bad_row_is_reported_by_row_and_column_and_writes_nothing(tmp_path: Path) -> None:
    bad = with_row_changed(tmp_path, "HA-2024-0007", "Stage 2 Response", "31/02/2024")
    errors = tmp_path / "errors.csv"
    output = run(bad, "--mapping", MAPPING, "--errors", errors)
    assert "row 3, Stage 2 Response: '31/02/2024' is not a date" in output
    assert "9 new, 0 updated, 1 with errors" in output
    # All or nothing: the row's stage 1, which was fine, is not written either.
    assert not ImportedComplaint.objects.filter(external_reference="HA-2024-0007").exists()
    assert list(csv.reader(errors.open(encoding="utf-8")))[1][:2] == ["3", "Stage 2 Response"]
    assert ImportRun.objects.get().errors[0]["column"] == "Stage 2 Response"


@pytest.mark.parametrize(
    ("column", "value", "message"),
    [
        ("Response Date", "01/11/2023", "before the date it was acknowledged"),
        ("Date Acknowledged", "", "Give the date stage 1 was acknowledged"),
        ("Stage", "3", "two stages, 5.3"),
        ("Outcome", "Sort of", "is not one of"),
        ("Date Received", "01/01/2099", "in the future"),
    ],
)
def test_rows_that_cannot_be_true_are_refused_with_a_message_a_person_can_act_on(
    tmp_path: Path, column: str, value: str, message: str
) -> None:
    output = run(with_row_changed(tmp_path, "HA-2023-0101", column, value), "--mapping", MAPPING)
    assert message in output
    assert not ImportedComplaint.objects.filter(external_reference="HA-2023-0101").exists()


def test_imported_history_sends_no_letter_email_or_webhook() -> None:
    run(SAMPLE, "--mapping", MAPPING)
    assert Letter.objects.count() == 0
    assert Delivery.objects.count() == 0
    assert mail.outbox == []


def test_the_figures_are_recounted_at_the_end_of_an_import() -> None:
    run(SAMPLE, "--mapping", MAPPING)
    assert not UncountedChange.objects.exists()
    assert DayFigures.objects.filter(day=date(2024, 1, 8)).exists()


def test_a_dry_run_checks_every_row_and_writes_nothing(tmp_path: Path) -> None:
    output = run(
        with_row_changed(tmp_path, "HA-2023-0101", "Tenure", "Castle"), "--mapping", MAPPING, "--dry-run"
    )
    assert "9 ready to import, 1 with errors" in output
    assert not Complaint.objects.exists() and not ImportRun.objects.exists()


def test_an_excel_workbook_with_date_cells_imports_like_the_csv(tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    rows = list(csv.reader(SAMPLE.open(encoding="utf-8")))
    sheet.append(rows[0])
    for row in rows[1:]:
        sheet.append([_excel_value(value) for value in row])
    path = tmp_path / "complaints.xlsx"
    book.save(path)
    assert "10 new, 0 updated, 0 with errors" in run(path, "--mapping", MAPPING)


def _excel_value(value: str) -> object:
    if len(value) == 10 and value[2] == "/":
        day, month, year = value.split("/")
        return date(int(year), int(month), int(day))
    return int(value) if value.isdigit() else value


def test_without_a_mapping_the_command_proposes_one_from_the_usual_headers() -> None:
    output = run(SAMPLE)
    assert 'received_on = "Date Received"' in output
    assert propose_mapping(list(next(csv.reader(SAMPLE.open(encoding="utf-8"))))).columns == (
        mapping_load(MAPPING).columns
    )


def test_a_mapping_that_does_not_fit_the_file_is_refused_before_any_row(tmp_path: Path) -> None:
    mapping = tmp_path / "m.toml"
    mapping.write_text('[columns]\nexternal_reference = "Ref"\n', encoding="utf-8")
    with pytest.raises(CommandError, match="Map a column to received_on"):
        run(SAMPLE, "--mapping", mapping)
    assert not ImportRun.objects.exists()


def test_an_imported_complaint_still_open_is_screened_for_hazards_and_closed_history_is_not_awaabs_law() -> (
    None
):
    """Every complaint is screened at intake (Awaab's Law), including one brought in from the
    landlord's records while still being handled; closed history prompts nobody."""
    run(SAMPLE, "--mapping", MAPPING)
    mould = ImportedComplaint.objects.get(external_reference="HA-2026-0144").complaint
    (screen,) = mould.hazard_screens.all()
    assert (screen.source, screen.hazard, screen.state) == ("complaint", "damp_and_mould", "open")
    boiler = ImportedComplaint.objects.get(external_reference="HA-2023-0101").complaint
    assert not boiler.hazard_screens.exists()
