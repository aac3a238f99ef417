"""Hazard endpoints (Awaab's Law): record, list, read, and one endpoint per step.

A step the regulations forbid answers 422 with `detail` and the regulation's requirement in
`code_paragraph` (for example "HSH Regs 2025: written summary of findings to the tenant ...").
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any

from django.http import HttpRequest
from django.utils import timezone
from ninja import Field, Path, Query, Router, Schema
from ninja import Status as Reply
from ninja.errors import HttpError

from putright.api.gates import caseworker
from putright.api.schemas.common import ERRORS
from putright.core.errors import InvalidInput
from putright.hazards import selectors, services
from putright.hazards.models import Hazard

router = Router(tags=["hazards"])
HazardId = Annotated[int, Path(ge=1, le=2**62)]
Text = Annotated[str, Field(max_length=10_000)]
LIST_FILTERS = frozenset({"open", "overdue", "kind", "page", "page_size"})


class HazardIn(Schema):
    complaint: int | None = Field(None, ge=1, le=2**62)
    contact: int | None = Field(None, ge=1, le=2**62)
    service_request: int | None = Field(None, ge=1, le=2**62)
    kind: Annotated[str, Field(description="emergency or significant")]
    hazard: Annotated[str, Field(max_length=40, description="An HHSRS hazard, e.g. damp_and_mould")]
    aware_at: datetime | None = Field(
        None, description="Defaults to the complaint's (or contact's) received_at"
    )
    aware_reason: Text = ""
    description: Text
    home: Text = ""
    household: Text = ""
    vulnerable: bool = False
    reported_by: Annotated[str, Field(max_length=200)] = ""


class HazardOut(Schema):
    id: int
    reference: str
    complaint: int | None
    kind: str
    hazard: str
    description: str
    aware_at: datetime
    closed: bool
    next_duty: str | None
    next_due_at: datetime | None
    deadlines: dict[str, str] = Field(
        description="investigate_by (an instant for an emergency, a date for a significant hazard), "
        "then make_safe_by, written_summary_by, begin_further_works_by, start_further_works_by once known"
    )
    met_in_time: dict[str, bool]
    overdue: list[str]
    investigated_at: datetime | None
    hazard_found: bool | None
    summary_sent_on: date | None
    made_safe_at: datetime | None
    accommodation_at: datetime | None
    works_started_on: date | None
    works_completed_on: date | None
    stop_reason: str


class HazardPage(Schema):
    items: list[HazardOut]
    page: int
    page_size: int
    has_next: bool


def hazard_data(hazard: Hazard, *, now: datetime) -> dict[str, Any]:
    view = selectors.hazard_view(hazard, now=now)
    return {
        "id": hazard.pk,
        "reference": hazard.reference,
        "complaint": hazard.complaint_id,
        "kind": hazard.kind,
        "hazard": hazard.hazard,
        "description": hazard.description,
        "aware_at": hazard.aware_at,
        "closed": hazard.closed,
        "next_duty": hazard.next_duty or None,
        "next_due_at": hazard.next_due_at,
        "deadlines": selectors.deadlines_data(hazard),
        "met_in_time": {d.duty: bool(d.met) for d in view.duties if d.done},
        "overdue": [d.duty for d in view.overdue],
        "investigated_at": hazard.investigated_at,
        "hazard_found": hazard.hazard_found,
        "summary_sent_on": hazard.summary_sent_on,
        "made_safe_at": hazard.made_safe_at,
        "accommodation_at": hazard.accommodation_at,
        "works_started_on": hazard.works_started_on,
        "works_completed_on": hazard.works_completed_on,
        "stop_reason": hazard.stop_reason,
    }


def _out(hazard_id: int) -> dict[str, Any]:
    hazard = selectors.hazard_get(hazard_id=hazard_id)
    if hazard is None:
        raise HttpError(404, "No hazard with that id")
    return hazard_data(hazard, now=timezone.now())


def _exists(hazard_id: int) -> None:
    if not Hazard.objects.filter(pk=hazard_id).exists():
        raise HttpError(404, "No hazard with that id")


@router.post("/hazards", response={201: HazardOut, **ERRORS}, summary="Record a hazard")
def create_hazard(request: HttpRequest, payload: HazardIn) -> Reply[dict[str, Any]]:
    user = caseworker(request)
    hazard = services.hazard_record(
        actor=user,
        now=timezone.now(),
        data=services.NewHazard(
            kind=payload.kind,
            hazard=payload.hazard,
            description=payload.description,
            complaint_id=payload.complaint,
            contact_id=payload.contact,
            service_request_id=payload.service_request,
            aware_at=payload.aware_at,
            aware_reason=payload.aware_reason,
            home=payload.home,
            household=payload.household,
            vulnerable=payload.vulnerable,
            reported_by=payload.reported_by,
        ),
    )
    return Reply(201, _out(hazard.pk))


@router.get("/hazards", response={200: HazardPage, **ERRORS}, summary="List hazards, soonest deadline first")
def list_hazards(
    request: HttpRequest,
    open: bool | None = None,
    overdue: bool | None = None,
    kind: Annotated[str | None, Query(pattern="^(emergency|significant)$")] = None,
    page: Annotated[int, Query(ge=1, le=100000)] = 1,
    page_size: Annotated[int, Query(ge=1, le=100)] = 25,
) -> dict[str, Any]:
    """Hazards, the soonest deadline first. An unknown query parameter is refused: a misspelt
    filter would otherwise quietly return every hazard."""
    caseworker(request)
    unknown = sorted(set(request.GET) - LIST_FILTERS)
    if unknown:
        raise InvalidInput({name or "(unnamed)": ["Unknown filter"] for name in unknown})
    now = timezone.now()
    qs = selectors.hazards_filtered(now=now, open_only=open, overdue=overdue, kind=kind)
    start = (page - 1) * page_size
    rows = list(qs[start : start + page_size + 1])
    return {
        "items": [hazard_data(h, now=now) for h in rows[:page_size]],
        "page": page,
        "page_size": page_size,
        "has_next": len(rows) > page_size,
    }


@router.get("/hazards/{hazard_id}", response={200: HazardOut, **ERRORS}, summary="Read a hazard")
def get_hazard(request: HttpRequest, hazard_id: HazardId) -> dict[str, Any]:
    caseworker(request)
    return _out(hazard_id)
