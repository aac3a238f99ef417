"""What goes to the governing body, for integrations: the annual report (Code 8.1, 8.2) and the
board report (9.6, 9.7) sent as frozen versions, the governing body's response recorded against
the version it received, and the annual report published as that version.

The same services as the governance pages. A version is never rendered again: `sha256` is the
hash of the PDF as sent, and `GET .../pdf` returns those bytes.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any

from django.db.models.fields.files import FieldFile
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from ninja import Path, Query, Router, Schema
from ninja import Status as Reply
from ninja.errors import HttpError

from putright.api.schemas.common import Day, ErrorOut, LongText
from putright.core.errors import InvalidInput
from putright.governance import services
from putright.governance.access import (
    access_can_manage_governance,
    access_can_record_governing_body_response,
    access_can_view_governance,
)
from putright.governance.models import AnnualReport, AnnualReportVersion, BoardReportVersion
from putright.governance.selectors.annual import annual_report_current_version
from putright.governance.selectors.casework import annual_reports
from putright.governance.selectors.periods import Period

router = Router(tags=["governing body"])
ItemId = Annotated[int, Path(ge=1, le=2**62)]
ERRORS = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut, 429: ErrorOut}
PDF_ANSWER = {
    "responses": {
        200: {
            "description": "The PDF exactly as sent to the governing body",
            "content": {"application/pdf": {"schema": {"type": "string", "format": "binary"}}},
        }
    }
}


class VersionOut(Schema):
    id: int
    number: int
    period_start: date
    period_end: date
    title: str
    sent_on: date
    sent_at: datetime
    sha256: str
    governing_body_response: str
    response_on: date | None
    response_recorded_at: datetime | None


class AnnualReportOut(Schema):
    id: int
    period_start: date
    period_end: date
    current_version: int | None
    published_version: int | None
    versions: list[VersionOut]


class SendIn(Schema):
    sent_on: Day


class BoardSendIn(SendIn):
    start: Day
    end: Day


class ResponseIn(Schema):
    governing_body_response: LongText
    response_recorded_on: Day


def _version(v: AnnualReportVersion | BoardReportVersion, start: date, end: date) -> dict[str, Any]:
    return {
        "id": v.pk,
        "number": v.number,
        "period_start": start,
        "period_end": end,
        "title": v.title,
        "sent_on": v.sent_on,
        "sent_at": v.sent_at,
        "sha256": v.sha256,
        "governing_body_response": v.response,
        "response_on": v.response_on,
        "response_recorded_at": v.response_recorded_at,
    }


def _annual(report: AnnualReport) -> dict[str, Any]:
    current = annual_report_current_version(report=report)
    published = report.published_version
    return {
        "id": report.pk,
        "period_start": report.period_start,
        "period_end": report.period_end,
        "current_version": current.number if current else None,
        "published_version": published.number if published else None,
        "versions": [
            _version(v, report.period_start, report.period_end) for v in report.versions.order_by("number")
        ],
    }


def _board(v: BoardReportVersion) -> dict[str, Any]:
    return _version(v, v.period_start, v.period_end)


def _allowed(request: HttpRequest, check: Any, message: str) -> Any:
    if not check(request.user):
        raise HttpError(403, message)
    return request.user


def _viewer(request: HttpRequest) -> Any:
    return _allowed(request, access_can_view_governance, "Your role cannot see reports")


def _manager(request: HttpRequest) -> Any:
    message = "Only the complaints officer and administrators can send or publish reports"
    return _allowed(request, access_can_manage_governance, message)


def _responder(request: HttpRequest) -> Any:
    message = "Only the complaints officer, governance and administrators can record the response"
    return _allowed(request, access_can_record_governing_body_response, message)


def _report(report_id: int) -> AnnualReport:
    report = annual_reports().select_related("published_version").filter(pk=report_id).first()
    if report is None:
        raise HttpError(404, "No annual report with that id")
    return report


def _pdf(stored: FieldFile, name: str) -> HttpResponse:
    with stored.open("rb") as handle:
        response = HttpResponse(handle.read(), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{name}.pdf"'
    return response


@router.get("/reports/annual", response={200: list[AnnualReportOut], **ERRORS}, summary="Annual reports")
def list_annual(request: HttpRequest) -> list[dict[str, Any]]:
    """Each annual report with the versions sent to the governing body (Code 8.2). `current_version`
    is the latest version if the report has not changed since it was sent, else null."""
    _viewer(request)
    return [_annual(r) for r in annual_reports().select_related("published_version")]


@router.post(
    "/reports/annual/{report_id}/send",
    response={201: VersionOut, **ERRORS},
    summary="Send the annual report to the governing body as a frozen version",
)
def send_annual(request: HttpRequest, report_id: ItemId, payload: SendIn) -> Reply[dict[str, Any]]:
    """Freeze the report, figures and words, with its PDF and Word files (Code 8.2). 422 when a
    statement still needs entering or confirming, or when the report has not changed since the
    last version was sent."""
    user = _manager(request)
    report = _report(report_id)
    version = services.annual_report_send(
        actor=user, now=timezone.now(), report_id=report.pk, sent_on=payload.sent_on
    )
    return Reply(201, _version(version, report.period_start, report.period_end))


@router.post(
    "/reports/annual/{report_id}/response",
    response={200: VersionOut, **ERRORS},
    summary="Record the governing body's response to the version it received",
)
def respond_annual(request: HttpRequest, report_id: ItemId, payload: ResponseIn) -> dict[str, Any]:
    """The response attaches to the current version. If the report changed after the last version
    was sent, 422: send the new version first, because the response must answer the words the
    governing body saw (Code 8.2)."""
    user = _responder(request)
    report = _report(report_id)
    version = services.annual_report_record_response(
        actor=user,
        now=timezone.now(),
        report_id=report.pk,
        response=payload.governing_body_response,
        response_on=payload.response_recorded_on,
    )
    return _version(version, report.period_start, report.period_end)


@router.post(
    "/reports/annual/{report_id}/publish",
    response={200: AnnualReportOut, **ERRORS},
    summary="Publish the version the governing body responded to",
)
def publish_annual(request: HttpRequest, report_id: ItemId) -> dict[str, Any]:
    """Publishes the current version's PDF and Word files byte for byte, with the response
    (Code 8.2). 422 without a response to the current version."""
    user = _manager(request)
    _report(report_id)
    services.annual_report_publish(actor=user, now=timezone.now(), report_id=report_id)
    return _annual(_report(report_id))


@router.get(
    "/reports/annual/{report_id}/versions/{number}/pdf",
    response={**ERRORS},
    summary="An annual report version's PDF as sent",
    openapi_extra=PDF_ANSWER,
)
def annual_pdf(request: HttpRequest, report_id: ItemId, number: ItemId) -> HttpResponse:
    _viewer(request)
    version = AnnualReportVersion.objects.filter(report_id=report_id, number=number).first()
    if version is None:
        raise HttpError(404, "No such version")
    return _pdf(version.pdf, f"annual-report-{report_id}-version-{number}")


@router.get(
    "/reports/board/versions", response={200: list[VersionOut], **ERRORS}, summary="Board report versions"
)
def list_board(
    request: HttpRequest,
    start: Annotated[Day | None, Query(alias="from")] = None,
    end: Annotated[Day | None, Query(alias="to")] = None,
) -> list[dict[str, Any]]:
    """The board report versions sent to the governing body (Code 9.7), newest first; `from` and
    `to` pick one period's versions."""
    _viewer(request)
    versions = BoardReportVersion.objects.all()
    if start is not None:
        versions = versions.filter(period_start=start)
    if end is not None:
        versions = versions.filter(period_end=end)
    return [_board(v) for v in versions[:200]]


