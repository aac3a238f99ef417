"""Adding to the record: correspondence, circumstances, hazards, and following through (Code 5.10-5.15, 6.6, 7.3)."""

from __future__ import annotations

from typing import Any

from django.http import Http404

from putright.cases import access, services
from putright.cases.models import Action, Adjustment, Correspondence, Remedy, Restriction
from putright.core.dates import long_date
from putright.hazards import services as hazard_services
from putright.hazards.models import Hazard
from putright.staff.forms import record as f
from putright.staff.forms.base import england_moment
from putright.staff.views.base_action import ComplaintActionView

SPECIAL = "Your role cannot see or record health, disability or vulnerability details."


class AddCorrespondence(ComplaintActionView):
    form_class = f.CorrespondenceForm
    title = "Add correspondence"
    intro = "Keep every letter, email, call note and document in the record (Code 5.12)."
    submit = "Add to the record"
    multipart = True

    def perform(self, data: dict[str, Any]) -> Correspondence:
        return services.correspondence_add(
            actor=self.actor,
            now=self.now,
            complaint_id=self.complaint.pk,
            direction=data["direction"],
            channel=data["channel"],
            party=data["party"],
            subject=data.get("subject") or "",
            body=data.get("body") or "",
            occurred_at=england_moment(data["occurred_on"], data["occurred_time"]),
            files=data.get("attachments") or [],
        )

    def success_message(self, result: Correspondence) -> str:
        return "Correspondence added to the record"


class RecordAdjustment(ComplaintActionView):
    form_class = f.AdjustmentForm
    title = "Record an adjustment or disclosure"
    intro = (
        "Reasonable adjustments and disclosed disabilities are recorded and kept under active review "
        "(Code 5.10). This is special category data: only caseworkers see it."
    )
    submit = "Record it"
    check = staticmethod(access.access_can_see_special_category)
    denied = SPECIAL

    def initial(self) -> dict[str, Any]:
        return {}

    def perform(self, data: dict[str, Any]) -> Any:
        return services.adjustment_record(
            actor=self.actor,
            now=self.now,
            resident_id=self.complaint.resident_id,
            kind=data["kind"],
            description=data["description"],
            recorded_on=data["recorded_on"],
            review_on=data["review_on"],
        )

    def success_message(self, result: Any) -> str:
        return f"{result.get_kind_display()} recorded. Review by {long_date(result.review_on)}."


class RecordRestriction(ComplaintActionView):
    form_class = f.RestrictionForm
    title = "Record a contact restriction"
    intro = "Restrictions need evidenced reasons, proportionality and regular review (Code 5.14, 5.15)."
    submit = "Record the restriction"
    check = staticmethod(access.access_can_see_special_category)
    denied = SPECIAL

    def initial(self) -> dict[str, Any]:
        return {}

    def perform(self, data: dict[str, Any]) -> Any:
        return services.restriction_record(
            actor=self.actor,
            now=self.now,
            resident_id=self.complaint.resident_id,
            reason=data["reason"],
            scope=data["scope"],
            proportionality=data["proportionality"],
            starts_on=data["starts_on"],
            review_on=data["review_on"],
        )

    def success_message(self, result: Any) -> str:
        return f"Restriction recorded. Review by {long_date(result.review_on)}."


class RecordHazard(ComplaintActionView):
    form_class = f.HazardForm
    title = "Record a hazard"
    intro = (
        "Awaab's Law timescales run from when the landlord became aware: the time this complaint "
        "was received, not now. They run beside the Code's, never instead of them."
    )
    submit = "Record the hazard"

    def initial(self) -> dict[str, Any]:
        return {"description": self.complaint.description}

    def perform(self, data: dict[str, Any]) -> Hazard:
        return hazard_services.hazard_record(
            actor=self.actor,
            now=self.now,
            data=hazard_services.NewHazard(
                complaint_id=self.complaint.pk,
                kind=data["kind"],
                hazard=data["hazard"],
                description=data["description"],
                household=data.get("household") or "",
            ),
        )

    def success_message(self, result: Hazard) -> str:
        return f"Hazard {result.reference} recorded"


class CompleteRemedy(ComplaintActionView):
    form_class = f.RemedyCompleteForm
    title = "Record a remedy as delivered"
    intro = "A remedy is followed through to completion (Code 7.3)."
    submit = "Record as delivered"
    remedy: Remedy

    def load(self, **kwargs: Any) -> None:
        found = Remedy.objects.filter(pk=kwargs["remedy_id"], complaint_id=self.complaint.pk).first()
        if found is None:
            raise Http404("No such remedy")
        self.remedy = found

    def initial(self) -> dict[str, Any]:
        return {}

    def context(self) -> dict[str, Any]:
        return {"subject": f"{self.remedy.get_kind_display()}: {self.remedy.description}"}

    def perform(self, data: dict[str, Any]) -> Remedy:
        return services.remedy_complete(
            actor=self.actor,
            now=self.now,
            remedy_id=self.remedy.pk,
            completed_on=data["completed_on"],
            note=data.get("note") or "",
            late_entry_reason=data.get("late_entry_reason") or "",
        )

    def success_message(self, result: Remedy) -> str:
        return "Remedy recorded as delivered"


