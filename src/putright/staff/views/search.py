"""Search: one box in the header of every staff page, across every complaint of any status."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from putright.cases import access, selectors
from putright.cases.models import Complaint
from putright.staff.forms.search import SearchForm
from putright.staff.views._base import staff_page
from putright.staff.views.case import NO_CASES

PAGE_SIZE = 25


@staff_page(access.access_can_work_cases, NO_CASES)
def search(request: HttpRequest) -> HttpResponse:
    """Results for `?q=`; an empty or one-letter search is a 400 with the reason beside the box."""
    form = SearchForm(request.GET or None)
    found: list[Complaint] = []
    has_next = False
    if form.term:
        found, has_next = selectors.complaints_search(
            term=form.term, page=form.page_number, page_size=PAGE_SIZE
        )
    return render(
        request,
        "staff/search.html",
        {
            "form": form,
            "errors": form.error_summary() if form.is_bound else [],
            "term": form.term,
            "found": found,
            "page_number": form.page_number,
            "has_next": has_next,
        },
        status=400 if form.is_bound and not form.is_valid() else 200,
    )
