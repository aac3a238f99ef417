"""What every staff view shares: sign-in and role checks through `putright.cases.access`,
the clock read at the edge, and the success banner after an action."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import wraps
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import render
from django.utils import timezone

Check = Callable[[Any], bool]
View = Callable[..., HttpResponseBase]


def today() -> date:
    """Today's date in England (TIME_ZONE is Europe/London)."""
    return timezone.localdate()


def forbidden(request: HttpRequest, reason: str = "") -> HttpResponse:
    return render(
        request,
        "staff/forbidden.html",
        {"reason": reason or "Your role does not give access to this page."},
        status=403,
    )


def staff_page(check: Check, reason: str = "") -> Callable[[View], View]:
    """Anonymous visitors go to sign in; signed-in users whose role fails `check` get 403."""

    def decorate(view: View) -> View:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not check(request.user):
                return forbidden(request, reason)
            return view(request, *args, **kwargs)

        return wrapped

    return decorate
