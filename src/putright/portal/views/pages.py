"""The portal's information pages: home and the complaints policy (Code 1.4, 2, 3.4-3.7)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from putright.policy.selectors import policy_published
from putright.portal.views.policy import published_page
from putright.residents.policy import policy_timescales


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "portal/home.html", {"t": policy_timescales()})


@require_GET
def policy(request: HttpRequest) -> HttpResponse:
    """The approved complaints policy; before one is approved, wording written from the settings.
    Both take their numbers from the settings, so they never drift from the deadlines."""
    version = policy_published()
    if version is not None:
        return published_page(request, version)
    return render(request, "portal/policy.html", {"t": policy_timescales()})
