"""Record a contact, triage it (Code 1.2-1.6), and the service request register (1.4, 1.5)."""

from __future__ import annotations

from django.contrib import messages
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from putright.cases import access, selectors, services
from putright.cases.models import Adjustment, Contact, ServiceRequest
from putright.core.errors import CaseError, InvalidInput
from putright.mailbox import selectors as mailbox_selectors
from putright.staff.forms.base import england_moment
from putright.staff.forms.contacts import (
    ContactForm,
    ContactSearchForm,
    RaiseComplaintForm,
    ReviewServiceRequestForm,
    TriageForm,
)
from putright.staff.presenters.service_requests import requests_page
from putright.staff.views._base import staff_page, today
from putright.staff.views.case import NO_CASES
from putright.ui.forms import form_status
from putright.ui.pages import page_number

PAGE_SIZE = 25
NO_SUCH_RESIDENT = (
    "There is no resident with that number, or their details have been anonymised. Search again, "
    "or record the contact without choosing: you will enter their details at the next step"
)


@staff_page(access.access_can_work_cases, NO_CASES)
def contact_new(request: HttpRequest) -> HttpResponse:
    """Record a contact, first asking "Is this someone we know?" so that a resident who gets in
    touch again keeps one record, with their reasonable adjustments in sight (Code 5.10). The
    resident chosen travels in the address (`?resident=`), so the contact form posts it back."""
    search = ContactSearchForm(request.GET or None)
    status = 400 if search.is_bound and not search.is_valid() else 200
    chosen = None
    if search.chosen_id is not None:
        chosen = selectors.resident_match(resident_id=search.chosen_id)
        if chosen is None:
            search.add_error("resident", NO_SUCH_RESIDENT)
            status = 404
    form = ContactForm(request.POST or None)
    if request.method == "POST" and status == 200 and form.is_valid():
        data = form.cleaned_data
        try:
            contact = services.contact_record(
                actor=request.user,
                now=timezone.now(),
                channel=data["channel"],
                received_at=england_moment(data["received_on"], data["received_time"]),
                summary=data["summary"],
                resident_id=chosen.resident_id if chosen else None,
            )
        except InvalidInput as exc:
            if "resident" not in exc.errors:
                form.add_case_error(exc)
            else:  # anonymised since it was chosen: choose again, or go on as a new resident
                search.add_error("resident", exc.errors.pop("resident"))
                form.add_case_error(exc)
                chosen, status = None, 409
        except CaseError as exc:
            form.add_case_error(exc)
        else:
            return redirect(reverse("staff:contact_triage", args=[contact.pk]))
    if status == 200:
        status = form_status(form)
    matches: list[selectors.ResidentMatch] = []
    has_next = False
    if chosen is None and search.term:
        matches, has_next = selectors.residents_matching(
            term=search.term, page=search.page_number, page_size=PAGE_SIZE
        )
    return render(
        request,
        "staff/contacts/new.html",
        {
            "form": form,
            "search": search,
            "errors": search.error_summary() + form.error_summary(),
            "chosen": chosen,
            "adjustments": _adjustments_shown(request, chosen),
            "searched": chosen is None and bool(search.term),
            "matches": matches,
            "page": search.page_number,
            "has_next": has_next,
        },
        status=status,
    )


def _adjustments_shown(
    request: HttpRequest, chosen: selectors.ResidentMatch | None
) -> list[Adjustment] | None:
    """The chosen resident's adjustments for a role that may see special category data, the
    read logged; None (the page says only that some are recorded) for any other role."""
    if chosen is None or not chosen.has_adjustments:
        return []
    if not access.access_can_see_special_category(request.user):
        return None
    access.access_log_special_category_read(
        request.user, resident_id=chosen.resident_id, where="staff record a contact"
    )
    return selectors.resident_adjustments(resident_id=chosen.resident_id)


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
                service_area=data["service_area"] or None,
                how_to_complain_method=data["how_to_complain_method"],
                how_to_complain_given_on=data["how_to_complain_given_on"],
            )
        except CaseError as exc:
            contact.refresh_from_db()  # the failed triage was rolled back; so is what it set in memory
            form.add_case_error(exc)
        else:
            return _after_triage(request, contact)
    return render(
        request,
        "staff/contacts/triage.html",
        {
            "contact": contact,
            "form": form,
            "errors": form.error_summary(),
            "email_files": mailbox_selectors.contact_email_files(contact_id=contact.pk),
        },
        status=form_status(form),
    )


@staff_page(access.access_can_work_cases, NO_CASES)
def contact_file(request: HttpRequest, contact_id: int, file_id: int) -> FileResponse:
    """A file sent with an emailed contact (checked by content on receipt), never shown inline."""
    item = mailbox_selectors.contact_email_file(contact_id=contact_id, file_id=file_id)
    if item is None:
        raise Http404("No such file")
    return FileResponse(
        item.file.open("rb"), as_attachment=True, filename=item.original_name, content_type=item.content_type
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
        request,
        "Recorded as survey feedback, with how and when the resident was told how to complain (Code 1.6).",
    )
    return redirect(reverse("staff:contact_new"))


@staff_page(access.access_can_work_cases, NO_CASES)
def service_requests(request: HttpRequest) -> HttpResponse:
    due_only = request.GET.get("view") == "review"
    page = page_number(request)
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


@staff_page(access.access_can_work_cases, NO_CASES)
def contacts_undecided(request: HttpRequest) -> HttpResponse:
    """Every contact left at "Decide what the contact is", the longest-waiting first, so that
    none drops out of sight before someone decides whether it is a complaint (Code 1.2-1.6)."""
    page = page_number(request)
    found, has_next = selectors.contacts_undecided(page=page, page_size=PAGE_SIZE)
    return render(
        request,
        "staff/contacts/undecided.html",
        {"contacts": found, "page_number": page, "has_next": has_next},
    )
