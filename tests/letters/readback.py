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


def pdf_font_sizes(data: bytes) -> list[float]:
    """The size in points of every piece of text on every page, as printed."""
    reader = PdfReader(io.BytesIO(data))
    sizes: list[float] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if text.strip():
            sizes.append(round(size * abs(tm[3]) * abs(cm[3]), 1))

    for page in reader.pages:
        page.extract_text(visitor_text=visit)
    return sizes
