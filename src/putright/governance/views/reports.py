"""The board report (Code 9.7) and the themes and trends page for the senior lead (9.4)."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.text import slugify

from putright.governance.access import (
    access_can_manage_governance,
    access_can_record_governing_body_response,
    access_sees_personal_data,
)
from putright.governance.documents.blocks import ReportDocument
from putright.governance.documents.board import board_report
from putright.governance.models import BoardReportVersion
from putright.governance.selectors import casework
from putright.governance.selectors.themes import themes
from putright.governance.views._common import page, period_from, period_query, reports_view

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def document_response(document: ReportDocument, fmt: str) -> HttpResponse:
    """The document as a PDF or Word download."""
    name = slugify(document.title)[:100]
    if fmt == "pdf":
        response = HttpResponse(document.pdf(), content_type="application/pdf")
    elif fmt == "docx":
        response = HttpResponse(document.docx(), content_type=DOCX)
    else:
        raise Http404("Choose pdf or docx")
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response


@reports_view
def board(request: HttpRequest, fmt: str = "") -> HttpResponse:
    today = timezone.localdate()
    period, form = period_from(request, today)
    if period is None:
        return page(
            request, "governance/board.html", {"form": form, "period": None}, here="board", status=400
        )
    document = board_report(period=period, today=today)
    if fmt:
        return document_response(document, fmt)
    return page(
        request,
        "governance/board.html",
        {
            "form": form,
            "period": period,
            "document": document,
            "blocks": document.blocks,
            "query": period_query(period),
            "versions": list(
                BoardReportVersion.objects.filter(period_start=period.start, period_end=period.end).order_by(
                    "-number"
                )
            ),
            "can_manage": access_can_manage_governance(request.user),
            "can_respond": access_can_record_governing_body_response(request.user),
        },
        here="board",
    )


def _anonymise(data: dict[str, Any]) -> dict[str, Any]:
    repeat = [
        {**r, "name": f"Resident {i}", "tenancy_reference": "", "references": []}
        for i, r in enumerate(data["repeat_complainants"], 1)
    ]
    hot = [{**h, "address": f"Address {i}"} for i, h in enumerate(data["hot_spots"], 1)]
    return {**data, "repeat_complainants": repeat, "hot_spots": hot}


@reports_view
def themes_page(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    period, form = period_from(request, today)
    context: dict[str, Any] = {"form": form, "period": period}
    if period is not None:
        data = themes(period)
        personal = access_sees_personal_data(request.user)
        context.update(
            themes=data if personal else _anonymise(data),
            personal=personal,
            learning=casework.improvements_in(period),
            query=period_query(period),
        )
    return page(request, "governance/themes.html", context, here="themes", status=200 if period else 400)
