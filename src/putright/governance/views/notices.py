"""Complaint Handling Failure Orders and exceptional circumstances (Code 8.5)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from putright.governance import services
from putright.governance.forms import ExceptionalEndForm, ExceptionalForm, FailureComplyForm, FailureOrderForm
from putright.governance.models import ComplaintHandlingFailureOrder, ExceptionalCircumstance
from putright.governance.views._common import form_page, manage_view


@manage_view
def failure_order_new(request: HttpRequest) -> HttpResponse:
    form = FailureOrderForm(request.POST or None)

    def save(data: dict[str, Any]) -> HttpResponse:
        services.failure_order_record(
            actor=request.user,
            now=timezone.now(),
            reason=data["reason"],
            description=data["description"],
            issued_on=data["issued_on"],
            due_on=data.get("due_on"),
            complaint_reference=data.get("complaint") or "",
            ombudsman_reference=data.get("ombudsman_reference") or "",
        )
        messages.success(request, "Complaint Handling Failure Order recorded")
        return redirect("governance:ombudsman")

    return form_page(
        request,
        form,
        here="ombudsman",
        title="Record a Complaint Handling Failure Order",
        button="Save",
        back=reverse("governance:ombudsman"),
        on_valid=save,
    )


@manage_view
def failure_order_comply(request: HttpRequest, order_id: int) -> HttpResponse:
    order = get_object_or_404(ComplaintHandlingFailureOrder, pk=order_id)
    form = FailureComplyForm(request.POST or None)

    def save(data: dict[str, Any]) -> HttpResponse:
        services.failure_order_comply(
            actor=request.user,
            now=timezone.now(),
            order_id=order.pk,
            complied_on=data["complied_on"],
            note=data["compliance_note"],
        )
        messages.success(request, "Compliance recorded")
        return redirect("governance:ombudsman")

    return form_page(
        request,
        form,
        here="ombudsman",
        title="Record compliance with the failure order",
        caption=order.get_reason_display(),
        button="Save",
        back=reverse("governance:ombudsman"),
        on_valid=save,
    )


@manage_view
def exceptional_new(request: HttpRequest) -> HttpResponse:
    form = ExceptionalForm(request.POST or None)

    def save(data: dict[str, Any]) -> HttpResponse:
        services.exceptional_circumstance_record(
            actor=request.user,
            now=timezone.now(),
            title=data["title"],
            description=data["description"],
            started_on=data["started_on"],
            ombudsman_informed_on=data["ombudsman_informed_on"],
            residents_informed_on=data.get("residents_informed_on"),
            return_to_compliance_by=data["return_to_compliance_by"],
        )
        messages.success(
            request,
            "Exceptional circumstances recorded. Publish the notice so residents can see it (Code 8.5).",
        )
        return redirect("governance:ombudsman")

    return form_page(
        request,
        form,
        here="ombudsman",
        title="Record exceptional circumstances",
        intro="If you cannot comply with the Code, for example after a cyber incident, tell the Ombudsman and residents, publish a notice, and give a date to comply again (Code 8.5).",
        button="Save",
        back=reverse("governance:ombudsman"),
        on_valid=save,
    )


@require_POST
@manage_view
def exceptional_publish(request: HttpRequest, item_id: int) -> HttpResponse:
    item = get_object_or_404(ExceptionalCircumstance, pk=item_id)
    services.exceptional_circumstance_publish(actor=request.user, now=timezone.now(), item_id=item.pk)
    messages.success(request, "Notice published on the public complaints page")
    return redirect("governance:ombudsman")


@manage_view
def exceptional_end(request: HttpRequest, item_id: int) -> HttpResponse:
    item = get_object_or_404(ExceptionalCircumstance, pk=item_id)
    form = ExceptionalEndForm(request.POST or None)

    def save(data: dict[str, Any]) -> HttpResponse:
        services.exceptional_circumstance_end(
            actor=request.user, now=timezone.now(), item_id=item.pk, returned_on=data["returned_on"]
        )
        messages.success(request, "Recorded that compliance has returned")
        return redirect("governance:ombudsman")

    return form_page(
        request,
        form,
        here="ombudsman",
        title="Record that compliance has returned",
        caption=item.title,
        button="Save",
        back=reverse("governance:ombudsman"),
        on_valid=save,
    )
