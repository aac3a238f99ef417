"""Pages for one provision: the answer, figures from the record, documents and ACTIONs."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from putright.assessment import services
from putright.assessment.evidence import (
    Period,
    evidence_failures,
    evidence_figure,
    evidence_for_provision,
    measure_by_key,
)
from putright.assessment.evidence.policy import policy_evidence
from putright.assessment.forms import ActionForm, AnswerForm
from putright.assessment.models import Answer, Assessment
from putright.assessment.selectors.staff import (
    action_get,
    answer_get,
    document_choices,
    plan_page,
    provision_of,
)
from putright.assessment.views._common import forbidden, get_assessment, requires, roles, today
from putright.core.errors import CaseError
from putright.rules.provisions import Provision
from putright.ui.forms import form_status
from putright.ui.pages import page_number


def _period(assessment: Assessment) -> Period:
    return Period(start=assessment.period_start, end=assessment.period_end, today=today())


def _provision(assessment: Assessment, pid: str) -> tuple[Provision, Answer]:
    provision = provision_of(assessment, pid)
    answer = answer_get(assessment=assessment, provision_id=pid)
    if provision is None or answer is None:
        raise Http404("No such provision")
    return provision, answer


@requires("read")
def provision_page(request: HttpRequest, pk: int, pid: str) -> HttpResponse:
    assessment = get_assessment(pk)
    provision, answer = _provision(assessment, pid)
    documents = document_choices(assessment=assessment)
    initial = {
        "comply": answer.comply,
        "evidence": answer.evidence,
        "commentary": answer.commentary,
        "rag": answer.rag,
        "documents": [str(d.pk) for d in answer.documents.all()],
        "expected_revision": answer.revision,
    }
    form = AnswerForm(request.POST or None, initial=initial, documents=documents)
    if request.method == "POST":
        if not roles(request)["can_edit"]:
            return forbidden(request, "edit")
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.answer_save(
                    actor=request.user,
                    now=timezone.now(),
                    assessment_id=pk,
                    provision_id=pid,
                    comply=data["comply"],
                    evidence=data["evidence"],
                    commentary=data["commentary"],
                    rag=data["rag"],
                    document_ids=[int(d) for d in data["documents"]],
                    expected_revision=data["expected_revision"],
                )
            except CaseError as exc:
                form.add_case_error(exc)
            else:
                messages.success(request, f"Answer to {pid} saved")
                return redirect("assessment:overview", pk=pk)
    figures = evidence_for_provision(edition=assessment.edition, provision_id=pid, period=_period(assessment))
    own = policy_evidence(
        edition=assessment.edition, provision_id=pid, start=assessment.period_start, end=assessment.period_end
    )
    return render(
        request,
        "assessment/provision.html",
        {
            "a": assessment,
            "provision": provision,
            "answer": answer,
            "form": form,
            "figures": figures,
            "own": own,
            **roles(request),
        },
        status=form_status(form),
    )


@requires("read")
def failures_page(request: HttpRequest, pk: int, pid: str, key: str) -> HttpResponse:
    assessment = get_assessment(pk)
    provision, _answer = _provision(assessment, pid)
    measure = measure_by_key(key)
    if measure is None or measure.provision_id != pid:
        raise Http404("No such figure")
    page = evidence_failures(measure=measure, period=_period(assessment), page=page_number(request))
    return render(
        request,
        "assessment/failures.html",
        {"a": assessment, "provision": provision, "measure": measure, "page": page},
    )


@requires("edit")
def attach_figure(request: HttpRequest, pk: int, pid: str, key: str) -> HttpResponse:
    """GET asks to confirm; POST freezes the figure into the evidence."""
    if request.method != "POST":
        assessment = get_assessment(pk)
        measure = measure_by_key(key)
        if measure is None or measure.provision_id != pid:
            raise Http404("No such figure")
        figure = evidence_figure(measure=measure, period=_period(assessment))
        return render(
            request,
            "assessment/confirm.html",
            {
                "a": assessment,
                "caption": f"Provision {pid}",
                "heading": "Add this figure to the evidence?",
                "lines": [figure.summary, "Your answer and RAG rating stay as they are."],
                "button": "Add to evidence",
                "back": reverse("assessment:provision", kwargs={"pk": pk, "pid": pid}),
            },
        )
    try:
        services.evidence_attach(
            actor=request.user,
            now=timezone.now(),
            assessment_id=pk,
            provision_id=pid,
            measure_key=key,
            today=today(),
        )
    except CaseError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, "Figure added to the evidence. Your RAG rating is unchanged.")
    return redirect("assessment:provision", pk=pk, pid=pid)


@requires("edit")
def detach_figure(request: HttpRequest, pk: int, pid: str, eid: int) -> HttpResponse:
    """GET asks to confirm; POST takes the figure out (the version history keeps it)."""
    if request.method != "POST":
        assessment = get_assessment(pk)
        return render(
            request,
            "assessment/confirm.html",
            {
                "a": assessment,
                "caption": f"Provision {pid}",
                "heading": "Remove this figure from the evidence?",
                "lines": ["Earlier versions keep it, as saved."],
                "button": "Remove figure",
                "warning": True,
                "back": reverse("assessment:provision", kwargs={"pk": pk, "pid": pid}),
            },
        )
    try:
        services.evidence_detach(
            actor=request.user, now=timezone.now(), assessment_id=pk, system_evidence_id=eid
        )
    except CaseError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, "Figure removed from the evidence")
    return redirect("assessment:provision", pk=pk, pid=pid)


@requires("edit")
def action_new(request: HttpRequest, pk: int, pid: str) -> HttpResponse:
    assessment = get_assessment(pk)
    provision, _answer = _provision(assessment, pid)
    form = ActionForm(request.POST or None, initial={"status": "open"})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.action_add(
                actor=request.user,
                now=timezone.now(),
                assessment_id=pk,
                provision_id=pid,
                description=data["description"],
                owner=data["owner"],
                due_on=data["due_on"],
            )
        except CaseError as exc:
            form.add_case_error(exc)
        else:
            messages.success(request, f"Action added for {pid}")
            return redirect("assessment:provision", pk=pk, pid=pid)
    return render(
        request,
        "assessment/action.html",
        {"a": assessment, "provision": provision, "form": form, "new": True},
        status=form_status(form),
    )


@requires("edit")
def action_edit(request: HttpRequest, pk: int, aid: int) -> HttpResponse:
    assessment = get_assessment(pk)
    action = action_get(assessment=assessment, action_id=aid)
    if action is None:
        raise Http404("No such action")
    initial = {
        "description": action.description,
        "owner": action.owner,
        "due_on": action.due_on,
        "status": action.status,
        "completed_on": action.completed_on,
    }
    form = ActionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.action_update(
                actor=request.user,
                now=timezone.now(),
                action_id=aid,
                description=data["description"],
                owner=data["owner"],
                due_on=data["due_on"],
                status=data["status"],
                completed_on=data["completed_on"],
            )
        except CaseError as exc:
            form.add_case_error(exc)
        else:
            messages.success(request, "Action saved")
            return redirect("assessment:plan", pk=pk)
    provision = provision_of(assessment, action.answer.provision_id)
    return render(
        request,
        "assessment/action.html",
        {"a": assessment, "provision": provision, "form": form, "new": False},
        status=form_status(form),
    )


@requires("read")
def plan(request: HttpRequest, pk: int) -> HttpResponse:
    assessment = get_assessment(pk)
    page = plan_page(assessment=assessment, page=page_number(request))
    return render(
        request, "assessment/plan.html", {"a": assessment, "page": page, "today": today(), **roles(request)}
    )
