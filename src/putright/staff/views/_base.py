"""What every staff view shares: the one gate and 403 page of `putright.ui.pages` (with the
pointer to reports that governance users need), and the clock read at the edge."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from putright.ui import pages

Check = Callable[[Any], bool]


def today() -> date:
    """Today's date in England (TIME_ZONE is Europe/London)."""
    return timezone.localdate()


def forbidden(request: HttpRequest, reason: str = "") -> HttpResponse:
    return pages.forbidden(request, reason, reports_hint=True)


def staff_page(check: Check, reason: str = "") -> Callable[[pages.View], pages.View]:
    """Anonymous visitors go to sign in; signed-in users whose role fails `check` get 403."""
    return pages.gate(check, reason, reports_hint=True)
