"""The Ombudsman's cases: referrals, evidence, findings, orders, failure orders, exceptional circumstances."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone

from putright.governance import services
from putright.governance.access import access_can_manage_governance
from putright.governance.documents.evidence import evidence_pack_pdf
from putright.governance.forms import (
    CloseCaseForm,
    EvidenceRequestForm,
    EvidenceSentForm,
    FindingForm,
    OmbudsmanCaseForm,
    OrderCompleteForm,
    OrderForm,
)
from putright.governance.models import EvidenceRequest, OmbudsmanCase, OmbudsmanOrder
from putright.governance.selectors import casework
from putright.governance.views._common import form_page, manage_view, page, reports_view

PAGE_SIZE = 25


@reports_view
def ombudsman_list(request: HttpRequest) -> HttpResponse:
    cases = Paginator(casework.ombudsman_cases(), PAGE_SIZE).get_page(request.GET.get("page"))
    return page(
        request,
        "governance/ombudsman_list.html",
        {
            "cases": cases,
            "failure_orders": list(casework.failure_orders()[:50]),
            "exceptional": list(casework.exceptional_circumstances()[:20]),
            "can_manage": access_can_manage_governance(request.user),
        },
        here="ombudsman",
    )


def _case(case_id: int) -> OmbudsmanCase:
    case = casework.ombudsman_case_get(case_id=case_id)
    if case is None:
        raise Http404("No such Ombudsman case")
    return case


@reports_view
def ombudsman_case(request: HttpRequest, case_id: int) -> HttpResponse:
    case = _case(case_id)
    return page(
        request,
        "governance/ombudsman_case.html",
        {
            "case": case,
            "can_manage": access_can_manage_governance(request.user),
            "today": timezone.localdate(),
        },
        here="ombudsman",
    )


@manage_view
def ombudsman_new(request: HttpRequest) -> HttpResponse:
    form = OmbudsmanCaseForm(request.POST or None)

    def save(data: dict[str, Any]) -> HttpResponse:
        case = services.ombudsman_case_open(
            actor=request.user,
            now=timezone.now(),
            complaint_reference=data["complaint"],
            referred_on=data["referred_on"],
            ombudsman_reference=data.get("ombudsman_reference") or "",
            summary=data.get("summary") or "",
        )
        messages.success(request, "Ombudsman case recorded")
        return redirect("governance:ombudsman_case", case_id=case.pk)

    return form_page(
        request,
        form,
        here="ombudsman",
        title="Record a case the Ombudsman is looking at",
        button="Save",
        back=reverse("governance:ombudsman"),
        on_valid=save,
    )


def _case_action(
    request: HttpRequest,
    case_id: int,
    form: Any,
    *,
    title: str,
    run: Callable[[OmbudsmanCase, dict[str, Any]], object],
    done: str,
    intro: str = "",
) -> HttpResponse:
    case = get_object_or_404(OmbudsmanCase.objects.select_related("complaint"), pk=case_id)

    def save(data: dict[str, Any]) -> HttpResponse:
        run(case, data)
        messages.success(request, done)
        return redirect("governance:ombudsman_case", case_id=case.pk)

    return form_page(
        request,
        form,
        here="ombudsman",
        title=title,
        caption=f"Ombudsman case on {case.complaint.reference}",
        intro=intro,
        button="Save",
        back=reverse("governance:ombudsman_case", args=[case.pk]),
        on_valid=save,
    )


@manage_view
def evidence_new(request: HttpRequest, case_id: int) -> HttpResponse:
    def run(case: OmbudsmanCase, data: dict[str, Any]) -> object:
        return services.evidence_request_add(
            actor=request.user,
            now=timezone.now(),
            case_id=case.pk,
            requested_on=data["requested_on"],
            description=data["description"],
            due_on=data.get("due_on"),
        )

    return _case_action(
        request,
        case_id,
        EvidenceRequestForm(request.POST or None),
        title="Record an evidence request",
        intro="Evidence is due 15 working days after the request unless the Ombudsman sets another date.",
        run=run,
        done="Evidence request recorded",
    )


@manage_view
def evidence_sent(request: HttpRequest, case_id: int, request_id: int) -> HttpResponse:
    get_object_or_404(EvidenceRequest, pk=request_id, case_id=case_id)

    def run(case: OmbudsmanCase, data: dict[str, Any]) -> object:
        return services.evidence_request_sent(
            actor=request.user, now=timezone.now(), request_id=request_id, sent_on=data["sent_on"]
        )

    return _case_action(
        request,
        case_id,
        EvidenceSentForm(request.POST or None),
        title="Record that the evidence was sent",
        run=run,
        done="Evidence recorded as sent",
    )


@manage_view
def finding_new(request: HttpRequest, case_id: int) -> HttpResponse:
    def run(case: OmbudsmanCase, data: dict[str, Any]) -> object:
        return services.finding_record(
            actor=request.user,
            now=timezone.now(),
            case_id=case.pk,
            issue=data["issue"],
            kind=data["kind"],
            determined_on=data["determined_on"],
            complaint_handling=bool(data.get("complaint_handling")),
        )

    return _case_action(
        request,
        case_id,
        FindingForm(request.POST or None),
        title="Record a finding",
        run=run,
        done="Finding recorded",
    )


@manage_view
def order_new(request: HttpRequest, case_id: int) -> HttpResponse:
    case = _case(case_id)
    findings = [(str(f.pk), f"{f.issue}: {f.get_kind_display()}") for f in case.findings.all()]

    def run(case: OmbudsmanCase, data: dict[str, Any]) -> object:
        return services.order_add(
            actor=request.user,
            now=timezone.now(),
            case_id=case.pk,
            kind=data["kind"],
            description=data["description"],
            due_on=data.get("due_on"),
            finding_id=int(data["finding"]) if data.get("finding") else None,
        )

    return _case_action(
        request,
        case_id,
        OrderForm(request.POST or None, findings=findings),
        title="Record an order or recommendation",
        run=run,
        done="Order recorded",
    )


@manage_view
def order_complete(request: HttpRequest, case_id: int, order_id: int) -> HttpResponse:
    get_object_or_404(OmbudsmanOrder, pk=order_id, case_id=case_id)

    def run(case: OmbudsmanCase, data: dict[str, Any]) -> object:
        return services.order_complete(
            actor=request.user,
            now=timezone.now(),
            order_id=order_id,
            completed_on=data["completed_on"],
            compliance_evidence=data["compliance_evidence"],
            evidence_sent_on=data.get("evidence_sent_on"),
        )

    return _case_action(
        request,
        case_id,
        OrderCompleteForm(request.POST or None),
        title="Record compliance with the order",
        run=run,
        done="Compliance recorded",
    )


@manage_view
def case_close(request: HttpRequest, case_id: int) -> HttpResponse:
    def run(case: OmbudsmanCase, data: dict[str, Any]) -> object:
        return services.ombudsman_case_close(
            actor=request.user, now=timezone.now(), case_id=case.pk, closed_on=data["closed_on"]
        )

    return _case_action(
        request,
        case_id,
        CloseCaseForm(request.POST or None),
        title="Close the case",
        run=run,
        done="Case closed",
    )


@manage_view
def evidence_pack(request: HttpRequest, case_id: int) -> HttpResponse:
    """The complaint's full record as one PDF, to send to the Ombudsman (Code 5.12)."""
    case = _case(case_id)
    content = evidence_pack_pdf(complaint=case.complaint, generated_at=timezone.now())
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="evidence-pack-{case.complaint.reference}.pdf"'
    return response
