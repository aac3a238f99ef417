"""A complaint's letters: list, review a draft, edit its free text, issue, send, download."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from putright.core.errors import CaseError
from putright.letters import selectors, services
from putright.letters.forms import DraftForm, UpdateForm, add_service_errors, error_summary, field_views
from putright.letters.views._common import caseworker_only
from putright.rules.letters import Element
from putright.ui.pages import not_found, page_number

# Where a caseworker adds each missing element that the draft itself can carry.
FIELD_FOR_ELEMENT = {
    Element.RESPONSIBILITY: "responsibility",
    Element.REMEDY: "no_remedy_reason",
    Element.UPDATE_SUMMARY: "update_summary",
    Element.NEXT_UPDATE_DATE: "next_update_date",
}


def _case_url(complaint_id: int, name: str = "staff:case") -> str | None:
    try:
        return reverse(name, args=[complaint_id])
    except NoReverseMatch:
        return None


@caseworker_only
def complaint_letters(request: HttpRequest, complaint_id: int) -> HttpResponse:
    page = page_number(request)
    found = selectors.complaint_letters_page(complaint_id=complaint_id, page=page)
    if found is None:
        return not_found(request, "complaint")
    complaint, letters, has_next = found
    context = {
        "complaint": complaint,
        "case_url": _case_url(complaint_id),
        "letters": letters,
        "page": page,
        "has_next": has_next,
    }
    return render(request, "letters/complaint.html", context)


def _review_page(
    request: HttpRequest, letter_id: int, *, errors: list[dict[str, str]] | None = None
) -> HttpResponse:
    review = selectors.letter_review(letter_id=letter_id)
    if review is None:
        return not_found(request, "letter")
    missing = [{"requirement": r, "field": FIELD_FOR_ELEMENT.get(r.element)} for r in review.missing]
    context = {
        "review": review,
        "letter": review.letter,
        "missing": missing,
        "errors": errors or [],
        "case_url": _case_url(review.letter.complaint_id),
        # Where a caseworker records the resident's consent or fixes the representative (Code 3.6).
        "representative_url": _case_url(review.letter.complaint_id, "staff:representative"),
    }
    return render(request, "letters/letter.html", context, status=400 if errors else 200)


@caseworker_only
def letter_detail(request: HttpRequest, letter_id: int) -> HttpResponse:
    return _review_page(request, letter_id)


@caseworker_only
def letter_edit(request: HttpRequest, letter_id: int) -> HttpResponse:
    letter = selectors.letter_get(letter_id=letter_id)
    if letter is None:
        return not_found(request, "letter")
    fields = services.editable_fields(letter.kind) if letter.status == "draft" else ()
    if not fields:
        return redirect("letters:letter", letter_id=letter_id)
    initial = {name: letter.content.get(name, "") for name in fields}
    form = DraftForm(request.POST or None, fields=fields, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.letter_edit(
                actor=request.user, now=timezone.now(), letter_id=letter_id, changes=form.cleaned_data
            )
        except CaseError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, "Draft saved")
            return redirect("letters:letter", letter_id=letter_id)
    context = {
        "letter": letter,
        "fields": field_views(form),
        "errors": error_summary(form) if form.is_bound else [],
    }
    return render(request, "letters/edit.html", context, status=400 if form.errors else 200)


@caseworker_only
@require_POST
def letter_issue(request: HttpRequest, letter_id: int) -> HttpResponse:
    try:
        services.letter_issue(actor=request.user, now=timezone.now(), letter_id=letter_id)
    except CaseError as exc:
        return _review_page(request, letter_id, errors=[{"text": exc.message, "href": "#missing"}])
    messages.success(request, "Letter issued. It will be sent by the resident's preferred channel.")
    return redirect("letters:letter", letter_id=letter_id)


@caseworker_only
@require_POST
def letter_send(request: HttpRequest, letter_id: int) -> HttpResponse:
    try:
        letter = services.letter_send_later(letter_id=letter_id, now=timezone.now())
    except CaseError:
        return not_found(request, "letter")
    if letter.email_waiting:
        # Sent by the worker, never inside this request: a slow mail server cannot hold it up.
        messages.success(request, "The email is queued to send. Refresh this page to see when it has gone.")
    return redirect("letters:letter", letter_id=letter_id)


@caseworker_only
@require_POST
def letter_posted(request: HttpRequest, letter_id: int) -> HttpResponse:
    try:
        services.letter_mark_posted(actor=request.user, now=timezone.now(), letter_id=letter_id)
    except CaseError as exc:
        return _review_page(request, letter_id, errors=[{"text": exc.message, "href": ""}])
    messages.success(request, "Recorded as posted")
    if request.POST.get("next") == "queue":
        return redirect("letters:print-queue")
    return redirect("letters:letter", letter_id=letter_id)


@caseworker_only
def letter_download(request: HttpRequest, letter_id: int, fmt: str) -> HttpResponse:
    stored = selectors.letter_file(letter_id=letter_id, fmt=fmt)
    if stored is None:
        return not_found(request, "issued letter")
    response = HttpResponse(stored.content, content_type=stored.content_type)
    response["Content-Disposition"] = f'attachment; filename="{stored.filename}"'
    return response


@caseworker_only
def update_new(request: HttpRequest, complaint_id: int) -> HttpResponse:
    reference = selectors.complaint_reference(complaint_id=complaint_id)
    if reference is None:
        return not_found(request, "complaint")
    initial: dict[str, Any] = {"next_update_date": selectors.next_update_due(complaint_id=complaint_id)}
    form = UpdateForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            letter = services.letter_draft_update(
                actor=request.user,
                now=timezone.now(),
                complaint_id=complaint_id,
                summary=form.cleaned_data["update_summary"],
                next_update_on=form.cleaned_data["next_update_date"],
            )
        except CaseError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, "Update drafted. Check it, then issue it.")
            return redirect("letters:letter", letter_id=letter.pk)
    context = {
        "complaint_id": complaint_id,
        "reference": reference,
        "fields": field_views(form),
        "errors": error_summary(form) if form.is_bound else [],
    }
    return render(request, "letters/update.html", context, status=400 if form.errors else 200)
