"""Following a complaint through, for integrations (Code 5.9, 5.10, 6.6, 6.8, 6.17, 7.3).

The same services as the staff pages: a remedy delivered, an update on (or the completion of)
an outstanding action, update intervals agreed, a new issue, a reasonable adjustment or
disclosure, the resident's tenure, the complaint's service area. Each is one
event on the record. A date before today needs `late_entry_reason` (422, Code 5.12).
"""

from __future__ import annotations

from typing import Annotated, Any

from django.http import HttpRequest
from django.utils import timezone
from ninja import Path, Router, Schema
from ninja.errors import HttpError

from putright.api.gates import caseworker_on, complaint_out
from putright.api.schemas.common import ERRORS, ComplaintId
from putright.api.schemas.complaints import ComplaintOut
from putright.api.schemas.followup import (
    ActionUpdateIn,
    AddIssueIn,
    AdjustmentIn,
    AgreeUpdatesIn,
    RemedyCompleteIn,
    ServiceAreaIn,
    TenureIn,
)
from putright.cases import access, selectors, services
from putright.cases.models import Action, Complaint, Remedy
from putright.governance.access import access_can_manage_governance

router = Router(tags=["complaints"])
ItemId = Annotated[int, Path(ge=1, le=2**62)]


class AddIssueOut(Schema):
    complaint: ComplaintOut
    new_complaint: ComplaintOut | None


@router.post(
    "/complaints/{complaint_id}/remedies/{remedy_id}/complete",
    response={200: ComplaintOut, **ERRORS},
    summary="Record a remedy as delivered",
)
def complete_remedy(
    request: HttpRequest, complaint_id: ComplaintId, remedy_id: ItemId, payload: RemedyCompleteIn
) -> dict[str, Any]:
    """A remedy is followed through to completion (Code 7.3). `completed_on` in the future, or
    before today without `late_entry_reason`, answers 422 (5.12); a remedy already completed 422."""
    user = caseworker_on(request, complaint_id)
    if not Remedy.objects.filter(pk=remedy_id, complaint_id=complaint_id).exists():
        raise HttpError(404, "No remedy with that id on this complaint")
    services.remedy_complete(
        actor=user,
        now=timezone.now(),
        remedy_id=remedy_id,
        completed_on=payload.completed_on,
        note=payload.note,
        late_entry_reason=payload.late_entry_reason,
    )
    return complaint_out(complaint_id)


@router.post(
    "/complaints/{complaint_id}/actions/{action_id}/update",
    response={200: ComplaintOut, **ERRORS},
    summary="Update the resident on an outstanding action, move its promise, or record it done",
)
def update_action(
    request: HttpRequest, complaint_id: ComplaintId, action_id: ItemId, payload: ActionUpdateIn
) -> dict[str, Any]:
    """An update given to the resident on an outstanding action (Code 6.6, 6.17); with
    `completed: true` the action is done on `given_on`. Moving the promise (`new_promise_on`) needs
    `promise_change_reason` and `resident_told_on`, and may not move it before the response date
    (422 naming 6.6 or 6.17); the first promise date is kept as the measure of kept on time."""
    user = caseworker_on(request, complaint_id)
    if not Action.objects.filter(pk=action_id, complaint_id=complaint_id).exists():
        raise HttpError(404, "No outstanding action with that id on this complaint")
    services.action_update(
        actor=user,
        now=timezone.now(),
        action_id=action_id,
        text=payload.text,
        given_on=payload.given_on,
        completed=payload.completed,
        new_promise_on=payload.new_promise_on,
        promise_change_reason=payload.promise_change_reason,
        resident_told_on=payload.resident_told_on,
        resident_told_how=payload.resident_told_how,
        late_entry_reason=payload.late_entry_reason,
    )
    return complaint_out(complaint_id)


@router.post(
    "/complaints/{complaint_id}/agree-updates",
    response={200: ComplaintOut, **ERRORS},
    summary="Agree how often the resident hears from us while a response is late",
)
def agree_updates(request: HttpRequest, complaint_id: ComplaintId, payload: AgreeUpdatesIn) -> dict[str, Any]:
    """Agree update intervals with the resident (Code 5.9). `agreed_on` before today needs
    `late_entry_reason` (422, 5.12)."""
    user = caseworker_on(request, complaint_id)
    services.complaint_agree_updates(
        actor=user,
        now=timezone.now(),
        complaint_id=complaint_id,
        interval_working_days=payload.interval_working_days,
        agreed_on=payload.agreed_on,
        method=payload.method,
        late_entry_reason=payload.late_entry_reason,
        expected_version=payload.version,
    )
    return complaint_out(complaint_id)


