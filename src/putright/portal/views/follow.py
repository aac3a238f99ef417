"""Following a complaint once signed in: see it, add to it, withdraw it, ask for stage 2.

Every view reaches the complaint through `putright.residents` with the signed-in email
only; a reference the person may not reach gets the same "not found" page as one that
does not exist (Code 5.12 record; UK GDPR: residents see only their own complaints).
"""

from __future__ import annotations

import logging

from django.contrib import messages
from django.http import FileResponse, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from putright.core.errors import ActionRefused, EditConflict, InvalidInput
from putright.letters.selectors import LetterFileCorrupt
from putright.portal.forms.follow import AddInformationForm, EscalateForm, WithdrawForm, uploads_of
from putright.portal.views._common import not_found, now, resident_required
from putright.residents.errors import NotReachable
from putright.residents.selectors import (
    resident_attachment,
    resident_complaint_view,
    resident_complaints_page,
    resident_letter_file,
    resident_stage_two,
)
from putright.residents.services import resident_add_information, resident_escalate, resident_withdraw
from putright.ui.pages import page_number

log = logging.getLogger("putright.portal")


def _email(request: HttpRequest) -> str:
    return str(request.resident_email)  # type: ignore[attr-defined]


@require_GET
@resident_required
def complaints(request: HttpRequest) -> HttpResponse:
    page = page_number(request)
    rows, has_next = resident_complaints_page(email=_email(request), page=page)
    return render(
        request,
        "portal/follow/list.html",
        {"rows": rows, "page": page, "has_next": has_next, "email": _email(request)},
    )


@require_GET
@resident_required
def complaint(request: HttpRequest, reference: str) -> HttpResponse:
    view = resident_complaint_view(email=_email(request), reference=reference)
    if view is None:
        return not_found(request)
    return render(request, "portal/follow/detail.html", {"c": view, "escalate_form": EscalateForm()})


def _refused(form: AddInformationForm | WithdrawForm | EscalateForm, exc: Exception, field: str) -> None:
    if isinstance(exc, InvalidInput):
        form.add_service_errors(exc)
    else:
        form.add_error(field, getattr(exc, "message", str(exc)))


@require_http_methods(["GET", "POST"])
@resident_required
def add_information(request: HttpRequest, reference: str) -> HttpResponse:
    view = resident_complaint_view(email=_email(request), reference=reference)
    if view is None:
        return not_found(request)
    form = AddInformationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            resident_add_information(
                email=_email(request),
                reference=reference,
                now=now(),
                text=form.cleaned_data["text"],
                files=uploads_of(request.FILES, "file"),
            )
        except NotReachable:
            return not_found(request)
        except (InvalidInput, ActionRefused, EditConflict) as exc:
            _refused(form, exc, "text")
        else:
            messages.success(request, "We have added this to your complaint.")
            return redirect("portal:complaint", reference=view.reference)
    return render(request, "portal/follow/add.html", {"c": view, "form": form})


@require_http_methods(["GET", "POST"])
@resident_required
def withdraw(request: HttpRequest, reference: str) -> HttpResponse:
    view = resident_complaint_view(email=_email(request), reference=reference)
    if view is None:
        return not_found(request)
    form = WithdrawForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            resident_withdraw(
                email=_email(request), reference=reference, now=now(), note=form.cleaned_data["note"]
            )
        except NotReachable:
            return not_found(request)
        except (InvalidInput, ActionRefused, EditConflict) as exc:
            _refused(form, exc, "note")
        else:
            messages.success(request, "You have withdrawn your complaint.")
            return redirect("portal:complaint", reference=view.reference)
    return render(request, "portal/follow/withdraw.html", {"c": view, "form": form})


@require_http_methods(["GET", "POST"])
@resident_required
def escalate(request: HttpRequest, reference: str) -> HttpResponse:
    view = resident_complaint_view(email=_email(request), reference=reference)
    if view is None:
        return not_found(request)
    form = EscalateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            resident_escalate(
                email=_email(request), reference=reference, now=now(), reason=form.cleaned_data["reason"]
            )
        except NotReachable:
            return not_found(request)
        except (InvalidInput, ActionRefused, EditConflict) as exc:
            _refused(form, exc, "reason")
        else:
            return redirect("portal:complaint_escalated", reference=view.reference)
    return render(request, "portal/follow/escalate.html", {"c": view, "form": form})


@require_GET
@resident_required
def escalated(request: HttpRequest, reference: str) -> HttpResponse:
    stage_two = resident_stage_two(email=_email(request), reference=reference)
    if stage_two is None:
        return not_found(request)
    return render(request, "portal/follow/escalated.html", {"s": stage_two})


@require_GET
@resident_required
def attachment(request: HttpRequest, reference: str, attachment_id: int) -> HttpResponseBase:
    found = resident_attachment(email=_email(request), reference=reference, attachment_id=attachment_id)
    if found is None:
        return not_found(request)
    return FileResponse(
        found.file.open("rb"),
        as_attachment=True,
        filename=found.original_name,
        content_type=found.content_type,
    )


@require_GET
@resident_required
def letter(request: HttpRequest, reference: str, letter_id: int, fmt: str) -> HttpResponse:
    try:
        found = resident_letter_file(email=_email(request), reference=reference, letter_id=letter_id, fmt=fmt)
    except LetterFileCorrupt:
        log.exception("letter %s on %s failed its checksum", letter_id, reference)
        messages.error(request, "We could not open this letter. Please call us and we will send you a copy.")
        return redirect("portal:complaint", reference=reference.upper())
    if found is None:
        return not_found(request)
    response = HttpResponse(found.content, content_type=found.content_type)
    response["Content-Disposition"] = f'attachment; filename="{found.filename}"'
    return response
