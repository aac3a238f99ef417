"""A report as a list of blocks, rendered three ways: a staff page, a tagged PDF, a Word file.

Writing the report once as blocks keeps the page, the PDF and the DOCX saying the same thing.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from putright.governance.documents.svg import bar_chart
from putright.governance.selectors.report_types import PerformanceReport


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 2
    kind: str = "heading"


@dataclass(frozen=True)
class Para:
    text: str
    kind: str = "para"


@dataclass(frozen=True)
class Bullets:
    items: Sequence[str]
    kind: str = "bullets"


@dataclass(frozen=True)
class Table:
    caption: str
    head: Sequence[str]
    rows: Sequence[Sequence[Any]]
    kind: str = "table"
    # Per cell, the figure key (`governance.selectors.drill`) of the cases behind it, or "".
    # Only the page links them; the PDF and Word copies print the numbers.
    keys: Sequence[Sequence[str]] = ()

    @property
    def linked_rows(self) -> list[list[tuple[Any, bool, str]]]:
        """Each cell with whether it is a number and the figure key its link opens."""
        numeric = self.numeric
        keys = list(self.keys)
        return [
            [
                (cell, numeric[i], keys[r][i] if r < len(keys) and i < len(keys[r]) else "")
                for i, cell in enumerate(row)
            ]
            for r, row in enumerate(self.rows)
        ]

    @property
    def numeric(self) -> list[bool]:
        """Columns whose cells are all numbers, to align them right."""
        columns = len(self.head)
        return [
            bool(self.rows) and all(isinstance(r[i], int | float) or _looks_numeric(r[i]) for r in self.rows)
            for i in range(columns)
        ]

    @property
    def aligned_rows(self) -> list[list[tuple[Any, bool]]]:
        """Each cell with whether it is a number (right-aligned)."""
        numeric = self.numeric
        return [[(cell, numeric[i]) for i, cell in enumerate(row)] for row in self.rows]

    @property
    def aligned_head(self) -> list[tuple[str, bool]]:
        return list(zip(self.head, self.numeric, strict=True))


def _looks_numeric(value: Any) -> bool:
    text = str(value).replace(",", "").replace("%", "").replace("£", "").strip()
    try:
        float(text)
    except ValueError:
        return False
    return True


@dataclass(frozen=True)
class Chart:
    """A bar chart, always followed by a table of the same figures."""

    title: str
    labels: Sequence[str]
    series: Sequence[tuple[str, Sequence[float | None]]]
    unit: str = ""
    kind: str = "chart"
    label_heading: str = "Measure"
    # As `Table.keys`, for the chart's table of figures: a row per label, a cell per series.
    keys: Sequence[Sequence[str]] = ()

    def svg(self) -> SafeString:
        return mark_safe(bar_chart(title=self.title, labels=self.labels, series=self.series, unit=self.unit))  # noqa: S308  (built from escaped parts)

    def table(self) -> Table:
        head = [self.label_heading, *(name for name, _ in self.series)]
        rows = [
            [label, *("no figure" if vs[i] is None else _cell(vs[i], self.unit) for _, vs in self.series)]
            for i, label in enumerate(self.labels)
        ]
        keys = [["", *row] for row in self.keys]
        return Table(caption=f"{self.title}: figures", head=head, rows=rows, keys=keys)


def _cell(value: float | None, unit: str) -> str:
    if value is None:
        return "no figure"
    return (f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}") + unit


Block = Heading | Para | Bullets | Table | Chart


@dataclass
class ReportDocument:
    title: str
    subtitle: str
    blocks: list[Block]
    appendix_pdfs: list[tuple[str, bytes]] = field(default_factory=list)
    landlord: str = ""
    # The figures behind the blocks, kept with a frozen version so they can be read back as sent.
    figures: dict[str, PerformanceReport] = field(default_factory=dict)

    def html(self) -> str:
        """A complete HTML document for the PDF renderer."""
        return render_to_string("governance/documents/report.html", {"doc": self})

    def pdf(self) -> bytes:
        from putright.documents import html_to_pdf

        main = html_to_pdf(self.html(), title=self.title)
        if not self.appendix_pdfs:
            return main
        from pypdf import PdfReader, PdfWriter

        writer = PdfWriter()
        writer.append(PdfReader(io.BytesIO(main)))
        for name, content in self.appendix_pdfs:
            writer.append(PdfReader(io.BytesIO(content)), outline_item=name)
        writer.add_metadata({"/Title": self.title})
        out = io.BytesIO()
        writer.write(out)
        return out.getvalue()

    def docx(self) -> bytes:
        from putright.governance.documents.word import blocks_to_docx

        return blocks_to_docx(self)
