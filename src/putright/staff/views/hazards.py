"""Hazards (Awaab's Law): the list of every open duty with time left, one hazard's page,
one page per step, and the one-click record from a screen. Every write is one hazard service."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time
from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from putright.cases import access
from putright.core.actor import Actor
from putright.core.dates import ENGLAND
from putright.core.errors import CaseError
from putright.hazards import selectors, services
from putright.hazards.documents import summary_file
from putright.hazards.models import Hazard, HazardScreen
from putright.staff.forms import hazards as f
from putright.staff.views._base import staff_page
from putright.ui.forms import GovukForm
from putright.ui.pages import form_page, not_found, page_number, redirect_with_banner

NO_HAZARDS = "Your role does not give access to hazards."
PAGE_SIZE = 50


def _moment(day: date, at: time) -> datetime:
    return datetime.combine(day, at, tzinfo=ENGLAND)


def _yes(value: str) -> bool:
    return value == "yes"


@staff_page(access.access_can_work_cases, NO_HAZARDS)
def hazard_list(request: HttpRequest) -> HttpResponse:
    form = f.HazardFilterForm(request.GET or None)
    state, kind = "open", ""
    if form.is_bound and form.is_valid():
        state = form.cleaned_data.get("state") or "open"
        kind = form.cleaned_data.get("kind") or ""
    now = timezone.now()
    open_only = {"open": True, "overdue": True, "closed": False}.get(state)
    rows = selectors.hazards_filtered(
        now=now, open_only=open_only, overdue=state == "overdue" or None, kind=kind
    )
    # Paged like every list, so no open duty is cut off however many there are.
    page = Paginator(rows, PAGE_SIZE).get_page(page_number(request))
    views = [selectors.hazard_view(h, now=now) for h in page.object_list]
    context = {"form": form, "rows": views, "state": state, "page": page}
    return render(request, "staff/hazards/list.html", context)


@staff_page(access.access_can_work_cases, NO_HAZARDS)
def hazard_detail(request: HttpRequest, hazard_id: int) -> HttpResponse:
    hazard = selectors.hazard_get(hazard_id=hazard_id)
    if hazard is None:
        return not_found(request, "hazard")
    view = selectors.hazard_view(hazard, now=timezone.now())
    return render(
        request,
        "staff/hazards/detail.html",
        {"view": view, "hazard": hazard, "events": list(hazard.events.all()), "steps": STEPS},
    )


@staff_page(access.access_can_work_cases, NO_HAZARDS)
def hazard_summary_document(request: HttpRequest, hazard_id: int, fmt: str) -> HttpResponse:
    """The written summary as sent, to post, hand over or keep."""
    hazard = selectors.hazard_get(hazard_id=hazard_id)
    found = summary_file(hazard, fmt) if hazard is not None else None
    if found is None:
        return not_found(request, "written summary")
    return found.download()


Perform = Callable[[Actor, datetime, Hazard, dict[str, Any]], Hazard]


def _investigated(actor: Actor, now: datetime, h: Hazard, d: dict[str, Any]) -> Hazard:
    return services.hazard_investigated(
        actor=actor,
        now=now,
        hazard_id=h.pk,
        late_entry_reason=d.get("late_entry_reason") or "",
        investigated_at=_moment(d["on"], d["at"]),
        hazard_found=_yes(d["hazard_found"]),
        findings=d["findings"],
    )


def _summary(actor: Actor, now: datetime, h: Hazard, d: dict[str, Any]) -> Hazard:
    return services.hazard_summary_sent(
        actor=actor,
        now=now,
        hazard_id=h.pk,
        late_entry_reason=d.get("late_entry_reason") or "",
        sent_on=d["on"],
        safety_work=d["safety_work"],
        further_works=d["further_works"],
        updates=d["updates"],
        send_by_email=d["send"] == "email",
    )


def _made_safe(actor: Actor, now: datetime, h: Hazard, d: dict[str, Any]) -> Hazard:
    return services.hazard_made_safe(
        actor=actor,
        now=now,
        hazard_id=h.pk,
        late_entry_reason=d.get("late_entry_reason") or "",
        made_safe_at=_moment(d["on"], d["at"]),
        work=d["note"],
    )


def _accommodation(actor: Actor, now: datetime, h: Hazard, d: dict[str, Any]) -> Hazard:
    return services.hazard_alternative_accommodation(
        actor=actor,
        now=now,
        hazard_id=h.pk,
        late_entry_reason=d.get("late_entry_reason") or "",
        provided_at=_moment(d["on"], d["at"]),
        note=d["note"],
    )


def _started(actor: Actor, now: datetime, h: Hazard, d: dict[str, Any]) -> Hazard:
    return services.hazard_works_started(
        actor=actor,
        now=now,
        hazard_id=h.pk,
        late_entry_reason=d.get("late_entry_reason") or "",
        started_on=d["on"],
        physically=_yes(d["physically"]),
        note=d["note"],
    )


def _completed(actor: Actor, now: datetime, h: Hazard, d: dict[str, Any]) -> Hazard:
    return services.hazard_works_completed(
        actor=actor,
        now=now,
        hazard_id=h.pk,
        late_entry_reason=d.get("late_entry_reason") or "",
        completed_on=d["on"],
        note=d.get("note") or "",
    )


def _exception(actor: Actor, now: datetime, h: Hazard, d: dict[str, Any]) -> Hazard:
    return services.hazard_exception(
        actor=actor,
        now=now,
        hazard_id=h.pk,
        late_entry_reason=d.get("late_entry_reason") or "",
        reason=d["reason"],
        evidence=d["evidence"],
        at=_moment(d["on"], d["at"]),
    )


# slug: (title, form, service call)
STEPS: dict[str, tuple[str, type[GovukForm], Perform]] = {
    "investigated": ("Record the investigation", f.InvestigatedForm, _investigated),
    "summary-sent": ("Record the written summary sent", f.SummarySentForm, _summary),
    "made-safe": ("Record the safety work", f.MadeSafeForm, _made_safe),
    "alternative-accommodation": ("Record alternative accommodation", f.AccommodationForm, _accommodation),
    "works-started": ("Record further works starting", f.WorksStartedForm, _started),
    "works-completed": ("Record further works completed", f.WorksCompletedForm, _completed),
    "exception": ("Record an exception", f.ExceptionForm, _exception),
}


@staff_page(access.access_can_work_cases, NO_HAZARDS)
def hazard_step(request: HttpRequest, hazard_id: int, step: str) -> HttpResponse:
    hazard = selectors.hazard_get(hazard_id=hazard_id)
    if step not in STEPS or hazard is None:
        return not_found(request, "hazard step")
    title, form_class, perform = STEPS[step]
    return form_page(
        request,
        form_class(request.POST or None),
        perform=lambda data: perform(request.user, timezone.now(), hazard, data),
        success=lambda h: redirect_with_banner(
            request, f"{h.reference}: {title[7:].capitalize()}", reverse("staff:hazard_detail", args=[h.pk])
        ),
        template="staff/hazards/form.html",
        context={"hazard": hazard, "title": title},
    )


@require_POST
@staff_page(access.access_can_work_cases, NO_HAZARDS)
def screen_record(request: HttpRequest, screen_id: int) -> HttpResponse:
    """One click: record the screened hazard as suggested, its clock from the source's receipt."""
    item = HazardScreen.objects.select_related("complaint", "contact").filter(pk=screen_id).first()
    if item is None:
        return not_found(request, "hazard screen")
    text = item.complaint.description if item.complaint else (item.contact.summary if item.contact else "")
    try:
        hazard = services.hazard_record(
            actor=request.user,
            now=timezone.now(),
            data=services.NewHazard(
                kind=item.kind,
                hazard=item.hazard,
                description=text,
                complaint_id=item.complaint_id,
                contact_id=item.contact_id,
                vulnerable=item.vulnerable,
                screen_id=item.pk,
            ),
        )
    except CaseError as exc:
        messages.error(request, exc.message)
        return redirect(
            reverse("staff:case", args=[item.complaint_id]) if item.complaint_id else "staff:hazards"
        )
    messages.success(request, f"Hazard {hazard.reference} recorded")
    return redirect("staff:hazard_detail", hazard.pk)


@staff_page(access.access_can_work_cases, NO_HAZARDS)
def screen_dismiss(request: HttpRequest, screen_id: int) -> HttpResponse:
    item = HazardScreen.objects.filter(pk=screen_id).first()
    if item is None:
        return not_found(request, "hazard screen")
    back = reverse("staff:case", args=[item.complaint_id]) if item.complaint_id else reverse("staff:hazards")
    return form_page(
        request,
        f.DismissScreenForm(request.POST or None),
        perform=lambda data: services.hazard_screen_dismiss(
            actor=request.user, now=timezone.now(), screen_id=item.pk, reason=data["reason"]
        ),
        success=lambda _: redirect_with_banner(
            request, "Screen dismissed: the reason is on the record", back
        ),
        template="staff/hazards/dismiss.html",
        context={"screen": item, "title": "Not a hazard"},
    )
