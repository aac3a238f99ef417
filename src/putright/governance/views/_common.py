"""Shared view plumbing: role checks through `access`, the period picker, the generic form page."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render

from putright.core.errors import CaseError
from putright.governance.access import access_can_manage_governance, access_can_view_governance
from putright.governance.context import governance_nav
from putright.governance.forms import PeriodForm
from putright.governance.selectors.periods import (
    Period,
    financial_year,
    last_full_financial_year,
    last_full_quarter,
)
from putright.ui.forms import GovukForm

View = Callable[..., HttpResponse | StreamingHttpResponse]


def reports_view(view: View) -> View:
    """Signed in, with a role that may see reports (complaints officer, governance, administrator)."""

    @login_required
    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse | StreamingHttpResponse:
        if not access_can_view_governance(request.user):
            raise PermissionDenied("Your role cannot see reports")
        return view(request, *args, **kwargs)

    return wrapped


def manage_view(view: View) -> View:
    """Signed in as the complaints officer or an administrator."""

    @login_required
    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse | StreamingHttpResponse:
        if not access_can_manage_governance(request.user):
            raise PermissionDenied("Only the complaints officer and administrators can change this")
        return view(request, *args, **kwargs)

    return wrapped


PRESETS: dict[str, Callable[[date], Period]] = {
    "last-quarter": last_full_quarter,
    "this-year": financial_year,
    "last-year": last_full_financial_year,
}


def period_from(request: HttpRequest, today: date) -> tuple[Period | None, PeriodForm]:
    """The period asked for in the query string: a preset, typed dates, or the last full quarter."""
    preset = PRESETS.get(request.GET.get("preset", ""))
    if preset is not None or not any(k.startswith(("start-", "end-")) for k in request.GET):
        period = (preset or last_full_quarter)(today)
        return period, PeriodForm(initial={"start": period.start, "end": period.end})
    form = PeriodForm(request.GET)
    if not form.is_valid():
        return None, form
    return Period(form.cleaned_data["start"], form.cleaned_data["end"]), form


def period_query(period: Period) -> str:
    """The query string that asks for `period` again (for export and report links)."""
    s, e = period.start, period.end
    return f"start-day={s.day}&start-month={s.month}&start-year={s.year}&end-day={e.day}&end-month={e.month}&end-year={e.year}"


def page(
    request: HttpRequest, template: str, context: dict[str, Any], *, here: str, status: int = 200
) -> HttpResponse:
    """Render a governance page with its sub-navigation."""
    context = {**context, "governance_nav": governance_nav(request, here)}
    return render(request, template, context, status=status)


def form_page(
    request: HttpRequest,
    form: GovukForm,
    *,
    here: str,
    title: str,
    button: str,
    back: str,
    intro: str = "",
    caption: str = "",
    on_valid: Callable[[dict[str, Any]], HttpResponse],
    multipart: bool = False,
) -> HttpResponse:
    """A one-form page: on POST run `on_valid`; service errors go beside their fields."""
    if request.method == "POST" and form.is_valid():
        try:
            return on_valid(form.cleaned_data)
        except CaseError as exc:
            form.add_case_error(exc)
    status = 400 if request.method == "POST" else 200
    return page(
        request,
        "governance/form.html",
        {
            "form": form,
            "title": title,
            "button": button,
            "back": back,
            "intro": intro,
            "caption": caption,
            "multipart": multipart,
        },
        here=here,
        status=status,
    )
