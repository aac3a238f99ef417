"""The landlord's service areas, set by the complaints officer and administrators: list, add,
rename or give a new owner, deactivate. Writes go through `putright.landlord.service_areas`."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.http import require_POST

from putright.accounts.models import User
from putright.core.errors import CaseError
from putright.landlord.models import ServiceArea
from putright.landlord.service_areas import (
    service_area_add,
    service_area_set_active,
    service_area_update,
    service_areas_listed,
)
from putright.staff.forms.settings import ServiceAreaForm
from putright.staff.views.settings import settings_page
from putright.ui.pages import form_page, redirect_with_banner


def _owners(keep: int | None = None) -> list[tuple[int, str]]:
    """Active staff, and the current owner even if they have left (so the page shows who it was)."""
    people = User.objects.filter(is_active=True) | User.objects.filter(pk=keep or 0)
    return [(u.pk, u.display_name) for u in people.order_by("first_name", "last_name", "username")]


@settings_page
def service_areas(request: HttpRequest) -> HttpResponse:
    form = ServiceAreaForm(request.POST or None, owners=_owners())
    return form_page(
        request,
        form,
        perform=lambda data: service_area_add(actor=request.user, name=data["name"], owner_id=data["owner"]),
        success=lambda area: redirect_with_banner(
            request, f"Service area {area.name} added", reverse("staff:settings_service_areas")
        ),
        template="staff/settings/service_areas.html",
        context={"areas": service_areas_listed()},
    )


@settings_page
def service_area_edit(request: HttpRequest, area_id: int) -> HttpResponse:
    area = ServiceArea.objects.select_related("owner").filter(pk=area_id).first()
    if area is None:
        raise Http404("No such service area")
    initial = {"name": area.name, "owner": area.owner_id}
    form = ServiceAreaForm(request.POST or None, initial=initial, owners=_owners(keep=area.owner_id))
    return form_page(
        request,
        form,
        perform=lambda data: service_area_update(
            actor=request.user, area_id=area.pk, name=data["name"], owner_id=data["owner"]
        ),
        success=lambda saved: redirect_with_banner(
            request, f"Service area {saved.name} saved", reverse("staff:settings_service_areas")
        ),
        template="staff/settings/service_area.html",
        context={"area": area},
    )


@settings_page
@require_POST
def service_area_toggle(request: HttpRequest, area_id: int) -> HttpResponse:
    activate = request.POST.get("active") == "yes"
    try:
        area = service_area_set_active(actor=request.user, area_id=area_id, active=activate)
    except CaseError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, f"{area.name} {'brought back' if activate else 'deactivated'}")
    return redirect(reverse("staff:settings_service_areas"))
