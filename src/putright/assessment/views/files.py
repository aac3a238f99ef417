"""Documents, exports and imports, and the assessment as PDF or DOCX."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.text import slugify

from putright.assessment import services
from putright.assessment.document import AssessmentDocument
from putright.assessment.forms import DocumentForm, ImportForm
from putright.assessment.render import document_docx, document_pdf
from putright.assessment.selectors import assessment_document
from putright.assessment.selectors.staff import document_get, documents_for, export_rows
from putright.assessment.transfer import write_csv, write_xlsx
from putright.assessment.views._common import file_response, forbidden, get_assessment, requires, roles
from putright.core.errors import CaseError
from putright.ui.forms import form_status

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@requires("read")
def documents(request: HttpRequest, pk: int) -> HttpResponse:
    assessment = get_assessment(pk)
    form = DocumentForm(request.POST or None, request.FILES or None)
    if request.method == "POST":
        if not roles(request)["can_edit"]:
            return forbidden(request, "edit")
        if form.is_valid():
            try:
                services.document_upload(
                    actor=request.user,
                    now=timezone.now(),
                    assessment_id=pk,
                    title=form.cleaned_data["title"],
                    upload=form.cleaned_data["file"],
                )
            except CaseError as exc:
                form.add_case_error(exc)
            else:
                messages.success(request, "Document uploaded: link it from the provisions it supports")
                return redirect("assessment:documents", pk=pk)
    return render(
        request,
        "assessment/documents.html",
        {"a": assessment, "form": form, "documents": documents_for(assessment=assessment), **roles(request)},
        status=form_status(form),
    )


@requires("read")
def document_download(request: HttpRequest, pk: int, did: int) -> HttpResponse:
    assessment = get_assessment(pk)
    document = document_get(assessment=assessment, document_id=did)
    if document is None:
        raise Http404("No such document")
    with document.file.open("rb") as handle:
        content = handle.read()
    return file_response(content, content_type=document.content_type, filename=document.original_name)


def _name(title: str, extension: str) -> str:
    return f"{slugify(title) or 'self-assessment'}.{extension}"


@requires("read")
def export_csv(request: HttpRequest, pk: int) -> HttpResponse:
    assessment = get_assessment(pk)
    content = write_csv(export_rows(assessment=assessment))
    return file_response(
        content, content_type="text/csv; charset=utf-8", filename=_name(assessment.title, "csv")
    )


@requires("read")
def export_xlsx(request: HttpRequest, pk: int) -> HttpResponse:
    assessment = get_assessment(pk)
    content = write_xlsx(export_rows(assessment=assessment), title=assessment.title)
    return file_response(content, content_type=XLSX, filename=_name(assessment.title, "xlsx"))


@requires("edit")
def import_answers(request: HttpRequest, pk: int) -> HttpResponse:
    assessment = get_assessment(pk)
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            count = services.assessment_import(
                actor=request.user,
                now=timezone.now(),
                assessment_id=pk,
                data=upload.read(),
                file_name=upload.name or "upload",
            )
        except CaseError as exc:
            form.add_case_error(exc)
        else:
            messages.success(request, f"{count} answers imported")
            return redirect("assessment:overview", pk=pk)
    return render(
        request, "assessment/import.html", {"a": assessment, "form": form}, status=form_status(form)
    )


def _document_or_404(pk: int, request: HttpRequest) -> AssessmentDocument:
    """The live draft, or a saved version with `?version=N`."""
    raw = request.GET.get("version", "")
    number = int(raw) if raw.isdigit() else None
    doc = assessment_document(assessment_id=pk, version_number=number)
    if doc is None:
        raise Http404("No such version")
    return doc


@requires("read")
def download_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    doc = _document_or_404(pk, request)
    filename = _name(f"{doc.title} v{doc.version_number}", "pdf")
    return file_response(document_pdf(doc), content_type="application/pdf", filename=filename)


@requires("read")
def download_docx(request: HttpRequest, pk: int) -> HttpResponse:
    doc = _document_or_404(pk, request)
    return file_response(
        document_docx(doc), content_type=DOCX, filename=_name(f"{doc.title} v{doc.version_number}", "docx")
    )
