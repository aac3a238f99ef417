"""Shared view plumbing: role checks through `putright.assessment.access` behind the one gate
of `putright.ui.pages`, the clock, files."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header

from putright.assessment import access
from putright.assessment.models import Assessment
from putright.assessment.selectors.staff import assessment_get
from putright.ui import pages

REASONS = {
    "read": "Self-assessments are for the complaints officer, administrators and the governing body.",
    "edit": "Only the complaints officer or an administrator can change a self-assessment.",
    "approve": "Only a governance user can record the governing body's approval.",
}
CHECKS = {
    "read": access.access_can_read_assessment,
    "edit": access.access_can_edit_assessment,
    "approve": access.access_can_approve_assessment,
}


def today() -> date:
    return timezone.localdate()


def forbidden(request: HttpRequest, need: str) -> HttpResponse:
    return pages.forbidden(request, REASONS[need])


def requires(need: str) -> Callable[[pages.View], pages.View]:
    """Signed in, and a role that may `read`, `edit` or `approve`; else the 403 page."""
    return pages.gate(CHECKS[need], REASONS[need])


def get_assessment(pk: int) -> Assessment:
    assessment = assessment_get(assessment_id=pk)
    if assessment is None:
        raise Http404("No such self-assessment")
    return assessment


def file_response(content: bytes, *, content_type: str, filename: str, inline: bool = False) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    # Uploaded names are the uploader's: let Django quote and encode them safely.
    disposition = content_disposition_header(as_attachment=not inline, filename=filename)
    if disposition:
        response["Content-Disposition"] = disposition
    response["Cache-Control"] = "private, no-store"
    return response


def roles(request: HttpRequest) -> dict[str, bool]:
    return {
        "can_edit": access.access_can_edit_assessment(request.user),
        "can_approve": access.access_can_approve_assessment(request.user),
    }
