"""Refusing, refusing to escalate, reopening and withdrawing (Code 2.1-2.5, 5.11, 5.12).

A refusal is final for the resident, so it is checked before it is saved: the first post
rehearses the service (run and rolled back, so the Code's refusals show beside their fields
exactly as they would on saving) and shows the answers; the second (`step=confirm`) saves.
No JavaScript needed.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from putright.cases import services
from putright.cases.models import Channel, Complaint, EventAction, RefusalReason
from putright.core.dates import long_date
from putright.letters.preview import LetterPreview, letter_rehearse, letter_sent_summary
from putright.staff.forms import exclusions as f
from putright.staff.views.actions import moment_on
from putright.staff.views.base_action import ComplaintActionView

CARRY_SKIP = {"csrfmiddlewaretoken", "step"}


class CheckedActionView(ComplaintActionView):
    """An action shown back as a summary list before it is saved (check your answers)."""

    confirm_title = "Check your answers"
    confirm_submit = "Confirm"
    submit = "Continue"
    preview: LetterPreview | None = None

    def answers(self, data: dict[str, Any]) -> list[tuple[str, str]]:
        raise NotImplementedError

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        form = self.make_form(request.POST)
        step = request.POST.get("step", "check")
        if not form.is_valid() or step == "change":
            return self.show(form)
        if step != "confirm" and not self.rehearse(form):
            return self.show(form)
        if step != "confirm":
            carried = [(k, v) for k, values in request.POST.lists() if k not in CARRY_SKIP for v in values]
            return self.show(
                form,
                template="staff/actions/confirm.html",
                carried=carried,
                answers=self.answers(form.cleaned_data),
                confirm_title=self.confirm_title,
                confirm_submit=self.confirm_submit,
                preview=self.preview,
            )
        result = self.attempt(form)
        if result is None:
            return self.show(form)
        messages.success(request, self.success_message(result))
        return redirect(self.success_url(result))

    def rehearse(self, form: Any) -> bool:
        """Whether the service would accept this; its refusal is put on the form if not.

        Nothing is kept: the rehearsal's transaction is rolled back, and with it anything it
        would have sent after commit. The letter it would have drafted is kept as `preview`.
        """
        result, self.preview = letter_rehearse(lambda: self.attempt(form))
        return result is not None


def _day(value: Any) -> str:
    return f"{long_date(value)}" if value else "Not given"


class Refuse(CheckedActionView):
    form_class = f.RefuseForm
    title = "Do not accept the complaint"
    intro = "Only for a valid reason, evidenced and decided for this complaint (Code 2.1 to 2.5). No blanket exclusions."
    confirm_title = "Check before refusing the complaint"
    confirm_submit = "Refuse the complaint"

    def answers(self, data: dict[str, Any]) -> list[tuple[str, str]]:
        rows = [("Reason", RefusalReason(data["reason"]).label), ("Explanation", data["explanation"])]
        if data["reason"] == RefusalReason.OVER_12_MONTHS:
            aware = "When it occurred" if data["aware_when_occurred"] else _day(data["aware_on"])
            rows += [("Resident became aware", aware), ("Discretion considered", data["discretion"] or "")]
        rows.append(("Evidence", data["evidence"] or "None given"))
        return rows

    def perform(self, data: dict[str, Any]) -> Complaint:
        return services.complaint_refuse(
            actor=self.actor,
            now=self.now,
            complaint_id=self.complaint.pk,
            reason=data["reason"],
            explanation=data["explanation"],
            evidence=data.get("evidence") or "",
            aware_on=data.get("aware_on"),
            aware_when_occurred=bool(data.get("aware_when_occurred")),
            discretion=data.get("discretion") or "",
            expected_version=data.get("expected_version"),
        )

    def success_message(self, result: Complaint) -> str:
        sent = letter_sent_summary(complaint_id=result.pk, action=EventAction.REFUSED)
        return f"Recorded as not accepted. {sent}".strip()


class RefuseEscalation(CheckedActionView):
    form_class = f.RefuseEscalationForm
    title = "Refuse the escalation"
    intro = "Only for reasons consistent with section 2 of the Code, set out clearly for the resident (Code 5.11)."
    confirm_title = "Check before refusing the escalation"
    confirm_submit = "Refuse the escalation"

    def answers(self, data: dict[str, Any]) -> list[tuple[str, str]]:
        return [
            ("Stage 2 asked for on", _day(data["requested_on"])),
            ("Reason", RefusalReason(data["reason"]).label),
            ("Reasons for the resident", data["explanation"]),
            ("Evidence", data["evidence"] or "None given"),
        ]

    def perform(self, data: dict[str, Any]) -> Complaint:
        return services.complaint_refuse_escalation(
            actor=self.actor,
            now=self.now,
            complaint_id=self.complaint.pk,
            requested_at=moment_on(data["requested_on"], self.now),
            reason=data["reason"],
            explanation=data["explanation"],
            evidence=data.get("evidence") or "",
            expected_version=data.get("expected_version"),
        )

    def success_message(self, result: Complaint) -> str:
        sent = letter_sent_summary(complaint_id=result.pk, action=EventAction.ESCALATION_REFUSED)
        return f"Escalation refused and recorded, with the date stage 2 was asked for. {sent}".strip()


class Reopen(ComplaintActionView):
    form_class = f.ReopenForm
    title = "Reopen the complaint"
    intro = (
        "Take on a complaint that was not accepted: we reconsidered, or the Ombudsman found the exclusion "
        "was not fairly applied (Code 2.4). The refusal stays on the record."
    )
    submit = "Reopen the complaint"

    def perform(self, data: dict[str, Any]) -> Complaint:
        return services.complaint_reopen(
            actor=self.actor,
            now=self.now,
            complaint_id=self.complaint.pk,
            reason=data["reason"],
            reopened_at=moment_on(data["reopened_on"], self.now),
            expected_version=data.get("expected_version"),
        )

    def success_message(self, result: Complaint) -> str:
        return f"Complaint reopened at stage 1. Acknowledge by {long_date(result.next_due)} (Code 6.2)."


class Withdraw(ComplaintActionView):
    form_class = f.WithdrawForm
    title = "Record a withdrawal"
    intro = "The resident has withdrawn the complaint. The record is kept (Code 5.12), and they get a letter confirming it."
    submit = "Record the withdrawal"

    def perform(self, data: dict[str, Any]) -> Complaint:
        return services.complaint_withdraw(
            actor=self.actor,
            now=self.now,
            complaint_id=self.complaint.pk,
            channel=data["channel"],
            note=data["note"],
            expected_version=data.get("expected_version"),
        )

    def success_message(self, result: Complaint) -> str:
        label = Channel(result.withdrawal_channel).label.lower()
        return f"Complaint withdrawn ({label}). Send the resident the letter confirming it."