class UpdateAction(ComplaintActionView):
    form_class = f.ActionUpdateForm
    title = "Update on an outstanding action"
    intro = "Outstanding actions are tracked, with updates to the resident (Code 6.6, 6.17)."
    submit = "Record the update"
    action: Action

    def load(self, **kwargs: Any) -> None:
        found = Action.objects.filter(pk=kwargs["action_id"], complaint_id=self.complaint.pk).first()
        if found is None:
            raise Http404("No such action")
        self.action = found

    def initial(self) -> dict[str, Any]:
        return {}

    def context(self) -> dict[str, Any]:
        action = self.action
        first = f", first promised by {long_date(action.first_promise_on)}" if action.promise_moved else ""
        return {"subject": f"{action.description} (promised by {long_date(action.promise_on)}{first})"}

    def perform(self, data: dict[str, Any]) -> Action:
        return services.action_update(
            actor=self.actor,
            now=self.now,
            action_id=self.action.pk,
            text=data["text"],
            given_on=data["given_on"],
            completed=data["completed"],
            new_promise_on=data.get("new_promise_on"),
            promise_change_reason=data.get("promise_change_reason") or "",
            resident_told_on=data.get("resident_told_on"),
            resident_told_how=data.get("resident_told_how") or "",
            late_entry_reason=data.get("late_entry_reason") or "",
        )

    def success_message(self, result: Action) -> str:
        return "Action completed" if result.completed_on else "Update recorded"


class ReviewAdjustment(ComplaintActionView):
    form_class = f.AdjustmentReviewForm
    title = "Review an adjustment or disclosure"
    intro = "Agreed adjustments are kept under active review (Code 5.10)."
    submit = "Record the review"
    check = staticmethod(access.access_can_see_special_category)
    denied = SPECIAL
    adjustment: Adjustment

    def load(self, **kwargs: Any) -> None:
        found = Adjustment.objects.filter(
            pk=kwargs["adjustment_id"], resident_id=self.complaint.resident_id
        ).first()
        if found is None:
            raise Http404("No such adjustment")
        self.adjustment = found

    def initial(self) -> dict[str, Any]:
        return {}

    def context(self) -> dict[str, Any]:
        a = self.adjustment
        access.access_log_special_category_read(
            self.actor, resident_id=a.resident_id, where=f"staff adjustment review {self.complaint.reference}"
        )
        return {"subject": f"{a.get_kind_display()}: {a.description} (review by {long_date(a.review_on)})"}

    def perform(self, data: dict[str, Any]) -> Adjustment:
        return services.adjustment_review(
            actor=self.actor,
            now=self.now,
            adjustment_id=self.adjustment.pk,
            reviewed_on=data["reviewed_on"],
            next_review_on=data.get("next_review_on"),
            still_needed=data["still_needed"],
        )

    def success_message(self, result: Adjustment) -> str:
        return (
            f"Reviewed. Next review by {long_date(result.review_on)}."
            if result.active
            else "Reviewed: no longer needed"
        )


class ReviewRestriction(ComplaintActionView):
    form_class = f.RestrictionReviewForm
    title = "Review a contact restriction"
    intro = "Restrictions are kept under regular review, and lifted when no longer proportionate (Code 5.14, 5.15)."
    submit = "Record the review"
    check = staticmethod(access.access_can_see_special_category)
    denied = SPECIAL
    restriction: Restriction

    def load(self, **kwargs: Any) -> None:
        found = Restriction.objects.filter(
            pk=kwargs["restriction_id"], resident_id=self.complaint.resident_id
        ).first()
        if found is None:
            raise Http404("No such restriction")
        self.restriction = found

    def initial(self) -> dict[str, Any]:
        return {}

    def context(self) -> dict[str, Any]:
        r = self.restriction
        access.access_log_special_category_read(
            self.actor,
            resident_id=r.resident_id,
            where=f"staff restriction review {self.complaint.reference}",
        )
        return {"subject": f"{r.scope} (review by {long_date(r.review_on)})"}

    def perform(self, data: dict[str, Any]) -> Restriction:
        return services.restriction_review(
            actor=self.actor,
            now=self.now,
            restriction_id=self.restriction.pk,
            reviewed_on=data["reviewed_on"],
            next_review_on=data.get("next_review_on"),
            lift=data["lift"],
        )

    def success_message(self, result: Restriction) -> str:
        return (
            "Restriction lifted"
            if result.ends_on
            else f"Reviewed. Next review by {long_date(result.review_on)}."
        )
