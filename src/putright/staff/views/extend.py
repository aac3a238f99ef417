"""Extending the response deadline in two steps: check shows the new date, confirm saves it.

The new date is worked out by the rules core before anything is saved, so the caseworker
sees what the resident will be told (Code 6.4, 6.5, 6.15, 6.16). No JavaScript needed.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

from putright.cases import services
from putright.cases.models import Complaint, StageRecord
from putright.core.dates import code_calendar, long_date
from putright.core.errors import ActionRefused
from putright.rules import lifecycle
from putright.rules.errors import RuleViolation
from putright.rules.timescales import check_extension, respond_by
from putright.staff.forms.actions import ExtendForm
from putright.staff.views.base_action import ComplaintActionView

CARRY_SKIP = {"csrfmiddlewaretoken", "step"}


class Extend(ComplaintActionView):
    form_class = ExtendForm
    template_name = "staff/actions/extend.html"
    title = "Extend the response deadline"
    submit = "Continue"

    def record(self) -> StageRecord | None:
        return next((r for r in self.complaint.stages.all() if r.stage == self.complaint.stage), None)

    def context(self) -> dict[str, Any]:
        return {"record": self.record()}

    def new_date(self, data: dict[str, Any]) -> tuple[Any, Any]:
        """The response date after this extension, or the refusal the rules give."""
        record = self.record()
        if not data["ombudsman_details_given"]:
            return None, ActionRefused(
                "Give the resident the Ombudsman's contact details with the extension",
                code_paragraph="6.16" if self.complaint.stage == 2 else "6.5",
                field="ombudsman_details_given",
            )
        try:
            lifecycle.next_status(
                status=lifecycle.Status(self.complaint.status),
                stage=self.complaint.stage,
                action=lifecycle.Action.EXTEND,
            )
            if record is None or record.acknowledged_on is None:
                raise RuleViolation("Acknowledge the complaint before extending", code_paragraph="6.4")
            check_extension(
                stage=record.stage,
                already_extended_days=record.extension_days,
                requested_days=data["working_days"],
                good_reason=data["good_reason"],
            )
        except RuleViolation as violation:
            return None, ActionRefused.from_rule(violation)
        new = respond_by(
            code_calendar(),
            stage=record.stage,
            acknowledged_on=record.acknowledged_on,
            extension_days=record.extension_days + data["working_days"],
        )
        return new, None

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        form = self.make_form(request.POST)
        step = request.POST.get("step", "check")
        if not form.is_valid() or step == "change":
            return self.show(form)
        new, refusal = self.new_date(form.cleaned_data)
        if refusal is not None:
            form.add_case_error(refusal)
            return self.show(form)
        if step != "confirm":
            carried = [(k, v) for k, values in request.POST.lists() if k not in CARRY_SKIP for v in values]
            return self.show(
                form,
                template="staff/actions/extend_confirm.html",
                new_date=new,
                carried=carried,
                data=form.cleaned_data,
            )
        result = self.attempt(form)
        if result is None:
            return self.show(form)
        messages.success(request, self.success_message(result))
        return redirect(reverse("staff:case", args=[self.complaint.pk]))

    def perform(self, data: dict[str, Any]) -> Complaint:
        return services.complaint_extend(
            actor=self.actor,
            now=self.now,
            complaint_id=self.complaint.pk,
            working_days=data["working_days"],
            reason=data["reason"],
            good_reason=data["good_reason"],
            notified_on=data["notified_on"],
            ombudsman_details_given=data["ombudsman_details_given"],
            expected_version=data.get("expected_version"),
        )

    def success_message(self, result: Complaint) -> str:
        return f"Response deadline extended to {long_date(result.next_due)}"
