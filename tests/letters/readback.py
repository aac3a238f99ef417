"""Reading generated letters back, as a resident's software would."""

from __future__ import annotations

import io
import re

from docx import Document
from pypdf import PdfReader


def pdf_text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return _flat("\n".join(page.extract_text() or "" for page in reader.pages))


def docx_text(data: bytes) -> str:
    document = Document(io.BytesIO(data))
    return _flat("\n".join(p.text for p in document.paragraphs))


def _flat(text: str) -> str:
    """One space between words, so a phrase split across lines is still found."""
    return re.sub(r"\s+", " ", text)
