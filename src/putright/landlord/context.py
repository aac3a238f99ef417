"""Template context: the landlord's name, colour and the Ombudsman's details on every page."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from putright.landlord.models import LandlordSettings


def landlord(request: HttpRequest) -> dict[str, Any]:
    cached = getattr(request, "_putright_landlord", None)
    if cached is None:
        cached = LandlordSettings.current()
        request._putright_landlord = cached  # type: ignore[attr-defined]
    return {"landlord": cached}
