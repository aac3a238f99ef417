"""The lifecycle actions, one page each. Every `perform` is one service call."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from django.utils import timezone

from putright.cases import access, selectors, services
from putright.cases.models import Complaint
from putright.core.dates import long_date
from putright.staff.forms import actions as f
from putright.staff.forms.base import england_moment
from putright.staff.views.base_action import ComplaintActionView


def moment_on(day: date, now: datetime) -> datetime:
    """Now, if `day` is today in England; otherwise midday that day (only the date counts)."""
    return now if day == timezone.localdate(now) else england_moment(day, time(12, 0))


class Acknowledge(ComplaintActionView):
    form_class = f.AcknowledgeForm
    title = "Acknowledge and define the complaint"
    intro = (
        "Acknowledge within 5 working days of receipt (Code 6.2) or of the escalation request (6.11), "
        "setting out the complaint definition (5.6) and what we are responsible for (5.7)."
    )
    submit = "Acknowledge"

    def form_kwargs(self) -> dict[str, Any]:
        return {"stage_one_people": self.stage_one_people() if self.complaint.stage == 2 else frozenset()}

    def initial(self) -> dict[str, Any]:
        # Start from what the resident said they want; the handler confirms it (5.6).
        current = [r for r in self.complaint.stages.all() if r.stage == self.complaint.stage]
        return {**super().initial(), "outcomes_sought": current[0].outcomes_sought if current else ""}

    def perform(self, data: dict[str, Any]) -> Complaint:
        return services.complaint_acknowledge(
            actor=self.actor,
            now=self.now,
            complaint_id=self.complaint.pk,
            acknowledged_on=data["acknowledged_on"],
            definition=data["definition"],
            outcomes_sought=data["outcomes_sought"],
            responsibility=data["responsibility"],
            handler=data.get("handler"),
            sent_outside=bool(data.get("sent_outside")),
            sent_outside_note=data.get("sent_outside_note") or "",
            late_entry_reason=data.get("late_entry_reason") or "",
            expected_version=data.get("expected_version"),
        )

    def success_message(self, result: Complaint) -> str:
        return f"Stage {result.stage} acknowledged. The response is due by {long_date(result.next_due)}."


class Clarify(ComplaintActionView):
    form_class = f.ClarifyForm
    title = "Ask the resident for clarification"
    submit = "Record the request"

    def perform(self, data: dict[str, Any]) -> Complaint:
        return services.complaint_request_clarification(
            actor=self.actor,
            now=self.now,
            complaint_id=self.complaint.pk,
            questions=data["questions"],
            expected_version=data.get("expected_version"),
        )

    def success_message(self, result: Complaint) -> str:
        return "Request for clarification recorded"


class Assign(ComplaintActionView):
    form_class = f.AssignForm
    title = "Assign a handler"
    submit = "Assign"
    check = staticmethod(access.access_can_assign)

    @property
    def intro(self) -> str:  # type: ignore[override]
        if self.complaint.stage == 2:
            return "At stage 2 the handler must not be the person who considered stage 1 (Code 6.13)."
        return ""

    def form_kwargs(self) -> dict[str, Any]:
        return {"stage_one_people": self.stage_one_people() if self.complaint.stage == 2 else frozenset()}

    def perform(self, data: dict[str, Any]) -> Complaint:
        return services.complaint_assign(
            actor=self.actor,
            now=self.now,
            complaint_id=self.complaint.pk,
            handler=data["handler"],
            expected_version=data.get("expected_version"),
        )

    def success_message(self, result: Complaint) -> str:
        name = result.handler.display_name if result.handler else ""
        return f"Assigned to {name}"


class AddIssue(ComplaintActionView):
    form_class = f.AddIssueForm
    title = "Add a new issue"
    intro = (
        "A related issue joins the stage 1 response if it has not been sent and would not unreasonably "
        "delay it; otherwise it becomes a new complaint, linked to this one (Code 6.8)."
    )
    submit = "Add the issue"

    def perform(self, data: dict[str, Any]) -> tuple[Complaint, Complaint | None]:
        return services.complaint_add_issue(
            actor=self.actor,
            now=self.now,
            complaint_id=self.complaint.pk,
            description=data["description"],
            raised_at=moment_on(data["raised_on"], self.now),
            related=data["related"],
            would_unreasonably_delay=data["would_unreasonably_delay"],
            late_entry_reason=data.get("late_entry_reason") or "",
            expected_version=data.get("expected_version"),
        )

    def success_message(self, result: tuple[Complaint, Complaint | None]) -> str:
        new = result[1]
        if new is None:
            return "The issue was added to this complaint's definition, for the stage 1 response"
        return f"The issue was logged as a new complaint, {new.reference}, linked to this one"


class Escalate(ComplaintActionView):
    form_class = f.EscalateForm
    title = "Record an escalation request"
    intro = "The resident has asked for stage 2. They can ask in any way and do not need to give a reason (Code 6.12)."
    submit = "Record the escalation"

    def perform(self, data: dict[str, Any]) -> Complaint:
        return services.complaint_escalate(
            actor=self.actor,
            now=self.now,
            complaint_id=self.complaint.pk,
            requested_at=moment_on(data["requested_on"], self.now),
            reason=data.get("reason") or "",
            late_entry_reason=data.get("late_entry_reason") or "",
            expected_version=data.get("expected_version"),
        )

    def success_message(self, result: Complaint) -> str:
        return (
            f"Stage 2 requested. Acknowledge by {long_date(result.next_due)}, and assign a handler who did not "
            "consider stage 1 (Code 6.13)."
        )


class AgreeUpdates(ComplaintActionView):
    form_class = f.AgreeUpdatesForm
    title = "Agree update intervals"
    intro = (
        "When a response will be late, agree with the resident how often they will hear from us (Code 5.9)."
    )
    submit = "Record the agreement"

    def perform(self, data: dict[str, Any]) -> Complaint:
        return services.complaint_agree_updates(
            actor=self.actor,
            now=self.now,
            complaint_id=self.complaint.pk,
            interval_working_days=data["interval_working_days"],
            agreed_on=data["agreed_on"],
            method=data.get("method") or "",
            late_entry_reason=data.get("late_entry_reason") or "",
            expected_version=data.get("expected_version"),
        )

    def success_message(self, result: Complaint) -> str:
        return "Update intervals agreed"


class Close(ComplaintActionView):
    form_class = f.CloseForm
    template_name = "staff/actions/close.html"
    title = "Close the complaint"
    intro = "Outstanding actions are still tracked after closing (Code 6.6)."
    submit = "Close the complaint"

    def load(self, **kwargs: Any) -> None:
        self.open_work = selectors.complaint_open_work(complaint_id=self.complaint.pk)

    def form_kwargs(self) -> dict[str, Any]:
        return {"open_work": bool(self.open_work)}

    def context(self) -> dict[str, Any]:
        return {"open_work": self.open_work, "today": timezone.localdate()}

    def perform(self, data: dict[str, Any]) -> Complaint:
        return services.complaint_close(
            actor=self.actor,
            now=self.now,
            complaint_id=self.complaint.pk,
            note=data.get("note") or "",
            expected_version=data.get("expected_version"),
            confirm_open_work=bool(data.get("confirm_open_work")),
        )

    def success_message(self, result: Complaint) -> str:
        return "Complaint closed"
