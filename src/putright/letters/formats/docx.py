"""The letter as a Word document: real heading and list styles, so screen readers and
Word's navigation pane see its structure; large print sets every style to 16pt or more."""

from __future__ import annotations

import io
from typing import Any

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt, RGBColor

from putright.core.inputs import clean_line, clean_text
from putright.letters.blocks import Block, Run
from putright.letters.formats import LetterPage

FONT = "Arial"
SIZES = {
    False: {"Normal": 11, "Heading 1": 16, "Heading 2": 13, "Heading 3": 12},
    True: {"Normal": 16, "Heading 1": 24, "Heading 2": 20, "Heading 3": 18},
}
LIST_STYLES = {"ul": "List Bullet", "ol": "List Number"}


def _styles(document: Any, large_print: bool) -> None:
    styles = document.styles
    for name, size in SIZES[large_print].items():
        style = styles[name]
        style.font.name = FONT
        style.font.size = Pt(size)
        if name != "Normal":
            style.font.color.rgb = RGBColor(0x0B, 0x0C, 0x0C)
    for name in LIST_STYLES.values():
        styles[name].font.size = Pt(SIZES[large_print]["Normal"])


def _runs(paragraph: Any, runs: list[Run]) -> None:
    for run in runs:
        if run.text == "\n":
            paragraph.add_run().add_break()
            continue
        # Text is cleaned where it enters; cleaning again here keeps a record made before
        # that (or by a path we missed) from stopping the letter: python-docx refuses
        # any character XML 1.0 cannot carry.
        out = paragraph.add_run(clean_text(run.text))
        out.bold = run.bold or None
        out.italic = run.italic or None


def _block(document: Any, block: Block) -> None:
    if block.tag in LIST_STYLES:
        for item in block.items:
            _runs(document.add_paragraph(style=LIST_STYLES[block.tag]), item)
    elif block.tag in ("h1", "h2", "h3"):
        # h1 is the subject: wording headings start at level 2, as in the PDF.
        heading = document.add_heading(level=int(block.tag[1]))
        _runs(heading, block.runs)
    else:
        _runs(document.add_paragraph(), block.runs)


def _lines(document: Any, lines: list[str], *, align_right: bool = False, bold_first: bool = False) -> None:
    for i, line in enumerate(lines):
        paragraph = document.add_paragraph()
        paragraph.paragraph_format.space_after = Pt(0)
        if align_right:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        paragraph.add_run(clean_line(line)).bold = (bold_first and i == 0) or None


def letter_docx(page: LetterPage) -> bytes:
    document = Document()
    document.core_properties.title = clean_line(page.subject)
    document.core_properties.author = clean_line(page.landlord_name)
    document.core_properties.language = "en-GB"
    _styles(document, page.large_print)
    for section in document.sections:
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.left_margin = section.right_margin = Mm(20)
    if page.logo:
        document.add_picture(io.BytesIO(page.logo), height=Mm(20))
        document.inline_shapes[0]._inline.docPr.set("descr", page.landlord_name)
    _lines(
        document,
        [page.landlord_name, *page.landlord_lines, page.landlord_email, page.landlord_phone],
        align_right=True,
        bold_first=True,
    )
    document.add_paragraph()
    _lines(document, [page.recipient, *page.address_lines])
    document.add_paragraph()
    _lines(document, [f"Date: {page.date_text}", f"Our reference: {page.reference}"])
    document.add_heading(clean_line(page.subject), level=1)
    for block in page.blocks:
        _block(document, block)
    _lines(document, page.signature_lines)
    if page.copy_to:
        document.add_paragraph()
        _lines(document, [f"Copy to: {page.copy_to}"])
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
