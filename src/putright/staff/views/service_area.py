"""Moving a complaint to another service area, from its case page."""

from __future__ import annotations

from typing import Any

from putright.cases import services
from putright.cases.models import Complaint
from putright.staff.forms.service_area import NO_AREA, ServiceAreaForm
from putright.staff.views.base_action import ComplaintActionView


class ChangeServiceArea(ComplaintActionView):
    form_class = ServiceAreaForm
    title = "Service area"
    intro = (
        "The part of our service the complaint is about. Reports break complaints down by service "
        "area, and the area's owner sees how theirs are handled. The change is kept in the record."
    )
    submit = "Save service area"

    def initial(self) -> dict[str, Any]:
        area = self.complaint.service_area
        return {**super().initial(), "service_area": area.slug if area else NO_AREA}

    def form_kwargs(self) -> dict[str, Any]:
        return {"current": self.complaint.service_area}

    def perform(self, data: dict[str, Any]) -> Complaint:
        return services.complaint_set_service_area(
            actor=self.actor,
            now=self.now,
            complaint_id=self.complaint.pk,
            service_area=None if data["service_area"] == NO_AREA else data["service_area"],
            expected_version=data.get("expected_version"),
        )

    def success_message(self, result: Complaint) -> str:
        area = result.service_area
        return f"Service area changed to {area.name}" if area else "Service area removed"