@router.post(
    "/reports/board/send",
    response={201: VersionOut, **ERRORS},
    summary="Send the board report for a period to the governing body as a frozen version",
)
def send_board(request: HttpRequest, payload: BoardSendIn) -> Reply[dict[str, Any]]:
    """Keep the period's board report, figures and text with its PDF and Word files, as the next
    version for that period (Code 9.7)."""
    user = _manager(request)
    if payload.start > payload.end:
        raise InvalidInput({"start": "The start of the period must be on or before its end"})
    version = services.board_report_send(
        actor=user, now=timezone.now(), period=Period(payload.start, payload.end), sent_on=payload.sent_on
    )
    return Reply(201, _board(version))


@router.post(
    "/reports/board/versions/{version_id}/response",
    response={200: VersionOut, **ERRORS},
    summary="Record the governing body's response to a board report version",
)
def respond_board(request: HttpRequest, version_id: ItemId, payload: ResponseIn) -> dict[str, Any]:
    """The response attaches to this version only; a later version needs its own. Once recorded
    it is kept as recorded (422 on a second response)."""
    user = _responder(request)
    if not BoardReportVersion.objects.filter(pk=version_id).exists():
        raise HttpError(404, "No such version")
    version = services.board_report_record_response(
        actor=user,
        now=timezone.now(),
        version_id=version_id,
        response=payload.governing_body_response,
        response_on=payload.response_recorded_on,
    )
    return _board(version)


@router.get(
    "/reports/board/versions/{version_id}/pdf",
    response={**ERRORS},
    summary="A board report version's PDF as sent",
    openapi_extra=PDF_ANSWER,
)
def board_pdf(request: HttpRequest, version_id: ItemId) -> HttpResponse:
    _viewer(request)
    version = BoardReportVersion.objects.filter(pk=version_id).first()
    if version is None:
        raise HttpError(404, "No such version")
    return _pdf(
        version.pdf,
        f"board-report-{version.period_start:%Y%m%d}-{version.period_end:%Y%m%d}-v{version.number}",
    )
