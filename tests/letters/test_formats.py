"""The forms a letter takes: tagged PDF, DOCX with real headings, large print (Equality Act 2010)."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import datetime
from typing import Any

import pytest
from docx import Document
from docx.shared import Pt
from pypdf import PdfReader

from putright.accounts.models import User
from putright.cases import services
from putright.cases.models import Complaint
from putright.letters.models import Letter
from putright.letters.selectors import letter_file
from tests.letters.readback import pdf_font_sizes


def _clarification(complaint: Complaint, handler: User, now: datetime, capture: Any) -> Letter:
    with capture(execute=True):
        services.complaint_request_clarification(
            actor=handler, now=now, complaint_id=complaint.pk, questions="Which window is it?"
        )
    return Letter.objects.get(complaint=complaint)


def _files(letter: Letter) -> tuple[bytes, bytes]:
    pdf, docx = letter_file(letter_id=letter.pk, fmt="pdf"), letter_file(letter_id=letter.pk, fmt="docx")
    assert pdf is not None and docx is not None
    return pdf.content, docx.content


def _docx_run_sizes(data: bytes) -> list[float]:
    document = Document(io.BytesIO(data))
    sizes = []
    for paragraph in document.paragraphs:
        for run in paragraph.runs:
            if run.text.strip():
                size = run.font.size or paragraph.style.font.size or document.styles["Normal"].font.size
                sizes.append(size.pt)
    return sizes


@pytest.mark.parametrize(("preferred", "smallest"), [("large_print", 16), ("standard", 9)])
def test_large_print_letters_are_16pt_or_more_in_pdf_and_docx(
    log_complaint: Callable[..., Complaint],
    handler: User,
    now: datetime,
    django_capture_on_commit_callbacks: Any,
    preferred: str,
    smallest: float,
) -> None:
    complaint = log_complaint(preferred_format=preferred)
    letter = _clarification(complaint, handler, now, django_capture_on_commit_callbacks)
    pdf, docx = _files(letter)
    assert letter.large_print is (preferred == "large_print")
    assert min(pdf_font_sizes(pdf)) >= smallest
    assert min(_docx_run_sizes(docx)) >= smallest
    if preferred == "standard":
        assert min(_docx_run_sizes(docx)) < 16


def test_pdf_is_tagged_with_language_and_title(
    complaint: Complaint, handler: User, now: datetime, django_capture_on_commit_callbacks: Any
) -> None:
    letter = _clarification(complaint, handler, now, django_capture_on_commit_callbacks)
    reader = PdfReader(io.BytesIO(_files(letter)[0]))
    root = reader.trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"]) and "/StructTreeRoot" in root
    assert root["/Lang"] == "en-GB"
    assert reader.metadata is not None and reader.metadata.title == letter.subject


def test_docx_headings_use_heading_styles(
    complaint: Complaint, handler: User, now: datetime, django_capture_on_commit_callbacks: Any
) -> None:
    letter = _clarification(complaint, handler, now, django_capture_on_commit_callbacks)
    document = Document(io.BytesIO(_files(letter)[1]))
    headings = [(p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings[0] == ("Heading 1", letter.subject)
    assert ("Heading 2", "What we need to check with you") in headings
    assert document.styles["Heading 2"].font.size >= Pt(13)
