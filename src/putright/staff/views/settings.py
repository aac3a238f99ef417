"""Settings for the complaints officer and administrators. Writes go through `putright.landlord.services`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from putright.cases import access
from putright.core.errors import CaseError
from putright.landlord import services
from putright.landlord.models import Category, ClosureDay, LandlordSettings
from putright.staff.forms.settings import CategoryForm, ClosureForm, DetailsForm, TimescalesForm
from putright.staff.views._base import staff_page, today
from putright.ui.forms import GovukForm, form_status

ONLY = "Only the complaints officer and administrators can change settings."
settings_page = staff_page(access.access_can_change_settings, ONLY)


def _form_page(
    request: HttpRequest,
    form: GovukForm,
    save: Callable[[dict[str, Any]], Any],
    *,
    template: str,
    done: str,
    back: str,
    context: dict[str, Any] | None = None,
) -> HttpResponse:
    if request.method == "POST" and form.is_valid():
        try:
            save(form.cleaned_data)
        except CaseError as exc:
            form.add_case_error(exc)
        else:
            messages.success(request, done)
            return redirect(back)
    return render(
        request,
        template,
        {"form": form, "errors": form.error_summary(), **(context or {})},
        status=form_status(form),
    )


@settings_page
def details(request: HttpRequest) -> HttpResponse:
    current = LandlordSettings.current()
    initial = {name: getattr(current, name) for name in DetailsForm.base_fields}
    form = DetailsForm(request.POST or None, initial=initial)
    return _form_page(
        request,
        form,
        lambda data: services.landlord_details_update(actor=request.user, **data),
        template="staff/settings/details.html",
        done="Settings saved",
        back=reverse("staff:settings"),
        context={"current": current},
    )


@settings_page
def timescales(request: HttpRequest) -> HttpResponse:
    current = LandlordSettings.current()
    initial = {name: getattr(current, name) for name in TimescalesForm.base_fields}
    form = TimescalesForm(request.POST or None, initial=initial)
    return _form_page(
        request,
        form,
        lambda data: services.landlord_timescales_update(actor=request.user, **data),
        template="staff/settings/timescales.html",
        done="Policy timescales saved",
        back=reverse("staff:settings"),
    )


@settings_page
def closures(request: HttpRequest) -> HttpResponse:
    form = ClosureForm(request.POST or None)
    return _form_page(
        request,
        form,
        lambda data: services.closure_day_add(actor=request.user, day=data["day"], reason=data["reason"]),
        template="staff/settings/closures.html",
        done="Closure day added",
        back=reverse("staff:settings_closures"),
        context={"closures": list(ClosureDay.objects.filter(day__gte=today()).order_by("day"))},
    )


@settings_page
@require_POST
def closure_remove(request: HttpRequest, closure_id: int) -> HttpResponse:
    try:
        services.closure_day_remove(actor=request.user, closure_id=closure_id)
    except CaseError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, "Closure day removed")
    return redirect(reverse("staff:settings_closures"))


@settings_page
def categories(request: HttpRequest) -> HttpResponse:
    form = CategoryForm(request.POST or None)
    return _form_page(
        request,
        form,
        lambda data: services.category_add(actor=request.user, name=data["name"]),
        template="staff/settings/categories.html",
        done="Category added",
        back=reverse("staff:settings_categories"),
        context={"categories": list(Category.objects.order_by("-active", "name"))},
    )


@settings_page
@require_POST
def category_toggle(request: HttpRequest, category_id: int) -> HttpResponse:
    activate = request.POST.get("active") == "yes"
    try:
        category = services.category_set_active(actor=request.user, category_id=category_id, active=activate)
    except CaseError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, f"{category.name} {'brought back' if activate else 'deactivated'}")
    return redirect(reverse("staff:settings_categories"))
