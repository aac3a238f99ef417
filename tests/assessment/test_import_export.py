"""Import and export as CSV and XLSX: Word-era answers come in, and go out, unchanged."""

from __future__ import annotations

import io
from datetime import date

import pytest
from openpyxl import Workbook, load_workbook

from putright.assessment import services as assess
from putright.assessment.models import Answer, Version
from putright.assessment.selectors.staff import export_rows
from putright.assessment.transfer import HEADERS, parse_actions, write_csv, write_xlsx
from putright.core.errors import InvalidInput
from tests.assessment.conftest import at

DAY = at(date(2026, 11, 3))


@pytest.fixture
def answered(make_assessment, officer):
    assessment = make_assessment()
    assess.answer_save(
        actor=officer,
        now=DAY,
        assessment_id=assessment.pk,
        provision_id="1.6",
        comply="partly",
        evidence="=Survey scripts; telephone | email",
        commentary="Further assurance is required.\nSecond line.",
        rag="amber",
    )
    assess.action_add(
        actor=officer,
        now=DAY,
        assessment_id=assessment.pk,
        provision_id="1.6",
        description="Implement survey; via Omnichannel | phase 2",
        owner="Insight team",
        due_on=date(2026, 9, 30),
    )
    done = assess.action_add(
        actor=officer,
        now=DAY,
        assessment_id=assessment.pk,
        provision_id="6.10",
        description="Escalation form online",
        owner="Digital",
        due_on=date(2026, 6, 30),
    )
    assess.action_update(
        actor=officer,
        now=DAY,
        action_id=done.pk,
        description=done.description,
        owner=done.owner,
        due_on=done.due_on,
        status="done",
        completed_on=date(2026, 6, 12),
    )
    assess.answer_save(
        actor=officer,
        now=DAY,
        assessment_id=assessment.pk,
        provision_id="6.10",
        comply="yes",
        evidence="-Escalation form",
        commentary="",
        rag="green",
    )
    return assessment


def _content(assessment):
    return export_rows(assessment=assessment)


@pytest.mark.django_db
def test_an_exported_csv_imports_back_to_the_same_assessment(answered, make_assessment, officer):
    data = write_csv(_content(answered))
    fresh = make_assessment(title="Copy")
    assess.assessment_import(
        actor=officer, now=DAY, assessment_id=fresh.pk, data=data, file_name="export.csv"
    )
    assert _content(fresh) == _content(answered)
    before = _content(answered)
    assess.assessment_import(
        actor=officer, now=DAY, assessment_id=answered.pk, data=data, file_name="export.csv"
    )
    assert _content(answered) == before


@pytest.mark.django_db
def test_an_exported_xlsx_imports_back_to_the_same_assessment(answered, make_assessment, officer):
    data = write_xlsx(_content(answered), title=answered.title)
    sheet = load_workbook(io.BytesIO(data)).active
    assert [c.value for c in sheet[1]] == list(HEADERS)
    assert sheet["A2"].value == "1.2" and sheet["A2"].data_type == "s"
    fresh = make_assessment(title="Copy")
    assess.assessment_import(
        actor=officer, now=DAY, assessment_id=fresh.pk, data=data, file_name="export.xlsx"
    )
    assert _content(fresh) == _content(answered)


@pytest.mark.django_db
def test_the_actions_column_reads_owner_due_date_and_status(answered):
    row = next(r for r in _content(answered) if r[0] == "1.6")
    assert row[5] == "Implement survey\\; via Omnichannel \\| phase 2|Insight team|due 2026-09-30|open"
    done = next(r for r in _content(answered) if r[0] == "6.10")
    assert done[5] == "Escalation form online|Digital|due 2026-06-30|done|completed 2026-06-12"


def test_a_csv_cell_that_would_run_as_a_formula_is_written_as_text():
    text = write_csv([["1.2", "yes", '=HYPERLINK("http://x")', "", "", ""]]).decode("utf-8-sig")
    assert "'=HYPERLINK" in text


