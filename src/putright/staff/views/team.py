"""The team view: every open case by handler and stage, and reassigning one or many at once.

Each case is reassigned through `complaint_assign`, one call per case, so the stage 2 check
(Code 6.13) and the record apply to each; a case it refuses is reported beside its row while
the others are moved.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from putright.cases import access, services
from putright.core.dates import code_calendar
from putright.core.errors import ActionRefused, CaseError
from putright.hazards.selectors import hazards_overdue_count
from putright.staff.forms.team import ReassignForm
from putright.staff.presenters.deadlines import DUE_SOON_WORKING_DAYS
from putright.staff.presenters.team import load_rows, team_loads, team_page, team_rows
from putright.staff.views._base import staff_page, today
from putright.ui.forms import refusal_message
from putright.ui.pages import page_number

PAGE_SIZE = 50
NO_TEAM = "The team view is for the complaints officer and team leads."


def _who(request: HttpRequest) -> tuple[int | None, bool]:
    raw = request.GET.get("handler", "")
    if raw == "none":
        return None, True
    return (int(raw), False) if raw.isdigit() and 0 < int(raw) < 2**31 else (None, False)


def _reassign(request: HttpRequest, form: ReassignForm) -> dict[int, str]:
    """Each ticked case through the one assign service; what it refused, by case."""
    refused: dict[int, str] = {}
    moved = 0
    for complaint_id in form.cleaned_data["complaints"]:
        try:
            services.complaint_assign(
                actor=request.user,
                now=timezone.now(),
                complaint_id=complaint_id,
                handler=form.cleaned_data["handler"],
            )
        except ActionRefused as exc:
            refused[complaint_id] = refusal_message(exc)
        except CaseError as exc:
            refused[complaint_id] = exc.message
        else:
            moved += 1
    if moved:
        name = form.cleaned_data["handler"].display_name
        messages.success(request, f"{moved} case{'s' if moved != 1 else ''} reassigned to {name}")
    return refused


def team_view(request: HttpRequest, *, landing: bool = False) -> HttpResponse:
    form = ReassignForm(request.POST or None)
    refused: dict[int, str] = {}
    if request.method == "POST" and form.is_valid():
        refused = _reassign(request, form)
        if not refused:
            return redirect(request.get_full_path())
    handler, unassigned = _who(request)
    day = today()
    calendar = code_calendar()
    soon = calendar.add_working_days(day, DUE_SOON_WORKING_DAYS)
    page = page_number(request)
    loads = team_loads(today=day, soon=soon)
    cases, has_next = team_page(
        handler=handler, unassigned=unassigned, page=page, page_size=PAGE_SIZE, loads=loads
    )
    context = {
        "landing": landing,
        "loads": loads,
        "load_rows": load_rows(loads),
        "rows": team_rows(cases, today=day, calendar=calendar, refused=refused),
        "form": form,
        "errors": form.error_summary() + [{"href": f"#case-{k}", "text": v} for k, v in refused.items()],
        "handler": handler,
        "unassigned": unassigned,
        "page_number": page,
        "has_next": has_next,
        "today": day,
        # A lead lands here: overdue hazard duties must be in sight on this page too.
        "hazards_overdue": hazards_overdue_count(now=timezone.now()),
    }
    status = 400 if (form.is_bound and not form.is_valid()) or refused else 200
    return render(request, "staff/team.html", context, status=status)


@staff_page(access.access_can_lead_team, NO_TEAM)
def team(request: HttpRequest) -> HttpResponse:
    """Every open case by handler and stage; reassign one or many (Code 6.13 per case)."""
    return team_view(request)
