"""The learning log: learning from complaints, the improvement, owner, status, who heard (Code 9.1-9.3)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone

from putright.accounts.models import User
from putright.governance import services
from putright.governance.access import access_can_manage_governance, access_sees_personal_data
from putright.governance.forms import LearningForm, LearningReportForm
from putright.governance.models import LearningItem, LearningStatus
from putright.governance.selectors import casework
from putright.governance.views._common import form_page, manage_view, page, reports_view

PAGE_SIZE = 25


@reports_view
def learning_list(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("status", "")
    if status not in LearningStatus.values:
        status = ""
    paginator = Paginator(casework.learning_items(status=status), PAGE_SIZE)
    items = paginator.get_page(request.GET.get("page"))
    return page(
        request,
        "governance/learning_list.html",
        {
            "items": items,
            "status": status,
            "status_label": LearningStatus(status).label if status else "",
            "statuses": LearningStatus.choices,
            "can_manage": access_can_manage_governance(request.user),
            "personal": access_sees_personal_data(request.user),
        },
        here="learning",
    )


def _input(data: dict[str, Any]) -> services.LearningInput:
    owner = User.objects.filter(pk=data["owner"]).first() if data.get("owner") else None
    return services.LearningInput(
        title=data["title"],
        learning=data["learning"],
        improvement=data["improvement"],
        identified_on=data["identified_on"],
        status=data["status"],
        owner=owner,
        category_slug=data.get("category") or "",
        due_on=data.get("due_on"),
        completed_on=data.get("completed_on"),
        complaint_references=[r for r in (data.get("complaints") or "").replace(";", ",").split(",")],
    )


@manage_view
def learning_new(request: HttpRequest) -> HttpResponse:
    form = LearningForm(request.POST or None, initial={"status": LearningStatus.IDENTIFIED})

    def save(data: dict[str, Any]) -> HttpResponse:
        item = services.learning_item_create(actor=request.user, now=timezone.now(), data=_input(data))
        messages.success(request, f"Learning recorded: {item.title}")
        return redirect("governance:learning_item", item_id=item.pk)

    return form_page(
        request,
        form,
        here="learning",
        title="Record learning from complaints",
        button="Save",
        back=reverse("governance:learning"),
        on_valid=save,
    )


def _item(item_id: int) -> LearningItem:
    item = casework.learning_get(item_id=item_id)
    if item is None:
        raise Http404("No such learning")
    return item


@reports_view
def learning_item(request: HttpRequest, item_id: int) -> HttpResponse:
    item = _item(item_id)
    return page(
        request,
        "governance/learning_item.html",
        {
            "item": item,
            "can_manage": access_can_manage_governance(request.user),
            "personal": access_sees_personal_data(request.user),
        },
        here="learning",
    )


@manage_view
def learning_edit(request: HttpRequest, item_id: int) -> HttpResponse:
    item = _item(item_id)
    initial = {
        "title": item.title,
        "learning": item.learning,
        "improvement": item.improvement,
        "complaints": ", ".join(c.reference for c in item.complaints.all()),
        "category": item.category.slug if item.category else "",
        "owner": str(item.owner_id or ""),
        "status": item.status,
        "identified_on": item.identified_on,
        "due_on": item.due_on,
        "completed_on": item.completed_on,
    }
    form = LearningForm(request.POST or None, initial=initial)

    def save(data: dict[str, Any]) -> HttpResponse:
        services.learning_item_update(
            actor=request.user, now=timezone.now(), item_id=item.pk, data=_input(data)
        )
        messages.success(request, "Learning updated")
        return redirect("governance:learning_item", item_id=item.pk)

    back = reverse("governance:learning_item", args=[item.pk])
    return form_page(
        request, form, here="learning", title="Change learning", button="Save", back=back, on_valid=save
    )


@manage_view
def learning_report(request: HttpRequest, item_id: int) -> HttpResponse:
    item = _item(item_id)
    form = LearningReportForm(request.POST or None)

    def save(data: dict[str, Any]) -> HttpResponse:
        services.learning_item_report(
            actor=request.user,
            now=timezone.now(),
            item_id=item.pk,
            audience=data["audience"],
            reported_on=data["reported_on"],
            note=data.get("note") or "",
        )
        messages.success(request, "Recorded who the learning was reported to")
        return redirect("governance:learning_item", item_id=item.pk)

    return form_page(
        request,
        form,
        here="learning",
        title="Record who it was reported to",
        caption=item.title,
        intro="Report wider learning to the senior lead, the Member Responsible for Complaints, the governing body, residents and staff (Code 9.3, 9.4).",
        button="Save",
        back=reverse("governance:learning_item", args=[item.pk]),
        on_valid=save,
    )
