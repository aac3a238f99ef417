"""The assessment as a tagged PDF, through the project's shared renderer."""

from __future__ import annotations

from django.template.loader import render_to_string

from putright.assessment.document import AssessmentDocument
from putright.documents import html_to_pdf


def document_html(doc: AssessmentDocument) -> str:
    """A complete, self-contained HTML document for printing (no network resources)."""
    return render_to_string("assessment/print.html", {"doc": doc})


def document_pdf(doc: AssessmentDocument) -> bytes:
    return html_to_pdf(document_html(doc), title=doc.title)
