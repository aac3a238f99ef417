"""Extending the response deadline in two steps: check shows the new date and the notice the
resident will get, confirm saves and sends it.

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
from putright.cases.models import Complaint, EventAction, StageRecord
from putright.cases.services.deadlines import extend_record_due, ruleset_of
from putright.core.dates import england_date, long_date
from putright.core.errors import ActionRefused
from putright.letters.preview import letter_rehearse, letter_sent_summary
from putright.rules import lifecycle, notices
from putright.rules.entries import FutureDated, check_entry_date
from putright.rules.errors import RuleViolation
from putright.rules.timescales import check_extension
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
                ruleset=ruleset_of(self.complaint),
            )
        except RuleViolation as violation:
            return None, ActionRefused.from_rule(violation)
        try:
            check_entry_date(
                given_on=data["notified_on"],
                recorded_on=england_date(self.now),
                late_entry_reason=data.get("late_entry_reason") or "",
                what="the date the resident was told",
            )
        except FutureDated as violation:
            return None, ActionRefused.from_rule(violation, field="notified_on")
        except RuleViolation as violation:
            return None, ActionRefused.from_rule(violation, field="late_entry_reason")
        refusal = self.notice_refusal(record, data)
        if refusal is not None:
            return None, refusal
        return extend_record_due(record, data["working_days"]).policy, None

    def notice_refusal(self, record: StageRecord, data: dict[str, Any]) -> ActionRefused | None:
        """The same timing and good-reason checks the service makes (Code 6.4, 6.15), shown
        beside their fields before the caseworker confirms."""
        assert record.respond_by is not None
        field = "notified_on"
        try:
            notices.check_extension_notice(
                stage=record.stage,
                respond_by=record.respond_by,
                notified_on=data["notified_on"],
                today=england_date(self.now),
            )
            field = "good_reason_explanation"
            notices.check_good_reason_explanation(
                stage=record.stage,
                total_days=record.extension_days + data["working_days"],
                cap=ruleset_of(self.complaint).extension_cap_days[record.stage],
                good_reason=data["good_reason"],
                explanation=data.get("good_reason_explanation") or "",
            )
        except RuleViolation as violation:
            return ActionRefused.from_rule(violation, field=field)
        return None

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
            # The rules above name the new date; the rehearsal shows the notice the service
            # would send with it, and catches anything only the service knows.
            rehearsed, preview = letter_rehearse(lambda: self.attempt(form))
            if rehearsed is None:
                return self.show(form)
            carried = [(k, v) for k, values in request.POST.lists() if k not in CARRY_SKIP for v in values]
            return self.show(
                form,
                template="staff/actions/extend_confirm.html",
                new_date=new,
                carried=carried,
                data=form.cleaned_data,
                preview=preview,
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
            good_reason_explanation=data.get("good_reason_explanation") or "",
            notified_on=data["notified_on"],
            ombudsman_details_given=data["ombudsman_details_given"],
            late_entry_reason=data.get("late_entry_reason") or "",
            expected_version=data.get("expected_version"),
        )

    def success_message(self, result: Complaint) -> str:
        sent = letter_sent_summary(complaint_id=result.pk, action=EventAction.EXTENDED)
        return f"Response deadline extended to {long_date(result.next_due)}. {sent}".strip()
