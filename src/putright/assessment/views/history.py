"""The version history, one version's changes, and the year-on-year comparison."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from putright.assessment.forms import CompareForm
from putright.assessment.selectors.staff import (
    assessment_choices,
    assessment_get,
    assessments_compare,
    version_get,
    versions_page,
)
from putright.assessment.views._common import get_assessment, requires
from putright.ui.pages import page_number


@requires("read")
def versions(request: HttpRequest, pk: int) -> HttpResponse:
    assessment = get_assessment(pk)
    page = versions_page(assessment=assessment, page=page_number(request))
    return render(request, "assessment/versions.html", {"a": assessment, "page": page})


@requires("read")
def version(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    assessment = get_assessment(pk)
    found = version_get(assessment=assessment, number=number)
    if found is None:
        raise Http404("No such version")
    return render(request, "assessment/version.html", {"a": assessment, "v": found})


@requires("read")
def compare(request: HttpRequest) -> HttpResponse:
    options = assessment_choices(limit=50)
    form = CompareForm(request.GET or None, options=options)
    rows = None
    earlier = later = None
    error = ""
    if form.is_bound and form.is_valid():
        earlier = assessment_get(assessment_id=form.cleaned_data["earlier"])
        later = assessment_get(assessment_id=form.cleaned_data["later"])
        if earlier is None or later is None:
            raise Http404("No such self-assessment")
        if earlier.edition != later.edition:
            error = "These self-assessments are against different editions of the Code, so provisions do not line up."
        else:
            rows = assessments_compare(earlier=earlier, later=later)
    return render(
        request,
        "assessment/compare.html",
        {"form": form, "rows": rows, "earlier": earlier, "later": later, "error": error, "options": options},
    )
