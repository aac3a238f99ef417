"""Administrators' page for staff accounts: change a role, deactivate a leaver.

Writes go through `putright.accounts.services.users`; accounts are never deleted, because
the complaint record names who did what.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from putright.accounts.access import access_can_manage_staff
from putright.accounts.models import Role, User
from putright.accounts.services.users import user_deactivate, user_role_change
from putright.core.errors import CaseError
from putright.staff.views._base import staff_page
from putright.ui.forms import GovukForm, form_status

admin_page = staff_page(access_can_manage_staff, "Only administrators can manage staff accounts.")


class RoleForm(GovukForm):
    role = forms.ChoiceField(label="Role", choices=Role.choices, error_messages={"required": "Choose a role"})


@admin_page
def staff_users(request: HttpRequest) -> HttpResponse:
    people = list(User.objects.order_by("-is_active", "username"))
    return render(
        request,
        "staff/settings/users.html",
        {"people": people, "roles": dict(Role.choices), "errors": []},
    )


@admin_page
def staff_user(request: HttpRequest, user_id: int) -> HttpResponse:
    person = User.objects.filter(pk=user_id).first()
    if person is None:
        return render(request, "404.html", status=404)
    form = RoleForm(request.POST or None, initial={"role": person.role}, prefix=None)
    if request.method == "POST" and form.is_valid():
        try:
            user_role_change(actor=request.user, user_id=person.pk, role=form.cleaned_data["role"])
        except CaseError as exc:
            form.add_case_error(exc)
        else:
            messages.success(request, f"{person.username} is now {Role(form.cleaned_data['role']).label}")
            return redirect(reverse("staff:settings_users"))
    context = {"person": person, "form": form, "errors": form.error_summary(), "roles": dict(Role.choices)}
    return render(request, "staff/settings/user.html", context, status=form_status(form))


@admin_page
@require_POST
def staff_user_deactivate(request: HttpRequest, user_id: int) -> HttpResponse:
    try:
        person = user_deactivate(actor=request.user, user_id=user_id, now=timezone.now())
    except CaseError as exc:
        messages.error(request, exc.message)
        return redirect(reverse("staff:settings_user", args=[user_id]))
    messages.success(request, f"{person.username} deactivated: they can no longer sign in")
    return redirect(reverse("staff:settings_users"))
