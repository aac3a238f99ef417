"""CSV and Excel exports of the figures and of the case list.

Every cell goes through `putright.spreadsheets`, so text a spreadsheet would run as a
formula (a resident's name, a description, a category) stays text.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from putright.governance.selectors.periods import Period
from putright.governance.selectors.report_types import PerformanceReport, ResponsibilityRow
from putright.spreadsheets import csv_row, xlsx_row

# The breakdowns by who answers for complaints: rows of their own, on their own sheets.
BREAKDOWNS = {"by_service_area": "By service area", "by_handler": "By handler"}
FIGURES = ("received", "responded", "responded_within_timescale", "overdue")


def _breakdowns(report: PerformanceReport) -> dict[str, Sequence[ResponsibilityRow] | None]:
    """Each breakdown by its key in `BREAKDOWNS`; None when the report was made without them."""
    return {"by_service_area": report.by_service_area, "by_handler": report.by_handler}


def _breakdown_rows(rows: Sequence[ResponsibilityRow] | None) -> Iterator[list[Any]]:
    for row in rows or ():
        yield [
            row.name,
            *(
                figure
                for stage in (row.stage1, row.stage2)
                for figure in (
                    stage.received,
                    stage.responded,
                    stage.responded_within_timescale,
                    stage.overdue,
                )
            ),
        ]


def flatten(data: Any, prefix: str = "") -> Iterator[tuple[str, Any]]:
    """("stage1.received", 7) for every figure, lists of rows left to their own sheet."""
    if isinstance(data, dict):
        for key, value in data.items():
            if key in ("categories", "counting_rules", *BREAKDOWNS):
                continue
            yield from flatten(value, f"{prefix}{key}.")
    else:
        if isinstance(data, float):
            data = round(data, 4)
        if isinstance(data, Decimal | date):
            data = str(data)
        yield prefix.rstrip("."), data


def figures_csv(report: PerformanceReport) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["measure", "value"])
    for key, value in flatten(report.as_dict()):
        writer.writerow(csv_row([key, value]))
    for category in report.categories:
        writer.writerow(csv_row([f"categories.{category.name}.stage1", category.stage1]))
        writer.writerow(csv_row([f"categories.{category.name}.stage2", category.stage2]))
    for key, rows in _breakdowns(report).items():
        for name, *values in _breakdown_rows(rows):
            measures = [f"stage{stage}.{figure}" for stage in (1, 2) for figure in FIGURES]
            for measure, value in zip(measures, values, strict=True):
                writer.writerow(csv_row([f"{key}.{name}.{measure}", value]))
    for index, rule in enumerate(report.tsm.counting_rules, 1):
        writer.writerow(csv_row([f"counting_rule.{index}", rule]))
    return out.getvalue()


def figures_xlsx(report: PerformanceReport, period: Period) -> bytes:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("Figures")
    sheet.append(["Measure", "Value"])
    for key, value in flatten(report.as_dict()):
        sheet.append(xlsx_row(sheet, [key, value]))
    categories = book.create_sheet("Categories")
    categories.append(["Category", "Stage 1 received", "Stage 2 received"])
    for c in report.categories:
        categories.append(xlsx_row(categories, [c.name, c.stage1, c.stage2]))
    for key, rows in _breakdowns(report).items():
        if rows is None:
            continue
        title = BREAKDOWNS[key]
        sheet = book.create_sheet(title)
        sheet.append(
            [title[3:].capitalize()] + [f"Stage {s} {f.replace('_', ' ')}" for s in (1, 2) for f in FIGURES]
        )
        for row in _breakdown_rows(rows):
            sheet.append(xlsx_row(sheet, row))
    rules = book.create_sheet("Counting rules")
    rules.append([f"Figures for {period.label()}"])
    for rule in report.tsm.counting_rules:
        rules.append(xlsx_row(rules, [rule]))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def rows_csv(columns: tuple[str, ...], rows: Iterable[dict[str, Any]]) -> Iterator[str]:
    """CSV lines, one at a time, for a streaming response."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(columns)
    for row in rows:
        writer.writerow(csv_row(row.get(c) for c in columns))
        if buffer.tell() > 64 * 1024:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def rows_xlsx(columns: tuple[str, ...], rows: Iterable[dict[str, Any]]) -> bytes:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("Complaints")
    sheet.append(list(columns))
    for row in rows:
        sheet.append(xlsx_row(sheet, (row.get(c) for c in columns)))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
