"""Shared view plumbing: role checks through `access` behind the one gate, the period picker,
the governance layout around the one form page."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render

from putright.governance.access import access_can_manage_governance, access_can_view_governance
from putright.governance.context import governance_nav
from putright.governance.forms import PeriodForm
from putright.governance.forms.scope import ScopeForm
from putright.governance.selectors.periods import (
    Period,
    financial_year,
    last_full_financial_year,
    last_full_quarter,
)
from putright.governance.selectors.scope import EVERYTHING, Scope, scope_from
from putright.ui.forms import GovukForm
from putright.ui.pages import form_page as ui_form_page
from putright.ui.pages import gate

View = Callable[..., HttpResponse | StreamingHttpResponse]


# The one gate (`putright.ui.pages`): sign in first, then the role; else the 403 page with why.
reports_view = gate(access_can_view_governance, "Your role cannot see reports")
manage_view = gate(
    access_can_manage_governance, "Only the complaints officer and administrators can change this"
)


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


def scope_of(request: HttpRequest) -> tuple[Scope | None, ScopeForm]:
    """The service area and handler the figures are narrowed to (`?service_area=&handler=`);
    None with the form's errors for one that is not on the list."""
    form = ScopeForm(request.GET)
    if not form.is_valid():
        return None, form
    data = form.cleaned_data
    if not data.get("service_area") and not data.get("handler"):
        return EVERYTHING, form
    return scope_from(service_area=data.get("service_area"), handler=data.get("handler")), form


def with_scope(query: str, scope: Scope) -> str:
    """`query` (a period's) with the scope's filters added, for links that keep both."""
    extra = scope.query()
    return f"{query}&{extra}" if extra else query


def period_and_scope(request: HttpRequest, today: date) -> tuple[Period | None, Scope | None, dict[str, Any]]:
    """The period and scope asked for, and the context every figures page starts from: both
    forms, their errors, and `period` (None when either is refused, so the page answers 400)."""
    period, form = period_from(request, today)
    scope, scope_form = scope_of(request)
    context: dict[str, Any] = {
        "form": form,
        "scope_form": scope_form,
        "errors": form.error_summary() + scope_form.error_summary(),
        "period": period if scope is not None else None,
    }
    return period, scope, context


def period_links(period: Period, scope: Scope) -> dict[str, Any]:
    """What a figures page links with: the scope, and the queries that ask for the period
    again with the scope (`query`) or without it (`period_only`)."""
    return {
        "scope": scope,
        "scope_query": scope.query(),
        "period_only": period_query(period),
        "query": with_scope(period_query(period), scope),
    }


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
    """A one-form page (`putright.ui.pages.form_page`) in the governance layout: on a valid POST
    `on_valid` calls the service and answers with its redirect; errors go beside their fields."""
    context = {
        "title": title,
        "button": button,
        "back": back,
        "intro": intro,
        "caption": caption,
        "multipart": multipart,
        "governance_nav": governance_nav(request, here),
    }
    return ui_form_page(
        request,
        form,
        perform=on_valid,
        success=lambda response: response,
        template="governance/form.html",
        context=context,
    )
