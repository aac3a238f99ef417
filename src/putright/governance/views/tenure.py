"""Complaints of unknown tenure, for the complaints officer to resolve before the TSMs are filed."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone

from putright.cases import services
from putright.cases.models import Complaint, Tenure
from putright.governance.forms import TenureForm
from putright.governance.selectors.tenure import LISTED_AT_MOST, complaints_of_unknown_tenure
from putright.governance.views._common import form_page, manage_view, page, period_from, period_query


@manage_view
def tenure_unknown(request: HttpRequest) -> HttpResponse:
    period, form = period_from(request, timezone.localdate())
    rows = complaints_of_unknown_tenure(period) if period is not None else []
    return page(
        request,
        "governance/tenure_unknown.html",
        {
            "form": form,
            "period": period,
            "rows": rows,
            "query": period_query(period) if period is not None else "",
            "listed_at_most": LISTED_AT_MOST,
        },
        here="dashboard",
        status=200 if period is not None else 400,
    )


@manage_view
def tenure_record(request: HttpRequest, complaint_id: int) -> HttpResponse:
    complaint = Complaint.objects.select_related("resident").filter(pk=complaint_id).first()
    if complaint is None:
        raise Http404("No such complaint")
    back = reverse("governance:tenure_unknown") + (f"?{request.GET.urlencode()}" if request.GET else "")
    initial = {} if complaint.resident.tenure == Tenure.UNKNOWN else {"tenure": complaint.resident.tenure}
    form = TenureForm(request.POST or None, initial=initial)

    def save(data: dict[str, Any]) -> HttpResponse:
        services.complaint_set_tenure(
            actor=request.user, now=timezone.now(), complaint_id=complaint.pk, tenure=data["tenure"]
        )
        messages.success(request, f"Tenure recorded for {complaint.reference}")
        return redirect(back)

    return form_page(
        request,
        form,
        here="dashboard",
        title="Record the resident's tenure",
        caption=f"{complaint.reference}: {complaint.resident.name}",
        intro=(
            "The Regulator's complaint measures count tenants of rented (LCRA) and shared ownership "
            "(LCHO) homes only. The tenure belongs to the resident, so it applies to all their complaints."
        ),
        button="Save tenure",
        back=back,
        on_valid=save,
    )
