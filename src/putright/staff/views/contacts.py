"""Record a contact, triage it (Code 1.2-1.6), and the service request register (1.4, 1.5)."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from putright.cases import access, services
from putright.cases.errors import CaseError
from putright.cases.models import Contact, ServiceRequest
from putright.staff.forms.base import england_moment
from putright.staff.forms.contacts import (
    ContactForm,
    RaiseComplaintForm,
    ReviewServiceRequestForm,
    TriageForm,
)
from putright.staff.presenters.service_requests import requests_page
from putright.staff.views._base import staff_page, today
from putright.staff.views.case import NO_CASES
from putright.ui.forms import form_status

PAGE_SIZE = 25


@staff_page(access.access_can_work_cases, NO_CASES)
def contact_new(request: HttpRequest) -> HttpResponse:
    form = ContactForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            contact = services.contact_record(
                actor=request.user,
                now=timezone.now(),
                channel=data["channel"],
                received_at=england_moment(data["received_on"], data["received_time"]),
                summary=data["summary"],
            )
        except CaseError as exc:
            form.add_case_error(exc)
        else:
            return redirect(reverse("staff:contact_triage", args=[contact.pk]))
    return render(
        request,
        "staff/contacts/new.html",
        {"form": form, "errors": form.error_summary()},
        status=form_status(form),
    )


@staff_page(access.access_can_work_cases, NO_CASES)
def contact_triage(request: HttpRequest, contact_id: int) -> HttpResponse:
    contact = (
        Contact.objects.select_related("resident", "complaint", "service_request")
        .filter(pk=contact_id)
        .first()
    )
    if contact is None:
        raise Http404("No such contact")
    form = TriageForm(request.POST or None, needs_resident=contact.resident_id is None)
    if request.method == "POST" and not contact.triage and form.is_valid():
        data = form.cleaned_data
        resident = None
        if contact.resident_id is None:
            resident = services.ResidentDetails(
                name=data["name"],
                email=data["email"],
                phone=data["phone"],
                address=data["address"],
                tenancy_reference=data["tenancy_reference"],
                tenure=data["tenure"],
            )
        try:
            contact = services.contact_triage(
                actor=request.user,
                now=timezone.now(),
                contact=contact,
                triage=data["triage"],
                choice_to_complain_offered=data["choice_to_complain_offered"],
                resident=resident,
                description=data["description"] or None,
                category=data["category"] or None,
            )
        except CaseError as exc:
            contact.refresh_from_db()  # the failed triage was rolled back; so is what it set in memory
            form.add_case_error(exc)
        else:
            return _after_triage(request, contact)
    return render(
        request,
        "staff/contacts/triage.html",
        {"contact": contact, "form": form, "errors": form.error_summary()},
        status=form_status(form),
    )


def _after_triage(request: HttpRequest, contact: Contact) -> HttpResponse:
    if contact.complaint_id:
        messages.success(
            request, "Logged as a complaint at stage 1. Acknowledge it within 5 working days (Code 6.2)."
        )
        return redirect(reverse("staff:case", args=[contact.complaint_id]))
    if contact.service_request_id:
        messages.success(request, "Recorded as a service request. It will come up for review (Code 1.4).")
        return redirect(reverse("staff:service_request", args=[contact.service_request_id]))
    messages.success(
        request, "Recorded as survey feedback. Tell the resident how to complain if they wish to (Code 1.6)."
    )
    return redirect(reverse("staff:contact_new"))


@staff_page(access.access_can_work_cases, NO_CASES)
def service_requests(request: HttpRequest) -> HttpResponse:
    due_only = request.GET.get("view") == "review"
    raw = request.GET.get("page", "1")
    page = int(raw) if raw.isdigit() and 0 < int(raw) <= 100_000 else 1
    result = requests_page(due_only=due_only, today=today(), page=page, page_size=PAGE_SIZE)
    return render(
        request,
        "staff/service_requests/list.html",
        {"result": result, "due_only": due_only, "today": today()},
    )


def _request_or_404(request_id: int) -> ServiceRequest:
    found = (
        ServiceRequest.objects.select_related("resident", "owner", "category").filter(pk=request_id).first()
    )
    if found is None:
        raise Http404("No such service request")
    return found


@staff_page(access.access_can_work_cases, NO_CASES)
def service_request(request: HttpRequest, request_id: int) -> HttpResponse:
    item = _request_or_404(request_id)
    return render(
        request,
        "staff/service_requests/detail.html",
        {"item": item, "complaints": list(item.complaints.all().order_by("received_at")), "today": today()},
    )


@staff_page(access.access_can_work_cases, NO_CASES)
def service_request_complaint(request: HttpRequest, request_id: int) -> HttpResponse:
    item = _request_or_404(request_id)
    form = RaiseComplaintForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            complaint = services.service_request_raise_complaint(
                actor=request.user,
                now=timezone.now(),
                request=item,
                received_at=england_moment(data["received_on"], data["received_time"]),
                description=data["description"],
                channel=data["channel"],
            )
        except CaseError as exc:
            form.add_case_error(exc)
        else:
            messages.success(
                request,
                f"Complaint logged at stage 1. Service request {item.reference} stays open: work on it carries on (Code 1.5).",
            )
            return redirect(reverse("staff:case", args=[complaint.pk]))
    return render(
        request,
        "staff/service_requests/complaint.html",
        {"item": item, "form": form, "errors": form.error_summary()},
        status=form_status(form),
    )


@staff_page(access.access_can_work_cases, NO_CASES)
def service_request_review(request: HttpRequest, request_id: int) -> HttpResponse:
    item = _request_or_404(request_id)
    form = ReviewServiceRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.service_request_review(
                actor=request.user,
                request_id=item.pk,
                reviewed_on=data["reviewed_on"],
                outcome=data["outcome"],
                next_review_on=data.get("next_review_on"),
            )
        except CaseError as exc:
            form.add_case_error(exc)
        else:
            messages.success(request, f"Service request {item.reference} reviewed.")
            return redirect(reverse("staff:service_request", args=[item.pk]))
    return render(
        request,
        "staff/service_requests/review.html",
        {"item": item, "form": form, "errors": form.error_summary()},
        status=form_status(form),
    )
