"""Reassigning one or many open cases from the team view."""

from __future__ import annotations

from typing import Any

from django import forms

from putright.cases.selectors import LARGEST_ID
from putright.staff.forms.actions import handler_field
from putright.ui.forms import GovukForm

MAX_AT_ONCE = 100
CHOOSE_CASES = "Choose at least one case to reassign"


class CaseIds(forms.Field):
    """The ticked cases: whole numbers naming complaints, at most `MAX_AT_ONCE`."""

    widget = forms.MultipleHiddenInput

    def to_python(self, value: Any) -> list[int]:
        values = value if isinstance(value, list | tuple) else ([value] if value else [])
        ids: list[int] = []
        for raw in values:
            text = str(raw).strip()
            if not text.isdigit() or not 0 < int(text) <= LARGEST_ID:
                raise forms.ValidationError("A chosen case is not a complaint number. Reload the page")
            ids.append(int(text))
        if not ids:
            raise forms.ValidationError(CHOOSE_CASES)
        if len(ids) > MAX_AT_ONCE:
            raise forms.ValidationError(f"Reassign at most {MAX_AT_ONCE} cases at once")
        return list(dict.fromkeys(ids))

    def validate(self, value: Any) -> None:
        """`to_python` has checked everything."""


class ReassignForm(GovukForm):
    complaints = CaseIds(label="Cases to reassign", required=True)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["handler"] = handler_field(
            required=True, stage_one_people=frozenset(), empty_label="Choose a caseworker"
        )
        self.fields["handler"].label = "Reassign the ticked cases to"
