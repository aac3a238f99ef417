"""Every export's cells: text a spreadsheet would run as a formula stays text (CWE-1236, OWASP CSV injection)."""

from __future__ import annotations

import csv
import io
import zipfile
from datetime import date
from decimal import Decimal

import pytest
from openpyxl import Workbook, load_workbook

from putright.spreadsheets import csv_cell, csv_row, xlsx_row

ATTACKS = ['=HYPERLINK("http://evil.example","Click")', "+1+1", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd"]


@pytest.mark.parametrize("text", ATTACKS)
def test_csv_text_that_starts_a_formula_gets_a_single_quote_in_front(text):
    assert csv_cell(text) == "'" + text


@pytest.mark.parametrize(
    "value", ["Ada Lovelace", "", "a=b", "1-2", 7, -7, 1.5, Decimal("-2.50"), date(2026, 4, 1)]
)
def test_other_values_are_written_as_they_are(value):
    assert csv_cell(value) == value


def test_none_is_an_empty_cell():
    assert csv_row([None, "x"]) == ["", "x"]


def test_a_csv_row_reads_back_with_the_quote():
    out = io.StringIO()
    csv.writer(out).writerow(csv_row(ATTACKS))
    assert next(csv.reader(io.StringIO(out.getvalue()))) == ["'" + text for text in ATTACKS]


@pytest.mark.parametrize("write_only", [True, False])
def test_xlsx_text_that_starts_a_formula_reads_back_as_the_same_plain_string(write_only):
    book = Workbook(write_only=write_only)
    sheet = book.create_sheet("Sheet") if write_only else book.active
    sheet.append(xlsx_row(sheet, [*ATTACKS, "Ada", 7, None]))
    out = io.BytesIO()
    book.save(out)
    with zipfile.ZipFile(io.BytesIO(out.getvalue())) as parts:
        xml = b"".join(parts.read(n) for n in parts.namelist() if n.startswith("xl/worksheets/"))
    assert b"<f>" not in xml and b"<f " not in xml
    cells = next(load_workbook(io.BytesIO(out.getvalue())).worksheets[0].iter_rows())
    assert [c.value for c in cells[: len(ATTACKS) + 2]] == [*ATTACKS, "Ada", 7]
    assert {c.data_type for c in cells[: len(ATTACKS)]} == {"s"}
    assert all(c.quotePrefix for c in cells[: len(ATTACKS)])
