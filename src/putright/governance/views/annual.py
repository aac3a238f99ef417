"""The annual complaints performance and service improvement report (Code 8.1, 8.2)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from putright.core.errors import CaseError
from putright.governance import services
from putright.governance.access import (
    access_can_manage_governance,
    access_can_record_governing_body_response,
)
from putright.governance.documents.annual import annual_report_document
from putright.governance.documents.assessment import latest_approved
from putright.governance.forms import (
    AnnualReportForm,
    OmbudsmanReportUploadForm,
    ResponseForm,
    SendToGoverningBodyForm,
)
from putright.governance.models import AnnualReport
from putright.governance.selectors import casework
from putright.governance.selectors.annual import annual_report_current_version, annual_report_missing
from putright.governance.selectors.periods import last_full_financial_year
from putright.governance.views._common import form_page, manage_view, page, reports_view
from putright.governance.views.reports import DOCX, document_response
from putright.ui.pages import gate

CONTENT_TYPES = {"pdf": "application/pdf", "docx": DOCX}
response_view = gate(
    access_can_record_governing_body_response,
    "Only the complaints officer, governance and administrators can record the governing body's response",
)


def _report(report_id: int) -> AnnualReport:
    report = casework.annual_report_get(report_id=report_id)
    if report is None:
        raise Http404("No such annual report")
    return report


@reports_view
def annual_list(request: HttpRequest) -> HttpResponse:
    return page(
        request,
        "governance/annual_list.html",
        {
            "reports": list(casework.annual_reports()[:50]),
            "can_manage": access_can_manage_governance(request.user),
        },
        here="annual",
    )


@manage_view
def annual_new(request: HttpRequest) -> HttpResponse:
    year = last_full_financial_year(timezone.localdate())
    form = AnnualReportForm(
        request.POST or None, initial={"period_start": year.start, "period_end": year.end}
    )

    def save(data: dict[str, Any]) -> HttpResponse:
        report = services.annual_report_save(actor=request.user, now=timezone.now(), **data)
        messages.success(request, "Annual report started")
        return redirect("governance:annual_report", report_id=report.pk)

    return form_page(
        request,
        form,
        here="annual",
        title="Start the annual report",
        button="Continue",
        back=reverse("governance:annual"),
        on_valid=save,
    )


@manage_view
def annual_edit(request: HttpRequest, report_id: int) -> HttpResponse:
    report = _report(report_id)
    initial = {
        "period_start": report.period_start,
        "period_end": report.period_end,
        "commentary": report.commentary,
        "other_ombudsman_reports": report.other_ombudsman_reports,
        "no_other_ombudsman_reports": report.no_other_ombudsman_reports,
        "no_ombudsman_annual_report": report.no_ombudsman_annual_report,
    }
    form = AnnualReportForm(request.POST or None, initial=initial)

    def save(data: dict[str, Any]) -> HttpResponse:
        services.annual_report_save(actor=request.user, now=timezone.now(), report_id=report.pk, **data)
        messages.success(request, "Annual report saved")
        return redirect("governance:annual_report", report_id=report.pk)

    back = reverse("governance:annual_report", args=[report.pk])
    return form_page(
        request, form, here="annual", title="The report's commentary", button="Save", back=back, on_valid=save
    )


@manage_view
def annual_upload(request: HttpRequest, report_id: int) -> HttpResponse:
    report = _report(report_id)
    form = OmbudsmanReportUploadForm(request.POST or None, request.FILES or None)

    def save(data: dict[str, Any]) -> HttpResponse:
        services.annual_report_attach_ombudsman_report(
            actor=request.user, now=timezone.now(), report_id=report.pk, upload=data["file"]
        )
        messages.success(request, "The Ombudsman's report is attached")
        return redirect("governance:annual_report", report_id=report.pk)

    back = reverse("governance:annual_report", args=[report.pk])
    return form_page(
        request,
        form,
        here="annual",
        title="Attach the Ombudsman's annual report on us",
        intro="It is appended to the published report (Code 8.1e).",
        button="Upload",
        back=back,
        on_valid=save,
        multipart=True,
    )


@manage_view
def annual_send(request: HttpRequest, report_id: int) -> HttpResponse:
    report = _report(report_id)
    form = SendToGoverningBodyForm(request.POST or None, initial={"sent_on": timezone.localdate()})

    def save(data: dict[str, Any]) -> HttpResponse:
        version = services.annual_report_send(
            actor=request.user, now=timezone.now(), report_id=report.pk, sent_on=data["sent_on"]
        )
        messages.success(request, f"Version {version.number} is with the governing body")
        return redirect("governance:annual_report", report_id=report.pk)

    return form_page(
        request,
        form,
        here="annual",
        title="Send the report to the governing body",
        intro="The report is kept exactly as it is now, figures and words, as the version the governing body "
        "responds to. A later change makes a new version that needs its own response (Code 8.2).",
        button="Send",
        back=reverse("governance:annual_report", args=[report.pk]),
        on_valid=save,
    )


@response_view
def annual_response(request: HttpRequest, report_id: int) -> HttpResponse:
    report = _report(report_id)
    current = annual_report_current_version(report=report)
    initial = (
        {"governing_body_response": current.response, "response_recorded_on": current.response_on}
        if current
        else {}
    )
    form = ResponseForm(request.POST or None, initial=initial)

    def save(data: dict[str, Any]) -> HttpResponse:
        version = services.annual_report_record_response(
            actor=request.user,
            now=timezone.now(),
            report_id=report.pk,
            response=data["governing_body_response"],
            response_on=data["response_recorded_on"],
        )
        messages.success(request, f"The governing body's response to version {version.number} is recorded")
        return redirect("governance:annual_report", report_id=report.pk)

    caption = f"Version {current.number}, sent {current.sent_on:%-d %B %Y}" if current else ""
    return form_page(
        request,
        form,
        here="annual",
        title="The governing body's response",
        caption=caption,
        button="Save",
        back=reverse("governance:annual_report", args=[report.pk]),
        on_valid=save,
    )


@reports_view
def annual_report(request: HttpRequest, report_id: int) -> HttpResponse:
    report = _report(report_id)
    period = (report.period_start, report.period_end)
    return page(
        request,
        "governance/annual_report.html",
        {
            "report": report,
            "approved": latest_approved(covering=period),
            "documents": list(report.documents.all()),
            "versions": list(report.versions.order_by("-number")),
            "current": annual_report_current_version(report=report),
            "missing": list(annual_report_missing(report=report).values()),
            "can_manage": access_can_manage_governance(request.user),
            "can_respond": access_can_record_governing_body_response(request.user),
        },
        here="annual",
    )


@reports_view
def annual_file(request: HttpRequest, report_id: int, fmt: str) -> HttpResponse:
    report = _report(report_id)
    return document_response(annual_report_document(report=report, today=timezone.localdate()), fmt)


@reports_view
def annual_version_file(request: HttpRequest, report_id: int, number: int, fmt: str) -> HttpResponse:
    """A version exactly as the governing body received it: the stored file, never rendered again."""
    version = _report(report_id).versions.filter(number=number).first()
    if version is None or fmt not in ("pdf", "docx"):
        raise Http404("No such version")
    stored = version.pdf if fmt == "pdf" else version.docx
    with stored.open("rb") as handle:
        content = handle.read()
    response = HttpResponse(content, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = (
        f'attachment; filename="annual-report-{report_id}-version-{number}.{fmt}"'
    )
    return response


@require_POST
@manage_view
def annual_publish(request: HttpRequest, report_id: int) -> HttpResponse:
    report = _report(report_id)
    try:
        services.annual_report_publish(actor=request.user, now=timezone.now(), report_id=report.pk)
    except CaseError as exc:
        messages.error(request, exc.message)
        return redirect("governance:annual_report", report_id=report.pk)
    messages.success(
        request, "Published on the public complaints page, as the governing body saw it, with its response"
    )
    return redirect("governance:annual_report", report_id=report.pk)
