"""Cells for CSV and Excel exports that a spreadsheet shows as text and never runs (CWE-1236).

A spreadsheet reads a cell that starts with =, +, -, @, a tab or a carriage return as a
formula, so a resident called `=HYPERLINK(...)` could run in a caseworker's Excel. Every
export writes its cells through here:

- CSV: such text gets a single quote in front, as OWASP advises ("CSV injection"); the
  spreadsheet shows the text with the quote, and the self-assessment import takes it off.
- XLSX: such text is written as a string cell (never a formula) with Excel's quote prefix,
  so it stays text even when someone edits the cell. The text itself is unchanged.

Text is also passed through `putright.core.inputs.xml_safe`: a control character kept from
before text was cleaned at the edges would make openpyxl refuse the whole workbook.
Numbers, dates and other non-text values are left as they are; None becomes an empty cell.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from putright.core.inputs import xml_safe

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def starts_formula(value: Any) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


def csv_cell(value: Any) -> Any:
    """The value to hand to `csv.writer`: formula-looking text quoted, None empty."""
    if value is None:
        return ""
    if isinstance(value, str):
        value = xml_safe(value)
    if starts_formula(value):
        return "'" + value
    return value


def csv_row(values: Iterable[Any]) -> list[Any]:
    return [csv_cell(value) for value in values]


def xlsx_cell(sheet: Any, value: Any) -> Any:
    """The value to append to an openpyxl `sheet` (write-only or not): formula-looking
    text as a string cell with the quote prefix, anything else as it is."""
    if isinstance(value, str):
        value = xml_safe(value)
    if not starts_formula(value):
        return value
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(sheet, value=value)
    cell.data_type = "s"  # openpyxl types text starting with "=" as a formula
    cell.quotePrefix = True
    return cell


def xlsx_row(sheet: Any, values: Iterable[Any]) -> list[Any]:
    return [xlsx_cell(sheet, value) for value in values]
