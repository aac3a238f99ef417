"""Rows of a CSV or Excel file as {header: text}, read one at a time so a large file is
never held whole in memory."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import IO, Any


class UnreadableFile(ValueError):
    """The file is not a spreadsheet putright can read: the message says why."""


@dataclass
class Table:
    headers: list[str]
    rows: Iterator[tuple[int, dict[str, Any]]]  # (row number as a spreadsheet shows it, cells)
    total: int


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, datetime | date):
        return value
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def table_read(name: str, data: IO[bytes]) -> Table:
    suffix = Path(name).suffix.lower()
    if suffix == ".csv":
        return _csv(data)
    if suffix == ".xlsx":
        return _xlsx(data)
    raise UnreadableFile("Choose a .csv or .xlsx file")


def _csv(data: IO[bytes]) -> Table:
    try:
        text = data.read().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UnreadableFile("The CSV file is not UTF-8: save it as 'CSV UTF-8' and try again") from exc
    lines = list(csv.reader(io.StringIO(text)))
    if not lines:
        raise UnreadableFile("The file is empty")
    headers = [h.strip() for h in lines[0]]
    body = [(number, line) for number, line in enumerate(lines[1:], start=2) if any(c.strip() for c in line)]
    rows = ((number, {h: _cell(v) for h, v in zip(headers, line, strict=False)}) for number, line in body)
    return Table(headers, rows, len(body))


def _xlsx(data: IO[bytes]) -> Table:
    from openpyxl import load_workbook

    try:
        book = load_workbook(data, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a file that is not a workbook
        raise UnreadableFile("The file is not an Excel workbook (.xlsx)") from exc
    sheet = book.worksheets[0]
    lines = list(sheet.iter_rows(values_only=True))
    book.close()
    if not lines:
        raise UnreadableFile("The first sheet is empty")
    headers = [str(h).strip() if h is not None else "" for h in lines[0]]
    body = [
        (number, line)
        for number, line in enumerate(lines[1:], start=2)
        if any(c is not None and str(c).strip() for c in line)
    ]
    rows = ((number, {h: _cell(v) for h, v in zip(headers, line, strict=False)}) for number, line in body)
    return Table(headers, rows, len(body))
