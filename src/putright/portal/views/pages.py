"""The portal's information pages: home and the complaints policy (Code 1.4, 2, 3.4-3.7)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from putright.residents.policy import policy_timescales


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "portal/home.html", {"t": policy_timescales()})


@require_GET
def policy(request: HttpRequest) -> HttpResponse:
    """The complaints policy, written from the landlord's settings so it never drifts from them."""
    return render(request, "portal/policy.html", {"t": policy_timescales()})
