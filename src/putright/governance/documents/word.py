"""The report blocks as a Word document (python-docx): headings, paragraphs, lists and tables."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

if TYPE_CHECKING:
    from putright.governance.documents.blocks import ReportDocument, Table


def _row_flags(row: object, *, header: bool) -> None:
    """Word keeps the row on one page (cantSplit) and repeats a header row on each page (tblHeader)."""
    properties = row._tr.get_or_add_trPr()  # type: ignore[attr-defined]
    names = ("w:cantSplit", "w:tblHeader") if header else ("w:cantSplit",)
    for name in names:
        flag = OxmlElement(name)
        flag.set(qn("w:val"), "true")
        properties.append(flag)


def _table(document: object, table: Table) -> None:
    doc = document
    caption = doc.add_paragraph(table.caption)  # type: ignore[attr-defined]
    caption.style = "Caption"
    grid = doc.add_table(rows=1, cols=len(table.head))  # type: ignore[attr-defined]
    grid.style = "Table Grid"
    numeric = table.numeric
    for i, text in enumerate(table.head):
        cell = grid.rows[0].cells[i]
        cell.text = ""
        run = cell.paragraphs[0].add_run(str(text))
        run.bold = True
    _row_flags(grid.rows[0], header=True)
    for row in table.rows:
        added = grid.add_row()
        _row_flags(added, header=False)
        cells = added.cells
        for i, value in enumerate(row):
            cells[i].text = str(value)
            if numeric[i]:
                cells[i].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT


def blocks_to_docx(report: ReportDocument) -> bytes:
    document = Document()
    document.core_properties.title = report.title
    document.core_properties.author = report.landlord or "putright"
    document.add_heading(report.title, level=0)
    if report.subtitle:
        document.add_paragraph(report.subtitle)
    for block in report.blocks:
        if block.kind == "heading":
            document.add_heading(block.text, level=min(block.level - 1, 3) or 1)  # type: ignore[union-attr]
        elif block.kind == "para":
            document.add_paragraph(block.text)  # type: ignore[union-attr]
        elif block.kind == "bullets":
            for item in block.items:  # type: ignore[union-attr]
                document.add_paragraph(item, style="List Bullet")
        elif block.kind == "table":
            _table(document, block)  # type: ignore[arg-type]
        elif block.kind == "chart":
            _table(document, block.table())  # type: ignore[union-attr]
    if report.appendix_pdfs:
        document.add_heading("Appendices", level=1)
        for name, _ in report.appendix_pdfs:
            document.add_paragraph(f"{name}: attached to the PDF version of this report.")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
