"""My work and All complaints: the same list, with or without the handler default."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from putright.cases import access
from putright.core.dates import code_calendar
from putright.hazards.selectors import hazards_overdue_count
from putright.staff.forms.queue import QueueFilterForm
from putright.staff.presenters.actions import PAGE_SIZE as ACTIONS_PAGE_SIZE
from putright.staff.presenters.actions import owned_actions
from putright.staff.presenters.queue import filters_in_use, queue_page
from putright.staff.views._base import staff_page, today
from putright.staff.views.team import team_view
from putright.ui.forms import form_status
from putright.ui.pages import page_number

PAGE_SIZE = 25
# The second list: open complaints with no deadline running (`?list=nothing-running`).
NOTHING_RUNNING = "nothing-running"
NO_CASES = "Your role does not give access to individual complaints."


def _list(request: HttpRequest, *, mine: bool, lead_landing: bool = False) -> HttpResponse:
    show_vulnerable = access.access_can_see_special_category(request.user)
    form = QueueFilterForm(request.GET or None, mine=mine, show_vulnerable=show_vulnerable)
    filters = form.to_filters(user_id=request.user.pk if mine else None)
    running = request.GET.get("list") != NOTHING_RUNNING
    # One date for the whole page, so a view just after midnight cannot mix two days.
    day = today()
    page = queue_page(
        filters=filters,
        today=day,
        page=form.page_number,
        page_size=PAGE_SIZE,
        calendar=code_calendar(),
        show_vulnerable=show_vulnerable,
        running=running,
    )
    # Promises outlive their complaint: open actions stay here until done (Code 6.6).
    my_actions = owned_actions(owner_id=request.user.pk or 0, today=day) if mine else None
    if lead_landing and not page.running_total and not page.nothing_running_total and not my_actions:
        # A team lead with no cases or actions of their own: the page's own counts say so.
        return team_view(request, landing=True)
    return render(
        request,
        "staff/queue.html",
        {
            "title": "My work" if mine else "All complaints",
            "mine": mine,
            "form": form,
            "errors": form.error_summary() if form.is_bound else [],
            "page": page,
            "filtering": filters_in_use({k: v for k, v in request.GET.dict().items() if k != "list"}),
            "nothing_running": NOTHING_RUNNING,
            "today": day,
            "my_actions": my_actions,
            "hazards_overdue": hazards_overdue_count(now=timezone.now()),
        },
        status=form_status(form),
    )


@staff_page(access.access_can_work_cases, NO_CASES)
def queue(request: HttpRequest) -> HttpResponse:
    """The signed-in caseworker's own open complaints, most urgent first. A team lead with no
    cases or actions of their own lands on the team view instead of an empty list."""
    return _list(
        request, mine=True, lead_landing=access.access_can_lead_team(request.user) and not request.GET
    )


@staff_page(access.access_can_work_cases, NO_CASES)
def complaints(request: HttpRequest) -> HttpResponse:
    """Every complaint, filtered and searched; where the complaints officer assigns work."""
    return _list(request, mine=False)


@staff_page(access.access_can_work_cases, NO_CASES)
def my_actions(request: HttpRequest) -> HttpResponse:
    """Every open action the signed-in person owns, a page at a time: My work shows only the
    earliest few (Code 6.6). Only their own: the owner is the request's user, never a parameter."""
    found = owned_actions(
        owner_id=request.user.pk or 0, today=today(), page=page_number(request), page_size=ACTIONS_PAGE_SIZE
    )
    return render(request, "staff/my_actions.html", {"my_actions": found})
