"""What the letters pages share: sign-in and role checks through `putright.cases.access`,
the clock read at the edge, and pages of a list."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from putright.cases import access
from putright.inputs import parse_int

View = Callable[..., HttpResponse]
NO_CASES = (
    "Your role does not include working on individual complaints, so you cannot see residents' letters."
)
NO_TEMPLATES = "Only the complaints officer or an administrator can change letter templates."


def page_number(request: HttpRequest) -> int:
    return parse_int(request.GET.get("page", ""), minimum=1, maximum=100_000) or 1


def base_context(request: HttpRequest, current: str) -> dict[str, Any]:
    return {"nav_current": current, "can_edit_templates": access.access_can_change_settings(request.user)}


def forbidden(request: HttpRequest, reason: str) -> HttpResponse:
    context = {**base_context(request, ""), "reason": reason}
    return render(request, "letters/forbidden.html", context, status=403)


def not_found(request: HttpRequest, what: str) -> HttpResponse:
    context = {**base_context(request, ""), "what": what}
    return render(request, "letters/not_found.html", context, status=404)


def staff_only(check: Callable[[Any], bool], reason: str) -> Callable[[View], View]:
    """Anonymous visitors are sent to sign in; a signed-in role that fails `check` gets 403."""

    def decorate(view: View) -> View:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not check(request.user):
                return forbidden(request, reason)
            return view(request, *args, **kwargs)

        return wrapped

    return decorate


caseworker_only = staff_only(access.access_can_work_cases, NO_CASES)
officer_only = staff_only(access.access_can_change_settings, NO_TEMPLATES)
