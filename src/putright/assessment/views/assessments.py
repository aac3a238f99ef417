"""Pages for a whole self-assessment: list, start, task list, details, complete, approve, publish."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from putright.assessment import services
from putright.assessment.evidence import measured_provisions
from putright.assessment.forms import ApproveForm, CompleteForm, DetailsForm, NewAssessmentForm
from putright.assessment.selectors.staff import (
    approval_latest,
    assessment_choices,
    assessment_overview,
    assessments_page,
)
from putright.assessment.views._common import get_assessment, requires, roles, today
from putright.core.errors import CaseError
from putright.ui.pages import form_page, page_number, redirect_with_banner


@requires("read")
def assessment_list(request: HttpRequest) -> HttpResponse:
    page = assessments_page(page=page_number(request))
    return render(request, "assessment/list.html", {"page": page, **roles(request)})


@requires("edit")
def assessment_new(request: HttpRequest) -> HttpResponse:
    form = NewAssessmentForm(request.POST or None, previous=assessment_choices())

    def perform(data: dict[str, Any]) -> Any:
        return services.assessment_create(
            actor=request.user,
            now=timezone.now(),
            title=data["title"],
            edition=data["edition"],
            reason=data["reason"],
            reason_detail=data["reason_detail"],
            period_start=data["period_start"],
            period_end=data["period_end"],
            copy_from_id=int(data["copy_from"]) if data["copy_from"] else None,
        )

    return form_page(
        request,
        form,
        perform=perform,
        success=lambda result: redirect_with_banner(
            request, f"{result.title} started", reverse("assessment:overview", kwargs={"pk": result.pk})
        ),
        template="assessment/new.html",
    )


@requires("read")
def assessment_overview_page(request: HttpRequest, pk: int) -> HttpResponse:
    assessment = get_assessment(pk)
    overview = assessment_overview(assessment=assessment, today=today())
    measured = measured_provisions(edition=assessment.edition)
    return render(
        request,
        "assessment/overview.html",
        {"o": overview, "a": assessment, "measured": measured, **roles(request)},
    )


@requires("edit")
def assessment_details(request: HttpRequest, pk: int) -> HttpResponse:
    assessment = get_assessment(pk)
    initial = {
        name: getattr(assessment, name)
        for name in (
            "title",
            "reason",
            "reason_detail",
            "period_start",
            "period_end",
            "rag_green",
            "rag_amber",
            "rag_red",
        )
    }
    form = DetailsForm(request.POST or None, initial={**initial, "expected_revision": assessment.revision})

    def perform(data: dict[str, Any]) -> Any:
        return services.assessment_update(
            actor=request.user,
            now=timezone.now(),
            assessment_id=pk,
            title=data["title"],
            reason=data["reason"],
            reason_detail=data["reason_detail"],
            period_start=data["period_start"],
            period_end=data["period_end"],
            rag_green=data["rag_green"],
            rag_amber=data["rag_amber"],
            rag_red=data["rag_red"],
            expected_revision=data["expected_revision"],
        )

    return form_page(
        request,
        form,
        perform=perform,
        success=lambda _: redirect_with_banner(
            request, "Details saved", reverse("assessment:overview", kwargs={"pk": pk})
        ),
        template="assessment/details.html",
        context={"a": assessment},
    )


@requires("edit")
def assessment_complete_page(request: HttpRequest, pk: int) -> HttpResponse:
    assessment = get_assessment(pk)
    initial = {"completed_by_name": request.user.get_full_name(), "completed_on": today()}  # type: ignore[union-attr]
    form = CompleteForm(request.POST or None, initial=initial)

    def perform(data: dict[str, Any]) -> Any:
        return services.assessment_complete(
            actor=request.user,
            now=timezone.now(),
            assessment_id=pk,
            completed_by_name=data["completed_by_name"],
            completed_on=data["completed_on"],
        )

    return form_page(
        request,
        form,
        perform=perform,
        success=lambda _: redirect_with_banner(
            request,
            "Self-assessment completed: it is ready for the governing body",
            reverse("assessment:overview", kwargs={"pk": pk}),
        ),
        template="assessment/complete.html",
        context={"a": assessment},
    )


@requires("approve")
def assessment_approve_page(request: HttpRequest, pk: int) -> HttpResponse:
    assessment = get_assessment(pk)
    form = ApproveForm(
        request.POST or None, initial={"version_number": assessment.revision, "approved_on": today()}
    )

    def perform(data: dict[str, Any]) -> Any:
        return services.assessment_approve(
            actor=request.user,
            now=timezone.now(),
            assessment_id=pk,
            version_number=data["version_number"],
            approver_name=data["approver_name"],
            body=data["body"],
            approved_on=data["approved_on"],
            response=data["response"],
        )

    return form_page(
        request,
        form,
        perform=perform,
        success=lambda _: redirect_with_banner(
            request,
            f"Approval of version {form.cleaned_data['version_number']} recorded",
            reverse("assessment:overview", kwargs={"pk": pk}),
        ),
        template="assessment/approve.html",
        context={"a": assessment},
    )


@requires("edit")
def assessment_publish_page(request: HttpRequest, pk: int) -> HttpResponse:
    """GET asks to confirm which version goes public; POST publishes it (Code 8.2)."""
    assessment = get_assessment(pk)
    if request.method != "POST":
        approval = approval_latest(assessment=assessment)
        lines = (
            [
                f"Version {approval.version_number}, approved by {approval.approver_name}, {approval.body}, "
                f"on {approval.approved_on:%-d %B %Y}, will be published with the governing body's response.",
                "Anyone will be able to read it. Later changes stay private until approved and published.",
            ]
            if approval
            else ["Nothing can be published until the governing body has approved a version."]
        )
        return render(
            request,
            "assessment/confirm.html",
            {
                "a": assessment,
                "caption": assessment.title,
                "heading": "Publish the approved self-assessment?",
                "lines": lines,
                "button": "Publish" if approval else "",
                "back": reverse("assessment:overview", kwargs={"pk": pk}),
            },
        )
    try:
        publication = services.assessment_publish(actor=request.user, now=timezone.now(), assessment_id=pk)
    except CaseError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, f"Version {publication.version_number} published")
    return redirect("assessment:overview", pk=pk)
