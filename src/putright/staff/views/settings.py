"""Settings for the complaints officer and administrators. Writes go through `putright.landlord.services`."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from putright.cases import access
from putright.core.errors import CaseError, InvalidInput
from putright.landlord import services
from putright.landlord.compensation import (
    BandInput,
    compensation_bands,
    compensation_bands_are_the_landlords,
    compensation_bands_replace,
)
from putright.landlord.models import Category, ClosureDay, LandlordSettings
from putright.landlord.roles import named_role_set, named_roles_current, training_record_add, training_records
from putright.rules.remedies import band_range
from putright.staff.forms.settings import (
    BandRows,
    CategoryForm,
    ClosureForm,
    DetailsForm,
    NamedRoleForm,
    TimescalesForm,
    TrainingForm,
)
from putright.staff.views._base import staff_page, today
from putright.ui.pages import form_page, redirect_with_banner

ONLY = "Only the complaints officer and administrators can change settings."
settings_page = staff_page(access.access_can_change_settings, ONLY)


@settings_page
def details(request: HttpRequest) -> HttpResponse:
    current = LandlordSettings.current()
    initial = {name: getattr(current, name) for name in DetailsForm.base_fields}
    form = DetailsForm(request.POST or None, initial=initial)
    return form_page(
        request,
        form,
        perform=lambda data: services.landlord_details_update(actor=request.user, **data),
        success=lambda _: redirect_with_banner(request, "Settings saved", reverse("staff:settings")),
        template="staff/settings/details.html",
        context={"current": current},
    )


@settings_page
def timescales(request: HttpRequest) -> HttpResponse:
    current = LandlordSettings.current()
    initial = {name: getattr(current, name) for name in TimescalesForm.base_fields}
    form = TimescalesForm(request.POST or None, initial=initial)
    return form_page(
        request,
        form,
        perform=lambda data: services.landlord_timescales_update(actor=request.user, **data),
        success=lambda _: redirect_with_banner(request, "Policy timescales saved", reverse("staff:settings")),
        template="staff/settings/timescales.html",
        context={"current": current},
    )


@settings_page
def closures(request: HttpRequest) -> HttpResponse:
    form = ClosureForm(request.POST or None)
    return form_page(
        request,
        form,
        perform=lambda data: services.closure_day_add(
            actor=request.user, day=data["day"], reason=data["reason"]
        ),
        success=lambda _: redirect_with_banner(
            request, "Closure day added", reverse("staff:settings_closures")
        ),
        template="staff/settings/closures.html",
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
    return form_page(
        request,
        form,
        perform=lambda data: services.category_add(actor=request.user, name=data["name"]),
        success=lambda _: redirect_with_banner(
            request, "Category added", reverse("staff:settings_categories")
        ),
        template="staff/settings/categories.html",
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


@settings_page
def named_roles(request: HttpRequest) -> HttpResponse:
    """The complaints officer, the Member Responsible for Complaints, the senior lead and complaint
    champions, named in the policy, the reports and the self-assessment (Code 4.1, 9.4-9.7)."""
    form = NamedRoleForm(request.POST or None)
    return form_page(
        request,
        form,
        perform=lambda data: named_role_set(actor=request.user, **data),
        success=lambda _: redirect_with_banner(
            request, "Role holder recorded", reverse("staff:settings_roles")
        ),
        template="staff/settings/roles.html",
        context={"holders": named_roles_current()},
    )


@settings_page
def training(request: HttpRequest) -> HttpResponse:
    """Complaint-handling training staff completed: evidence for the self-assessment (Code 3.2, 4.1-4.3)."""
    form = TrainingForm(request.POST or None)
    return form_page(
        request,
        form,
        perform=lambda data: training_record_add(actor=request.user, now=timezone.now(), **data),
        success=lambda _: redirect_with_banner(
            request, "Training recorded", reverse("staff:settings_training")
        ),
        template="staff/settings/training.html",
        context={"records": training_records()[:200]},
    )


@settings_page
def compensation(request: HttpRequest) -> HttpResponse:
    """The landlord's compensation bands, defaulting to the Ombudsman's guidance (Code 7.4)."""
    rows = BandRows(request.POST or None, prefix="bands")
    if request.method == "POST" and rows.is_valid():
        given = [(i, form.cleaned_data) for i, form in enumerate(rows.forms) if form.cleaned_data]
        bands = [
            BandInput(d["label"], d.get("min_pounds"), d.get("max_pounds"), d.get("description") or "")
            for _, d in given
        ]
        try:
            compensation_bands_replace(actor=request.user, bands=bands)
        except InvalidInput as exc:
            for key, messages_ in exc.errors.items():
                _, index, name = key.split(".")
                row = rows.forms[given[int(index)][0]]
                for message in messages_:
                    row.add_error(name if name in row.fields else None, message)
        else:
            return redirect_with_banner(
                request, "Compensation bands saved", reverse("staff:settings_compensation")
            )
    errors = [
        {"href": f"#{form[name].id_for_label}" if name in form.fields else "", "text": f"Band {i}: {message}"}
        for i, form in enumerate(rows.forms, start=1)
        for name, messages_ in form.errors.items()
        for message in messages_
    ]
    today = timezone.localdate()
    context = {
        "rows": rows,
        "errors": errors,
        "own": compensation_bands_are_the_landlords(),
        "bands": [{**b.__dict__, "range": band_range(b)} for b in compensation_bands(on=today)],
    }
    return render(request, "staff/settings/compensation.html", context, status=400 if errors else 200)
