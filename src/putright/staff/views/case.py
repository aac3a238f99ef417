"""The case page: where a complaint stands, what the Code asks next, and the full record."""

from __future__ import annotations

from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from putright.cases import access, selectors
from putright.cases.models import Attachment, Complaint, Correspondence
from putright.core.dates import code_calendar
from putright.hazards import selectors as hazard_selectors
from putright.landlord.selectors import closure_days_from
from putright.letters.selectors import letters_not_delivered
from putright.outbox.selectors import deliveries_not_sent
from putright.staff.presenters.case import (
    circumstances,
    closures_before_deadlines,
    next_steps,
    stage_views,
    timeline,
)
from putright.staff.presenters.checklist import code_checklist
from putright.staff.presenters.representative import add_representative_url, representative_panel
from putright.staff.views._base import staff_page, today
from putright.storage import open_stored

NO_CASES = "Your role does not give access to individual complaints."


def load_complaint(complaint_id: int) -> Complaint:
    complaint = selectors.complaint_get(complaint_id=complaint_id)
    if complaint is None:
        raise Http404("No such complaint")
    return complaint


@staff_page(access.access_can_work_cases, NO_CASES)
def case(request: HttpRequest, complaint_id: int) -> HttpResponse:
    complaint = load_complaint(complaint_id)
    day = today()
    calendar = code_calendar()
    special = None
    if access.access_can_see_special_category(request.user):
        special = circumstances(complaint.resident)
        if special.any:
            access.access_log_special_category_read(
                request.user,
                resident_id=complaint.resident_id,
                where=f"staff case page {complaint.reference}",
            )
    letters = list(
        Correspondence.objects.filter(complaint_id=complaint.pk)
        .select_related("created_by")
        .prefetch_related("attachments")
    )
    events = list(selectors.complaint_events(complaint_id=complaint.pk))
    stages = stage_views(complaint, day, calendar)
    closures = closure_days_from(day=day, limit=60)
    return render(
        request,
        "staff/case/page.html",
        {
            "complaint": complaint,
            "stages": stages,
            "closures": closures_before_deadlines(stages, closures, day),
            "hazard_screens": hazard_selectors.screens_open_for_complaint(complaint_id=complaint.pk),
            "checklist": code_checklist(complaint, today=day),
            "steps": next_steps(complaint),
            "hazards": hazard_selectors.hazards_for_complaint(complaint_id=complaint.pk, now=timezone.now()),
            "special": special,
            "letter_problems": letters_not_delivered(complaint_id=complaint.pk),
            "representative": representative_panel(complaint),
            "add_representative_url": add_representative_url(complaint),
            "can_see_special": special is not None,
            "timeline": timeline(complaint.pk, events, letters, user=request.user),
            "agreement": complaint.update_agreements.filter(active=True)
            .order_by("-agreed_on", "-id")
            .first(),
            "refusals": sorted(complaint.refusals.all(), key=lambda r: (r.refused_on, r.pk)),
            "remedies": sorted(complaint.remedies.all(), key=lambda r: (r.stage, r.pk)),
            "actions": sorted(complaint.actions.all(), key=lambda a: (a.promise_on, a.pk)),
            "today": day,
            "not_sent": deliveries_not_sent(now=timezone.now(), complaint_id=complaint.pk),
        },
    )


@staff_page(access.access_can_work_cases, NO_CASES)
def attachment(request: HttpRequest, complaint_id: int, attachment_id: int) -> FileResponse:
    """A stored document from the record, as an attachment (never rendered inline)."""
    item = Attachment.objects.filter(pk=attachment_id, complaint_id=complaint_id).first()
    if item is None:
        raise Http404("No such attachment")
    return FileResponse(
        open_stored(item.file),
        as_attachment=True,
        filename=item.original_name,
        content_type=item.content_type,
    )
