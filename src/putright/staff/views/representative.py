"""Adding, changing and removing the resident's representative, and recording consent (Code 3.6)."""

from __future__ import annotations

from typing import Any

from django.http import Http404

from putright.cases import services
from putright.cases.models import Complaint
from putright.staff.forms import representative as f
from putright.staff.views.base_action import ComplaintActionView

CONSENT = (
    "Residents may have a representative deal with their complaint (Code 3.6). Once the resident's "
    "consent is recorded, every letter issued from then on is also sent to the representative. "
    "Letters already issued are not sent again."
)


class SetRepresentative(ComplaintActionView):
    form_class = f.RepresentativeForm
    intro = CONSENT
    submit = "Save the representative"

    def load(self, **kwargs: Any) -> None:
        self.title = (
            "Change the representative" if self.complaint.representative_id else "Add a representative"
        )

    def initial(self) -> dict[str, Any]:
        rep = self.complaint.representative
        fields = {}
        if rep is not None:
            fields = {
                "name": rep.name,
                "relationship": rep.relationship,
                "email": rep.email,
                "phone": rep.phone,
                "address": rep.address,
                "consent_recorded_on": rep.consent_recorded_on,
                "consent_method": rep.consent_method,
            }
        return {**super().initial(), **fields}

    def perform(self, data: dict[str, Any]) -> Complaint:
        return services.complaint_set_representative(
            actor=self.actor,
            now=self.now,
            complaint_id=self.complaint.pk,
            details=services.RepresentativeDetails(
                name=data["name"],
                relationship=data["relationship"],
                email=data.get("email") or "",
                phone=data.get("phone") or "",
                address=data.get("address") or "",
                consent_recorded_on=data.get("consent_recorded_on"),
                consent_method=data.get("consent_method") or "",
            ),
            expected_version=data.get("expected_version"),
        )

    def success_message(self, result: Complaint) -> str:
        rep = result.representative
        if rep is not None and rep.consent_recorded_on is None:
            return f"Representative saved: {rep}. Letters are not copied to them until consent is recorded"
        return f"Representative saved: {rep}. Letters issued from now on are copied to them"


class RemoveRepresentative(ComplaintActionView):
    form_class = f.RemoveRepresentativeForm
    title = "Remove the representative"
    intro = (
        "Remove the representative when the resident withdraws their consent or the representative "
        "stops acting (Code 3.6). Letters issued from now on go to the resident alone."
    )
    submit = "Remove the representative"

    def load(self, **kwargs: Any) -> None:
        if self.complaint.representative_id is None:
            raise Http404("This complaint has no representative")

    def context(self) -> dict[str, Any]:
        return {"subject": str(self.complaint.representative), "submit_class": "govuk-button--warning"}

    def perform(self, data: dict[str, Any]) -> Complaint:
        return services.complaint_remove_representative(
            actor=self.actor,
            now=self.now,
            complaint_id=self.complaint.pk,
            reason=data["reason"],
            expected_version=data.get("expected_version"),
        )

    def success_message(self, result: Complaint) -> str:
        return "Representative removed. Letters now go to the resident alone"
