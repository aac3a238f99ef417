"""The stage response, with remedies and outstanding actions (Code 6.6, 6.9, 6.19, 7.1-7.3)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone

from putright.cases import services
from putright.cases.models import Complaint, EventAction
from putright.core.errors import ActionRefused, CaseError, EditConflict, InvalidInput
from putright.core.inputs import parse_int
from putright.landlord.compensation import compensation_bands
from putright.letters.preview import LetterPreview, letter_rehearse, letter_sent_summary
from putright.staff.forms.respond import ActionRows, RemedyRows, RespondForm, filled
from putright.staff.views.base_action import ComplaintActionView
from putright.ui.forms import refusal_message

CARRY_SKIP = {"csrfmiddlewaretoken", "step"}


class Respond(ComplaintActionView):
    form_class = RespondForm
    template_name = "staff/actions/respond.html"
    title = "Send the response"
    submit = "Check the letter"

    @property
    def intro(self) -> str:  # type: ignore[override]
        where = "stage 2, then to the Ombudsman" if self.complaint.stage == 1 else "the Ombudsman"
        return (
            "Respond when the answer is known, not when the actions are done (Code 6.6). The letter states "
            f"the stage, definition, decision, reasons, remedy, outstanding actions and how to escalate to {where}."
        )

    def rows(self, data: Any = None) -> tuple[Any, Any]:
        # The bands are read once for every row (Code 7.4): the landlord's, or the Ombudsman's.
        bands = compensation_bands(on=timezone.localdate())
        return RemedyRows(data, prefix="remedies", form_kwargs={"bands": bands}), ActionRows(
            data, prefix="actions"
        )

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        remedies, actions = self.rows()
        return self.show(self.make_form(), remedies=remedies, actions=actions)

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        # Three steps on one address: check (the default) shows the letter without saving,
        # send records and sends it, change goes back to the form with the answers kept.
        step = request.POST.get("step", "check")
        form = self.make_form(request.POST)
        remedies, actions = self.rows(request.POST)
        valid = [form.is_valid(), remedies.is_valid(), actions.is_valid()]
        if all(valid) and step != "change":
            remedy_rows, action_rows = filled(remedies), filled(actions)
            payload = {
                **form.cleaned_data,
                "remedies": [d for _, d in remedy_rows],
                "actions": [d for _, d in action_rows],
            }
            try:
                if step == "send":
                    result, preview = self.perform(payload), None
                else:
                    result, preview = letter_rehearse(lambda: self.perform(payload))
            except InvalidInput as exc:
                self.place_row_errors(exc, form, remedies, remedy_rows, actions, action_rows)
            except ActionRefused as exc:
                # A refusal about one remedy or action row goes beside that row, with its paragraph.
                if exc.field and exc.field.split(".")[0] in {"remedies", "outstanding_actions"}:
                    row_error = InvalidInput({exc.field: refusal_message(exc)})
                    self.place_row_errors(row_error, form, remedies, remedy_rows, actions, action_rows)
                else:
                    form.add_case_error(exc)
            except EditConflict as exc:
                form.add_case_error(exc)
                self.take_current_version(form)
                self.conflict = True
            except CaseError as exc:
                form.add_case_error(exc)
            else:
                if step == "send":
                    messages.success(request, self.success_message(result))
                    return redirect(reverse("staff:case", args=[self.complaint.pk]))
                return self.show_preview(form, preview)
        return self.show(
            form,
            remedies=remedies,
            actions=actions,
            errors=form.error_summary() + self.row_summary(remedies, actions),
        )

    def show_preview(self, form: Any, preview: LetterPreview | None) -> HttpResponse:
        carried = [(k, v) for k, values in self.request.POST.lists() if k not in CARRY_SKIP for v in values]
        sent_outside = bool(form.cleaned_data.get("sent_outside"))
        return self.show(
            form,
            template="staff/actions/respond_preview.html",
            preview=preview,
            carried=carried,
            data=form.cleaned_data,
            send_label="Record the response" if sent_outside else "Send the response",
        )

    @staticmethod
    def place_row_errors(
        exc: InvalidInput, form: Any, remedies: Any, remedy_rows: Any, actions: Any, action_rows: Any
    ) -> None:
        # The service numbers only the rows it was given; map them back to the rows on the page.
        targets = {"remedies": (remedies, remedy_rows), "outstanding_actions": (actions, action_rows)}
        rest = {}
        for key, messages_ in exc.errors.items():
            group, _, tail = key.partition(".")
            index, _, name = tail.partition(".")
            row = parse_int(index)
            if group in targets and row is not None and row < len(targets[group][1]):
                formset, rows = targets[group]
                row_form = formset.forms[rows[row][0]]
                for message in messages_:
                    row_form.add_error(name if name in row_form.fields else None, message)
            else:
                rest[key] = messages_
        if rest:
            form.add_case_error(InvalidInput(rest))

    @staticmethod
    def row_summary(remedies: Any, actions: Any) -> list[dict[str, str]]:
        items = []
        for label, formset in (("Remedy", remedies), ("Action", actions)):
            for i, row in enumerate(formset.forms, start=1):
                items += [
                    {"href": e["href"], "text": f"{label} {i}: {e['text']}"} for e in row.error_summary()
                ]
            items += [{"href": "", "text": str(e)} for e in formset.non_form_errors()]
        return items

    def perform(self, data: dict[str, Any]) -> Complaint:
        return services.complaint_respond(
            actor=self.actor,
            now=self.now,
            complaint_id=self.complaint.pk,
            responded_on=data["responded_on"],
            decision=data["decision"],
            reasons=data["reasons"],
            remedies=[
                services.RemedyInput(
                    kind=r["kind"],
                    description=r["description"],
                    amount=r.get("amount"),
                    due_on=r.get("due_on"),
                    agreed_with_resident=bool(r.get("agreed_with_resident")),
                    band=r.get("band") or "",
                    band_reason=r.get("band_reason") or "",
                )
                for r in data["remedies"]
            ],
            outstanding_actions=[
                services.ActionInput(description=a["description"], promise_on=a["promise_on"])
                for a in data["actions"]
            ],
            no_remedy_reason=data.get("no_remedy_reason") or "",
            sent_outside=bool(data.get("sent_outside")),
            sent_outside_note=data.get("sent_outside_note") or "",
            late_entry_reason=data.get("late_entry_reason") or "",
            expected_version=data.get("expected_version"),
        )

    def success_message(self, result: Complaint) -> str:
        sent = letter_sent_summary(complaint_id=result.pk, action=EventAction.RESPONDED)
        return f"Stage {result.stage} response recorded. {sent or 'You sent the letter yourself.'}"