@router.post(
    "/complaints/{complaint_id}/issues",
    response={200: AddIssueOut, **ERRORS},
    summary="Add a new issue raised during stage 1",
)
def add_issue(request: HttpRequest, complaint_id: ComplaintId, payload: AddIssueIn) -> dict[str, Any]:
    """A related issue joins the stage 1 response if it has not gone and would not unreasonably
    delay it; otherwise it is logged as a new complaint linked to this one, returned as
    `new_complaint` (Code 6.8). `raised_at` on a day before today needs `late_entry_reason` (5.12)."""
    user = caseworker_on(request, complaint_id)
    _, new = services.complaint_add_issue(
        actor=user,
        now=timezone.now(),
        complaint_id=complaint_id,
        description=payload.description,
        raised_at=payload.raised_at,
        related=payload.related,
        would_unreasonably_delay=payload.would_unreasonably_delay,
        late_entry_reason=payload.late_entry_reason,
        expected_version=payload.version,
    )
    return {"complaint": complaint_out(complaint_id), "new_complaint": complaint_out(new.pk) if new else None}


@router.post(
    "/complaints/{complaint_id}/tenure",
    response={200: ComplaintOut, **ERRORS},
    summary="Record the resident's tenure (who counts in CH01 and CH02)",
)
def record_tenure(request: HttpRequest, complaint_id: ComplaintId, payload: TenureIn) -> dict[str, Any]:
    """Record the tenure of the complaint's resident: it applies to all their complaints, which
    are recounted in the TSM figures. `unknown` answers 422. The complaints officer and
    administrators only, as on the unknown-tenure page."""
    if not access_can_manage_governance(request.user):
        raise HttpError(403, "Only the complaints officer and administrators can record tenure")
    if not selectors.complaint_queryset().filter(pk=complaint_id).exists():
        raise HttpError(404, "No complaint with that id")
    services.complaint_set_tenure(
        actor=request.user,
        now=timezone.now(),
        complaint_id=complaint_id,
        tenure=payload.tenure,
        expected_version=payload.version,
    )
    return complaint_out(complaint_id)


@router.post(
    "/complaints/{complaint_id}/service-area",
    response={200: ComplaintOut, **ERRORS},
    summary="Move the complaint to another service area",
)
def set_service_area(
    request: HttpRequest, complaint_id: ComplaintId, payload: ServiceAreaIn
) -> dict[str, Any]:
    """`service_area` is the slug of an active service area, or null for none; the change is
    one event on the record. An unknown or deactivated slug, or the area the complaint is
    already in, answers 422 with a field error."""
    user = caseworker_on(request, complaint_id)
    services.complaint_set_service_area(
        actor=user,
        now=timezone.now(),
        complaint_id=complaint_id,
        service_area=payload.service_area,
        expected_version=payload.version,
    )
    return complaint_out(complaint_id)


@router.post(
    "/complaints/{complaint_id}/adjustments",
    response={200: ComplaintOut, **ERRORS},
    summary="Record a reasonable adjustment or a disclosed disability or vulnerability",
)
def record_adjustment(
    request: HttpRequest, complaint_id: ComplaintId, payload: AdjustmentIn
) -> dict[str, Any]:
    """It belongs to the complaint's resident, so every complaint of theirs, past and open, is
    marked `vulnerable` for a disability or vulnerability (Code 5.10, 6.1). `kind` is `adjustment`,
    `disability` or `vulnerability`; `review_on` must be after `recorded_on` (422 with field
    errors). Special category data: caseworkers who may see it only."""
    user = caseworker_on(request, complaint_id)
    if not access.access_can_see_special_category(user):
        raise HttpError(403, "Your role cannot record special category data")
    resident_id = Complaint.objects.values_list("resident_id", flat=True).get(pk=complaint_id)
    services.adjustment_record(
        actor=user,
        now=timezone.now(),
        resident_id=resident_id,
        kind=payload.kind,
        description=payload.description,
        recorded_on=payload.recorded_on,
        review_on=payload.review_on,
    )
    return complaint_out(complaint_id)
