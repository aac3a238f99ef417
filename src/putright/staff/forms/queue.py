"""Filters and search for the complaint lists."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.db.models import QuerySet

from putright.accounts.models import User
from putright.cases import selectors
from putright.cases.models import Status
from putright.core.inputs import parse_int
from putright.core.roles import HANDLING
from putright.landlord.models import Category, ServiceArea
from putright.ui.forms import GovukForm, WholeNumberField

UNASSIGNED = "none"


def caseworkers() -> QuerySet[User]:
    """Everyone who may handle a complaint, by name, with only what a list of them shows: read
    when the list is drawn (a few hundred at a large landlord)."""
    return (
        User.objects.filter(is_active=True, role__in=HANDLING)
        .order_by("first_name", "username")
        .only("id", "username", "first_name", "last_name", "role")
    )


class QueueFilterForm(GovukForm):
    q = forms.CharField(
        required=False,
        max_length=200,
        label="Reference or resident name",
        widget=forms.TextInput(attrs={"spellcheck": "false", "class": "govuk-!-width-full"}),
    )
    stage = forms.TypedChoiceField(
        required=False,
        coerce=int,
        empty_value=None,
        choices=[("", "Any stage"), ("1", "Stage 1"), ("2", "Stage 2")],
    )
    status = forms.ChoiceField(required=False, choices=[("", "Open (any)"), *Status.choices])
    category = forms.ChoiceField(required=False, choices=[])
    service_area = forms.ChoiceField(required=False, choices=[], label="Service area")
    handler = forms.ChoiceField(required=False, choices=[])
    overdue = forms.BooleanField(required=False, label="Overdue only")
    vulnerable = forms.BooleanField(required=False, label="Vulnerable residents only")
    hazard = forms.BooleanField(required=False, label="Hazard flagged only")
    page = WholeNumberField(required=False, min_value=1, max_value=100_000, widget=forms.HiddenInput)

    def __init__(self, *args: Any, mine: bool, show_vulnerable: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["category"]).choices = [("", "Any category")] + [
            (c.slug, c.name) for c in Category.objects.filter(active=True)
        ]
        cast(forms.ChoiceField, self.fields["service_area"]).choices = [
            ("", "Any service area"),
            *ServiceArea.objects.order_by("name").values_list("slug", "name"),
        ]
        if mine:
            del self.fields["handler"]
        else:
            cast(forms.ChoiceField, self.fields["handler"]).choices = [
                ("", "Anyone"),
                (UNASSIGNED, "Not assigned"),
            ] + [(str(u.pk), u.display_name) for u in caseworkers()]
        if not show_vulnerable:
            del self.fields["vulnerable"]

    def to_filters(self, *, user_id: int | None) -> selectors.ComplaintFilters:
        """The selector's filters; `user_id` (My work) overrides any handler chosen."""
        self.is_valid()  # invalid filters are reported and left out; the valid ones still apply
        data = getattr(self, "cleaned_data", {})
        handler = data.get("handler") or ""
        status = data.get("status") or None
        filters = selectors.ComplaintFilters(
            stage=data.get("stage"),
            status=status,
            overdue=bool(data.get("overdue")),
            handler_id=user_id if user_id is not None else parse_int(handler),
            unassigned=user_id is None and handler == UNASSIGNED,
            category=data.get("category") or None,
            service_area=data.get("service_area") or None,
            vulnerable=True if data.get("vulnerable") else None,
            hazard=True if data.get("hazard") else None,
            search=data.get("q") or "",
            open_only=status is None,
        )
        return filters

    @property
    def page_number(self) -> int:
        self.is_valid()
        return int(getattr(self, "cleaned_data", {}).get("page") or 1)
