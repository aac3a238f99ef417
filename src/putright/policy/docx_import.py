"""A landlord's existing policy, read from a Word document and split into sections to start from.

Each heading (a paragraph in a Heading style, or a short line in bold) starts a section;
the text under it becomes the section's text, list paragraphs as "- " items. A section is
matched to one the Code asks for by words in its heading ("exclusion", "ombudsman", ...);
a heading that matches none keeps its own key, so nothing in the landlord's policy is lost.
"""

from __future__ import annotations

import io
import re
from typing import IO, Any

from django.utils.text import slugify

from putright.core.errors import InvalidInput
from putright.rules.policy import REQUIRED_SECTIONS

# Words in a heading that say which of the Code's sections it is; the first match wins.
_KEYWORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ombudsman", ("ombudsman",)),
    ("exclusions", ("exclu", "not accept", "will not consider", "outside")),
    ("timescales", ("timescale", "stage", "how we deal", "what happens")),
    ("representatives", ("representative", "on your behalf", "advocate")),
    ("adjustments", ("adjustment", "accessib", "equality")),
    ("behaviour", ("behaviour", "unreasonable", "persistent")),
    ("remedies", ("remed", "compensation", "putting things right", "put things right")),
    ("learning", ("learning", "publicis", "monitoring", "governance", "reporting")),
    ("how_to_complain", ("how to complain", "making a complaint", "how to make")),
    ("definitions", ("definition", "what is a complaint", "scope", "service request")),
)
MAX_BYTES = 5 * 1024 * 1024


def _section_key(heading: str, used: set[str]) -> str:
    lowered = heading.lower()
    for key, words in _KEYWORDS:
        if key not in used and any(word in lowered for word in words):
            return key
    base = f"extra-{slugify(heading)[:40] or 'section'}"
    key, n = base, 2
    while key in used:
        key, n = f"{base}-{n}", n + 1
    return key


def _is_heading(paragraph: Any) -> bool:
    style = (paragraph.style.name or "").lower() if paragraph.style is not None else ""
    if style.startswith("heading") or style == "title":
        return True
    text = paragraph.text.strip()
    runs = [r for r in paragraph.runs if r.text.strip()]
    return bool(runs) and len(text) <= 80 and all(r.bold for r in runs) and not text.endswith(".")


def _is_list_item(paragraph: Any) -> bool:
    style = (paragraph.style.name or "").lower() if paragraph.style is not None else ""
    return "list" in style or (paragraph._p.pPr is not None and paragraph._p.pPr.numPr is not None)


def sections_from_docx(upload: IO[bytes]) -> list[dict[str, str]]:
    """The sections of the policy in ``upload``; ``InvalidInput`` if it is not a readable .docx."""
    from docx import Document

    data = upload.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise InvalidInput({"document": "The file is larger than 5 MB"})
    try:
        document = Document(io.BytesIO(data))
    except Exception:  # python-docx raises several kinds for a file that is not a Word document
        raise InvalidInput({"document": "The file must be a Word document (.docx)"}) from None
    sections: list[dict[str, str]] = []
    lines: list[str] = []
    for paragraph in document.paragraphs:
        text = re.sub(r"\s+", " ", paragraph.text).strip()
        if not text:
            if lines and lines[-1]:
                lines.append("")
            continue
        if _is_heading(paragraph):
            _close(sections, lines)
            lines = []
            used = {s["key"] for s in sections}
            sections.append({"key": _section_key(text, used), "title": text, "body": "", "easy_read": ""})
            continue
        if _is_list_item(paragraph):
            lines.append(f"- {text}")
        else:
            if lines and lines[-1]:
                lines.append("")
            lines.append(text)
    _close(sections, lines)
    if not sections:
        raise InvalidInput({"document": "No headings were found: give each part of the policy a heading"})
    return _with_required(sections)


def _close(sections: list[dict[str, str]], lines: list[str]) -> None:
    if sections:
        sections[-1]["body"] = "\n".join(lines).strip()


def _with_required(sections: list[dict[str, str]]) -> list[dict[str, str]]:
    """Add an empty section for each one the Code asks for that the document lacks, so the
    Code check can name what is missing and the officer has somewhere to write it."""
    present = {s["key"] for s in sections}
    missing = [
        {"key": r.key, "title": r.title, "body": "", "easy_read": ""}
        for r in REQUIRED_SECTIONS
        if r.key not in present
    ]
    return sections + missing
