"""The assessment as a Word document: landscape tables as in Appendix A and seed 002.

Header rows repeat on every page and are marked as headers, so screen readers announce
the columns, as the published Word forms landlords use today do not.
"""

from __future__ import annotations

import io
from datetime import date
from typing import Any

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from putright.assessment.document import AssessmentDocument, DocumentRow

SECTION_HEADINGS = (
    "Code provision",
    "Code requirement",
    "Comply",
    "Evidence",
    "Commentary / explanation",
    "RAG",
)
SECTION_WIDTHS_CM = (1.8, 7.5, 1.8, 6.0, 6.5, 1.6)
VERSION_HEADINGS = ("Date", "Changes made", "Completed by", "Approved by", "Approved on")


def _day(value: date | None) -> str:
    return f"{value:%-d %B %Y}" if value else ""


def _repeat_header(row: Any) -> None:
    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def _table(doc: Any, headings: tuple[str, ...], widths: tuple[float, ...] | None = None) -> Any:
    table = doc.add_table(rows=1, cols=len(headings))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, headings, strict=True):
        cell.text = ""
        cell.paragraphs[0].add_run(text).bold = True
    _repeat_header(table.rows[0])
    if widths:
        for row in table.rows:
            for cell, width in zip(row.cells, widths, strict=True):
                cell.width = Cm(width)
    return table


def _fill(cell: Any, paragraphs: list[tuple[str, bool]]) -> None:
    cell.text = ""
    first = True
    for text, bold in paragraphs:
        paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
        paragraph.add_run(text).bold = bold
        first = False


def _evidence(row: DocumentRow) -> list[tuple[str, bool]]:
    lines = [(line, False) for line in row.evidence.splitlines() if line.strip()]
    lines += [(title, False) for title in row.documents]
    lines += [(summary, False) for summary in row.system_evidence]
    return lines


def _commentary(row: DocumentRow) -> list[tuple[str, bool]]:
    lines = [(line, False) for line in row.commentary.splitlines() if line.strip()]
    for action in row.actions:
        done = f" on {_day(action.completed_on)}" if action.completed_on else ""
        lines.append(
            (
                f"ACTION: {action.description} Owner: {action.owner}. Due {_day(action.due_on)}. "
                f"{action.status_label}{done}.",
                True,
            )
        )
    return lines


def document_docx(doc: AssessmentDocument) -> bytes:
    """Render the assessment as DOCX bytes."""
    word = Document()
    _set_up_page(word, doc)
    _write_front_matter(word, doc)
    _write_rag_key(word, doc)
    _write_sections(word, doc)
    _write_versions(word, doc)
    _write_approval(word, doc)
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()


def _set_up_page(word: Any, doc: AssessmentDocument) -> None:
    """Landscape A4 with narrow margins, so the six columns of Appendix A fit."""
    section = word.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(1.5))
    word.styles["Normal"].font.size = Pt(9)
    word.core_properties.title = doc.title
    word.core_properties.author = doc.landlord_name
    word.core_properties.language = "en-GB"


def _write_front_matter(word: Any, doc: AssessmentDocument) -> None:
    word.add_heading(doc.title, level=0)
    word.add_paragraph(
        f"{doc.landlord_name}: self-assessment against the Housing Ombudsman's {doc.edition_label}."
    )
    detail = f" {doc.reason_detail}" if doc.reason_detail else ""
    word.add_paragraph(
        f"Period: {_day(doc.period_start)} to {_day(doc.period_end)}. Reason: {doc.reason_label}.{detail}"
    )
    completed = (
        f" Completed by {doc.completed_by_name}, complaints officer, on {_day(doc.completed_on)}."
        if doc.completed_by_name
        else ""
    )
    word.add_paragraph(f"Version {doc.version_number}.{completed}")


def _write_rag_key(word: Any, doc: AssessmentDocument) -> None:
    word.add_heading("RAG key", level=1)
    key = _table(word, ("Rating", "Meaning"))
    for key_line in doc.rag_key:
        cells = key.add_row().cells
        cells[0].text, cells[1].text = key_line.label, key_line.text


def _write_sections(word: Any, doc: AssessmentDocument) -> None:
    for part in doc.sections:
        word.add_heading(f"Section {part.number}: {part.title}", level=1)
        table = _table(word, SECTION_HEADINGS, SECTION_WIDTHS_CM)
        for row in part.rows:
            cells = table.add_row().cells
            cells[0].text = row.provision_id
            cells[1].text = row.requirement
            cells[2].text = row.comply_label or "Not answered"
            _fill(cells[3], _evidence(row))
            _fill(cells[4], _commentary(row))
            cells[5].text = row.rag_label
            for cell, width in zip(cells, SECTION_WIDTHS_CM, strict=True):
                cell.width = Cm(width)


def _write_versions(word: Any, doc: AssessmentDocument) -> None:
    word.add_heading("Version control", level=1)
    versions = _table(word, VERSION_HEADINGS)
    for line in doc.versions:
        cells = versions.add_row().cells
        for cell, text in zip(
            cells,
            (_day(line.on), line.changes, line.completed_by, line.approved_by, _day(line.approved_on)),
            strict=True,
        ):
            cell.text = text


def _write_approval(word: Any, doc: AssessmentDocument) -> None:
    word.add_heading("Governing body approval and response", level=1)
    if doc.approval is None:
        word.add_paragraph("This version has not been approved by the governing body.")
        return
    approval = word.add_table(rows=0, cols=2)
    approval.style = "Table Grid"
    for label, text in (
        ("Approved by", doc.approval.approver_name),
        ("Governing body", doc.approval.body),
        ("Approved on", _day(doc.approval.approved_on)),
        ("The governing body's response", doc.approval.response),
    ):
        cells = approval.add_row().cells
        cells[0].text = ""
        cells[0].paragraphs[0].add_run(label).bold = True
        cells[1].text = text
