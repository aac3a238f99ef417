"""Quality assurance sampling pages: draw a sample, score each case."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from putright.assessment import services
from putright.assessment.evidence.qa import CHECKLIST_FIELDS
from putright.assessment.forms import SampleForm, ScoreForm
from putright.assessment.selectors.qa import (
    qa_case_get,
    qa_sample_cases,
    qa_sample_get,
    qa_sample_results,
    qa_samples_page,
)
from putright.assessment.views._common import requires, roles
from putright.core.errors import CaseError
from putright.ui.pages import page_number


@requires("read")
def samples(request: HttpRequest) -> HttpResponse:
    page = qa_samples_page(page=page_number(request))
    return render(request, "assessment/qa/list.html", {"page": page, **roles(request)})


@requires("edit")
def sample_new(request: HttpRequest) -> HttpResponse:
    form = SampleForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            sample = services.qa_sample_draw(
                actor=request.user,
                now=timezone.now(),
                quarter_start=data["quarter_start"],
                size=data["size"],
                seed=data["seed"],
            )
        except CaseError as exc:
            form.add_case_error(exc)
        else:
            messages.success(request, f"{sample.size} complaints sampled with seed {sample.seed}")
            return redirect("assessment:qa_sample", sid=sample.pk)
    return render(request, "assessment/qa/new.html", {"form": form})


@requires("read")
def sample(request: HttpRequest, sid: int) -> HttpResponse:
    found = qa_sample_get(sample_id=sid)
    if found is None:
        raise Http404("No such sample")
    return render(
        request,
        "assessment/qa/sample.html",
        {
            "s": found,
            "cases": qa_sample_cases(sample=found),
            "results": qa_sample_results(sample=found),
            **roles(request),
        },
    )


@requires("edit")
def score(request: HttpRequest, sid: int, cid: int) -> HttpResponse:
    found = qa_sample_get(sample_id=sid)
    case = qa_case_get(sample=found, case_id=cid) if found else None
    if found is None or case is None:
        raise Http404("No such sampled complaint")
    initial = {name: getattr(case, name) for name in (*CHECKLIST_FIELDS, "notes")}
    form = ScoreForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.qa_case_score(
                actor=request.user,
                now=timezone.now(),
                case_id=cid,
                scores={name: data[name] for name in CHECKLIST_FIELDS},
                notes=data["notes"],
            )
        except CaseError as exc:
            form.add_case_error(exc)
        else:
            messages.success(request, f"{case.reference} scored")
            return redirect("assessment:qa_sample", sid=sid)
    return render(request, "assessment/qa/score.html", {"s": found, "case": case, "form": form})
