"""The published self-assessment for anyone (Code 8.2): exactly the version approved and published.

These views are mounted outside /staff/ (see `putright.assessment.public_urls`).
"""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.text import slugify

from putright.assessment.document import AssessmentDocument
from putright.assessment.render import document_docx, document_pdf
from putright.assessment.selectors import assessment_published_document
from putright.assessment.views._common import file_response

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _published(pk: int) -> AssessmentDocument:
    doc = assessment_published_document(assessment_id=pk)
    if doc is None:
        raise Http404("This self-assessment has not been published")
    return doc


def published_page(request: HttpRequest, pk: int) -> HttpResponse:
    return render(request, "assessment/published.html", {"doc": _published(pk)})


def published_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    doc = _published(pk)
    name = f"{slugify(doc.title) or 'self-assessment'}.pdf"
    return file_response(document_pdf(doc), content_type="application/pdf", filename=name, inline=True)


def published_docx(request: HttpRequest, pk: int) -> HttpResponse:
    doc = _published(pk)
    return file_response(
        document_docx(doc), content_type=DOCX, filename=f"{slugify(doc.title) or 'self-assessment'}.docx"
    )
