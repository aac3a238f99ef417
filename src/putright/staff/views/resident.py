"""Correcting the resident's details from the case page (Code 5.12: the record stays accurate).

Adjustments and disclosures are not here: they have their own page, which keeps special
category data from roles that may not see it (Code 5.10).
"""

from __future__ import annotations

from typing import Any

from putright.cases import services
from putright.cases.models import Complaint
from putright.cases.services.resident import CORRECTABLE
from putright.staff.forms.resident import ResidentForm
from putright.staff.views.base_action import ComplaintActionView


class CorrectResident(ComplaintActionView):
    form_class = ResidentForm
    title = "Correct the resident's details"
    intro = (
        "Correct a name, contact details, address, tenure or preferences that were recorded wrongly or "
        "have changed. The change, from what to what, is kept in the complaint's record. Letters not "
        "yet issued go to the corrected details."
    )
    submit = "Save the corrections"

    def initial(self) -> dict[str, Any]:
        resident = self.complaint.resident
        return {**super().initial(), **{name: getattr(resident, name) for name in CORRECTABLE}}

    def perform(self, data: dict[str, Any]) -> Complaint:
        return services.resident_correct(
            actor=self.actor,
            now=self.now,
            complaint_id=self.complaint.pk,
            changes={name: data.get(name) or "" for name in CORRECTABLE},
            expected_version=data.get("expected_version"),
        )

    def success_message(self, result: Complaint) -> str:
        return "Resident's details corrected. The change is in the complaint's record."
