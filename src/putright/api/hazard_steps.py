"""One endpoint per step on a hazard; each answers the updated hazard with every deadline."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any

from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from ninja import Field, Router, Schema
from ninja.errors import HttpError

from putright.api.gates import caseworker
from putright.api.hazards import HazardId, HazardOut, Text, _exists, _out
from putright.api.schemas.common import ERRORS, READ_ERRORS
from putright.hazards import selectors, services
from putright.hazards.documents import FORMATS, summary_file

router = Router(tags=["hazards"])
LATE = "Required when the date is before today: why it is being recorded late (Code 5.12)"


class InvestigatedIn(Schema):
    investigated_at: datetime
    hazard_found: bool
    findings: Text
    late_entry_reason: Text = Field("", description=LATE)


class SummarySentIn(Schema):
    sent_on: date
    safety_work: Text = Field(description="The relevant safety work, or that none is needed")
    further_works: Text = Field(description="The further works, or that none are needed")
    updates: Text = Field(description="How the tenant will be kept updated")
    send_by_email: bool = Field(
        False,
        description="true: putright emails the summary to the tenant once saved (sent_on must be today, "
        "and the tenant must have an email address); false: it is posted or handed over",
    )
    late_entry_reason: Text = Field("", description=LATE)


class MadeSafeIn(Schema):
    made_safe_at: datetime
    work: Text
    late_entry_reason: Text = Field("", description=LATE)


class WorksStartedIn(Schema):
    started_on: date
    physically_started: bool = Field(True, description="false: steps taken to begin the works")
    note: Text = ""
    late_entry_reason: Text = Field("", description=LATE)


class WorksCompletedIn(Schema):
    completed_on: date
    note: Text = ""
    late_entry_reason: Text = Field("", description=LATE)


class ExceptionIn(Schema):
    reason: Annotated[str, Field(description="decanted, consent_not_obtained or no_hazard_found")]
    evidence: Text
    at: datetime
    late_entry_reason: Text = Field("", description=LATE)


class AccommodationIn(Schema):
    provided_at: datetime
    note: Text
    late_entry_reason: Text = Field("", description=LATE)


def _step(request: HttpRequest, hazard_id: int, call: Any, **kwargs: Any) -> dict[str, Any]:
    user = caseworker(request)
    _exists(hazard_id)
    call(actor=user, now=timezone.now(), hazard_id=hazard_id, **kwargs)
    return _out(hazard_id)


@router.post("/hazards/{hazard_id}/investigated", response={200: HazardOut, **ERRORS})
def investigated(request: HttpRequest, hazard_id: HazardId, payload: InvestigatedIn) -> dict[str, Any]:
    return _step(request, hazard_id, services.hazard_investigated, **payload.dict())


@router.post("/hazards/{hazard_id}/summary-sent", response={200: HazardOut, **ERRORS})
def summary_sent(request: HttpRequest, hazard_id: HazardId, payload: SummarySentIn) -> dict[str, Any]:
    return _step(request, hazard_id, services.hazard_summary_sent, **payload.dict())


@router.post("/hazards/{hazard_id}/made-safe", response={200: HazardOut, **ERRORS})
def made_safe(request: HttpRequest, hazard_id: HazardId, payload: MadeSafeIn) -> dict[str, Any]:
    return _step(request, hazard_id, services.hazard_made_safe, **payload.dict())


@router.post("/hazards/{hazard_id}/works-started", response={200: HazardOut, **ERRORS})
def works_started(request: HttpRequest, hazard_id: HazardId, payload: WorksStartedIn) -> dict[str, Any]:
    return _step(
        request,
        hazard_id,
        services.hazard_works_started,
        started_on=payload.started_on,
        physically=payload.physically_started,
        note=payload.note,
        late_entry_reason=payload.late_entry_reason,
    )


@router.post("/hazards/{hazard_id}/works-completed", response={200: HazardOut, **ERRORS})
def works_completed(request: HttpRequest, hazard_id: HazardId, payload: WorksCompletedIn) -> dict[str, Any]:
    return _step(request, hazard_id, services.hazard_works_completed, **payload.dict())


@router.post("/hazards/{hazard_id}/exception", response={200: HazardOut, **ERRORS})
def exception(request: HttpRequest, hazard_id: HazardId, payload: ExceptionIn) -> dict[str, Any]:
    return _step(request, hazard_id, services.hazard_exception, **payload.dict())


@router.post("/hazards/{hazard_id}/alternative-accommodation", response={200: HazardOut, **ERRORS})
def alternative_accommodation(
    request: HttpRequest, hazard_id: HazardId, payload: AccommodationIn
) -> dict[str, Any]:
    return _step(request, hazard_id, services.hazard_alternative_accommodation, **payload.dict())


def _file_response(fmt: str) -> dict[str, Any]:
    return {
        "responses": {
            "200": {
                "description": f"The written summary as sent, as {fmt.upper()}",
                "content": {FORMATS[fmt][1]: {"schema": {"type": "string", "format": "binary"}}},
            }
        }
    }


def _summary(request: HttpRequest, hazard_id: int, fmt: str) -> HttpResponse:
    caseworker(request)
    hazard = selectors.hazard_get(hazard_id=hazard_id)
    found = summary_file(hazard, fmt) if hazard is not None else None
    if found is None:
        raise HttpError(404, "No written summary has been sent for that hazard")
    return found.download()


@router.get(
    "/hazards/{hazard_id}/summary.pdf",
    response=READ_ERRORS,
    summary="Download the written summary as sent, as PDF",
    openapi_extra=_file_response("pdf"),
)
def summary_pdf(request: HttpRequest, hazard_id: HazardId) -> HttpResponse:
    return _summary(request, hazard_id, "pdf")


@router.get(
    "/hazards/{hazard_id}/summary.docx",
    response=READ_ERRORS,
    summary="Download the written summary as sent, as DOCX",
    openapi_extra=_file_response("docx"),
)
def summary_docx(request: HttpRequest, hazard_id: HazardId) -> HttpResponse:
    return _summary(request, hazard_id, "docx")
