"""Sending the board report to the governing body as a kept version, recording the governing body's
response against that version, and reading versions back (Code 9.7)."""

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
from putright.governance.access import access_can_record_governing_body_response
from putright.governance.forms import BoardResponseForm
from putright.governance.models import BoardReportVersion
from putright.governance.selectors.periods import Period
from putright.governance.views._common import form_page, manage_view, period_from, period_query, reports_view
from putright.governance.views.reports import DOCX
from putright.ui.pages import gate

response_view = gate(
    access_can_record_governing_body_response,
    "Only the complaints officer, governance and administrators can record the governing body's response",
)


@require_POST
@manage_view
def board_send(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    period, _ = period_from(request, today)
    if period is None:
        raise Http404("Choose the period")
    try:
        version = services.board_report_send(
            actor=request.user, now=timezone.now(), period=period, sent_on=today
        )
    except CaseError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(
            request, f"Version {version.number} of this report is kept as sent to the governing body"
        )
    return redirect(f"{reverse('governance:board')}?{period_query(period)}")


@reports_view
def board_version_file(request: HttpRequest, version_id: int, fmt: str) -> HttpResponse:
    """A version exactly as sent: the stored file, never rendered again."""
    version = BoardReportVersion.objects.filter(pk=version_id).first()
    if version is None or fmt not in ("pdf", "docx"):
        raise Http404("No such version")
    stored = version.pdf if fmt == "pdf" else version.docx
    with stored.open("rb") as handle:
        content = handle.read()
    response = HttpResponse(content, content_type="application/pdf" if fmt == "pdf" else DOCX)
    name = f"board-report-{version.period_start:%Y%m%d}-{version.period_end:%Y%m%d}-version-{version.number}"
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response


@response_view
def board_response(request: HttpRequest, version_id: int) -> HttpResponse:
    version = BoardReportVersion.objects.filter(pk=version_id).first()
    if version is None:
        raise Http404("No such version")
    back = f"{reverse('governance:board')}?{period_query(Period(version.period_start, version.period_end))}"
    form = BoardResponseForm(request.POST or None)

    def save(data: dict[str, Any]) -> HttpResponse:
        services.board_report_record_response(
            actor=request.user,
            now=timezone.now(),
            version_id=version.pk,
            response=data["governing_body_response"],
            response_on=data["response_recorded_on"],
        )
        messages.success(request, f"The governing body's response to version {version.number} is recorded")
        return redirect(back)

    return form_page(
        request,
        form,
        here="board",
        title="The governing body's response",
        caption=f"{version.title}: version {version.number}, sent {version.sent_on:%-d %B %Y}",
        intro="The response is kept with this version, exactly as the governing body received it. A later "
        "version of this report needs its own response.",
        button="Save",
        back=back,
        on_valid=save,
    )
