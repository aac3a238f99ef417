"""The landlord's colour as a stylesheet, so the pages need no inline style (CSP)."""

from __future__ import annotations

import re

from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_GET

from putright.landlord.models import LandlordSettings

_HEX = re.compile(r"^#[0-9a-fA-F]{6}$")


@require_GET
def landlord_css(request: HttpRequest) -> HttpResponse:
    colour = LandlordSettings.current().colour
    if not _HEX.match(colour):
        colour = "#1d70b8"
    response = HttpResponse(f":root {{ --app-landlord-colour: {colour}; }}\n", content_type="text/css")
    response["Cache-Control"] = "public, max-age=300"
    return response