@pytest.mark.django_db
def test_an_import_with_bad_rows_lists_each_row_and_saves_nothing(make_assessment, officer):
    assessment = make_assessment()
    rows = [
        ["1.2", "yes", "Policy", "", "green", ""],
        ["6.99", "yes", "", "", "", ""],
        ["1.3", "maybe", "", "", "", ""],
        ["1.4", "no", "", "", "red", ""],
        ["1.5", "yes", "", "", "purple", "Poster|Comms|due 31/03/2026|open"],
    ]
    with pytest.raises(InvalidInput) as refused:
        assess.assessment_import(
            actor=officer, now=DAY, assessment_id=assessment.pk, data=write_csv(rows), file_name="old.csv"
        )
    problems = refused.value.errors["file"]
    assert problems[0] == "Row 3: unknown provision id '6.99'"
    assert problems[1].startswith("Row 4: comply must be yes, partly, no or n/a, not 'maybe'")
    assert problems[2] == "Row 5: an answer of no, partly or n/a needs an explanation in the commentary"
    assert "Row 6: RAG must be green, amber or red, not 'purple'" in problems[3]
    assert "due date as 'due YYYY-MM-DD'" in problems[3]
    assert Answer.objects.get(assessment=assessment, provision_id="1.2").comply == ""
    assert Version.objects.filter(assessment=assessment).count() == 1


@pytest.mark.django_db
def test_a_provision_id_typed_as_a_number_in_excel_is_refused_as_ambiguous(make_assessment, officer):
    book = Workbook()
    sheet = book.active
    sheet.append(list(HEADERS))
    sheet.append([6.1, "yes", "Policy", "", "green", ""])
    out = io.BytesIO()
    book.save(out)
    assessment = make_assessment()
    with pytest.raises(InvalidInput) as refused:
        assess.assessment_import(
            actor=officer, now=DAY, assessment_id=assessment.pk, data=out.getvalue(), file_name="old.xlsx"
        )
    assert "Row 2: the provision id must be text" in refused.value.errors["file"][0]


@pytest.mark.django_db
def test_a_file_without_the_headings_or_of_another_kind_is_refused(make_assessment, officer):
    assessment = make_assessment()
    with pytest.raises(InvalidInput, match="Row 1 must be the column headings"):
        assess.assessment_import(
            actor=officer, now=DAY, assessment_id=assessment.pk, data=b"a,b\n1,2\n", file_name="x.csv"
        )
    with pytest.raises(InvalidInput, match="not an Excel workbook"):
        assess.assessment_import(
            actor=officer, now=DAY, assessment_id=assessment.pk, data=b"plain text", file_name="x.xlsx"
        )
    with pytest.raises(InvalidInput, match="CSV"):
        assess.assessment_import(
            actor=officer, now=DAY, assessment_id=assessment.pk, data=b"x", file_name="x.doc"
        )


def test_a_windows_excel_csv_with_word_era_answers_is_read():
    data = "Provision id,Comply,Evidence,Commentary,RAG,Actions\r\n1.2,Yes,Policy \u2013 section 3,,G,\r\n"
    from putright.assessment.transfer import parse_table, read_csv

    (row,) = parse_table(read_csv(data.encode("cp1252")), edition="hos-2024", from_csv=True)
    assert (row.provision_id, row.comply, row.evidence, row.rag) == (
        "1.2",
        "yes",
        "Policy \u2013 section 3",
        "green",
    )


def test_actions_need_a_description_and_owner():
    actions, problems = parse_actions("|Comms|due 2026-01-01|open")
    assert actions == []
    assert problems == ["action 1 needs a description and an owner"]


def test_an_xlsx_cell_that_would_run_as_a_formula_is_written_as_a_plain_string():
    data = write_xlsx([["1.2", "yes", '=HYPERLINK("http://x")', "", "", ""]], title="Check")
    cell = load_workbook(io.BytesIO(data)).active["C2"]
    assert (cell.value, cell.data_type) == ('=HYPERLINK("http://x")', "s")
