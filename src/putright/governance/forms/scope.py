"""Narrowing the reports to one service area or one handler (`governance.selectors.scope`)."""

from __future__ import annotations

from typing import Any, cast

from django import forms

from putright.accounts.models import Role, User
from putright.landlord.models import ServiceArea
from putright.ui.forms import GovukForm

HANDLING = (Role.HANDLER, Role.REVIEWER, Role.COMPLAINTS_OFFICER, Role.ADMINISTRATOR)


class ScopeForm(GovukForm):
    """Read from the query string beside the period; both filters are optional."""

    service_area = forms.ChoiceField(label="Service area", required=False, choices=[])
    handler = forms.ChoiceField(label="Handler", required=False, choices=[])

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Deactivated areas and staff who have left stay here: their past complaints still count.
        areas = list(ServiceArea.objects.order_by("name").values_list("slug", "name"))
        people = User.objects.filter(role__in=HANDLING).order_by("first_name", "last_name", "username")
        cast(forms.ChoiceField, self.fields["service_area"]).choices = [("", "All service areas"), *areas]
        cast(forms.ChoiceField, self.fields["handler"]).choices = [
            ("", "All handlers"),
            *((u.username, u.display_name) for u in people),
        ]
        for name, what in (("service_area", "service area"), ("handler", "handler")):
            self.fields[name].error_messages["invalid_choice"] = f"Choose a {what} from the list"
