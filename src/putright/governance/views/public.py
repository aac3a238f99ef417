"""The public complaints publications page (Code 8.2, 8.5): no sign-in, published documents only."""

from __future__ import annotations

from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.text import slugify

from putright.governance import self_assessment as self_assessment_source
from putright.governance.documents.assessment import document_rows
from putright.governance.documents.blocks import Para, ReportDocument
from putright.governance.documents.fmt import day
from putright.governance.models import Publication
from putright.governance.selectors import casework
from putright.governance.views.reports import DOCX


def publications(request: HttpRequest) -> HttpResponse:
    return render(request, "governance/publications.html", {"items": casework.publications_public()})


def download(request: HttpRequest, publication_id: int, fmt: str) -> FileResponse:
    publication = Publication.objects.filter(pk=publication_id, withdrawn_at__isnull=True).first()
    if publication is None:
        raise Http404("No such publication")
    field = publication.pdf if fmt == "pdf" else publication.docx if fmt == "docx" else None
    if not field:
        raise Http404("No such file")
    name = f"{slugify(publication.title)[:100]}.{fmt}"
    content_type = "application/pdf" if fmt == "pdf" else DOCX
    return FileResponse(field.open("rb"), as_attachment=True, filename=name, content_type=content_type)


def self_assessment(request: HttpRequest, assessment_id: int) -> HttpResponse:
    """A published self-assessment, as published, rendered to PDF."""
    document = self_assessment_source.published_document(assessment_id)
    if document is None:
        raise Http404("No such self-assessment")
    approval = document.approval
    intro = f"{document.edition_label}. Covering {day(document.period_start)} to {day(document.period_end)}."
    if approval:
        intro += f" Approved by {approval.approver_name} ({approval.body}) on {day(approval.approved_on)}."
    report = ReportDocument(
        title=document.title,
        subtitle=document.landlord_name,
        blocks=[Para(intro), document_rows(document)],
        landlord=document.landlord_name,
    )
    response = HttpResponse(report.pdf(), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{slugify(document.title)[:100]}.pdf"'
    return response
