"""Moving a complaint to another of the landlord's service areas."""

from __future__ import annotations

from typing import Any, cast

from django import forms

from putright.landlord.models import ServiceArea
from putright.landlord.service_areas import service_area_choices
from putright.staff.forms.base import VersionedForm
from putright.ui.forms import Radios

# The choice of no service area: "-" is no slug (`slugify` never makes one of it alone).
NO_AREA = "-"


class ServiceAreaForm(VersionedForm):
    service_area = forms.ChoiceField(
        label="Which service area is the complaint about?",
        choices=[],
        widget=Radios(),
        error_messages={"required": "Choose the service area, or none"},
    )

    def __init__(self, *args: Any, current: ServiceArea | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # A deactivated area stays listed while the complaint has it, so the page shows it
        # chosen; the service refuses moving a complaint into one.
        choices = [*service_area_choices(current=current), (NO_AREA, "None of these")]
        cast(forms.ChoiceField, self.fields["service_area"]).choices = choices
