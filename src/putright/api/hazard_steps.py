"""One endpoint per step on a hazard; each answers the updated hazard with every deadline."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any

from django.http import HttpRequest
from django.utils import timezone
from ninja import Field, Router, Schema

from putright.api.gates import caseworker
from putright.api.hazards import ERRORS, HazardId, HazardOut, Text, _exists, _out
from putright.hazards import services

router = Router(tags=["hazards"])


class InvestigatedIn(Schema):
    investigated_at: datetime
    hazard_found: bool
    findings: Text


class SummarySentIn(Schema):
    sent_on: date
    safety_work: Text = Field(description="The relevant safety work, or that none is needed")
    further_works: Text = Field(description="The further works, or that none are needed")
    updates: Text = Field(description="How the tenant will be kept updated")


class MadeSafeIn(Schema):
    made_safe_at: datetime
    work: Text


class WorksStartedIn(Schema):
    started_on: date
    physically_started: bool = Field(True, description="false: steps taken to begin the works")
    note: Text = ""


class WorksCompletedIn(Schema):
    completed_on: date
    note: Text = ""


class ExceptionIn(Schema):
    reason: Annotated[str, Field(description="decanted, consent_not_obtained or no_hazard_found")]
    evidence: Text
    at: datetime


class AccommodationIn(Schema):
    provided_at: datetime
    note: Text


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
