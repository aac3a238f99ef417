"""Form plumbing for the self-assessment pages: GOV.UK date inputs and error placement.

The services' errors (`InvalidInput`, `ActionRefused`, `EditConflict`) become messages
beside the field they concern, and every message appears in the error summary.
"""

from __future__ import annotations

from datetime import date
from typing import Any, ClassVar

from django import forms
from django.core.exceptions import ValidationError

from putright.cases.errors import ActionRefused, CaseError, InvalidInput

DATE_PARTS = ("day", "month", "year")


class DateWidget(forms.Widget):
    """The GOV.UK date input: three boxes named `<name>-day`, `-month`, `-year`."""

    def value_from_datadict(self, data: Any, files: Any, name: str) -> tuple[str, ...]:
        return tuple(str(data.get(f"{name}-{part}", "")).strip() for part in DATE_PARTS)

    def value_omitted_from_data(self, data: Any, files: Any, name: str) -> bool:
        return all(f"{name}-{part}" not in data for part in DATE_PARTS)


class DateField(forms.Field):
    widget = DateWidget

    def __init__(self, *, what: str, **kwargs: Any) -> None:
        self.what = what
        kwargs.setdefault("error_messages", {"required": f"Enter {what}"})
        super().__init__(**kwargs)

    def to_python(self, value: Any) -> date | None:
        if value is None or isinstance(value, date):
            return value
        day, month, year = (str(v).strip() for v in value)
        if not (day or month or year):
            return None
        missing = [name for name, part in zip(DATE_PARTS, (day, month, year), strict=True) if not part]
        if missing:
            raise ValidationError(f"{self.what.capitalize()} must include a {' and a '.join(missing)}")
        if not (day.isdigit() and month.isdigit() and year.isdigit()) or len(year) != 4:
            raise ValidationError(f"{self.what.capitalize()} must be a real date, for example 31 3 2027")
        try:
            return date(int(year), int(month), int(day))
        except ValueError:
            raise ValidationError(f"{self.what.capitalize()} must be a real date") from None


class AssessmentForm(forms.Form):
    """A GOV.UK form that places the services' errors. `error_fields` maps service keys to fields."""

    error_fields: ClassVar[dict[str, str]] = {}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)

    def _target(self, key: str | None) -> str | None:
        if key is None:
            return None
        name = self.error_fields.get(key, key)
        return name if name in self.fields else None

    def add_case_error(self, exc: CaseError) -> None:
        if not hasattr(self, "cleaned_data"):
            self.cleaned_data = {}
        if isinstance(exc, InvalidInput):
            for key, messages in exc.errors.items():
                for message in messages:
                    self.add_error(self._target(key), message)
        elif isinstance(exc, ActionRefused):
            self.add_error(self._target(exc.field), f"Code {exc.code_paragraph}: {exc.message}")
        else:
            self.add_error(None, exc.message)

    def error_summary(self) -> list[dict[str, str]]:
        items: list[dict[str, str]] = []
        for name, errors in self.errors.items():
            href = f"#{field_anchor(self[name])}" if name in self.fields else ""
            items.extend({"href": href, "text": str(message)} for message in errors)
        return items


def field_anchor(bound: forms.BoundField) -> str:
    """Where the error summary links: the first box of a date, the first radio or checkbox."""
    widget = bound.field.widget
    if isinstance(widget, DateWidget):
        return f"{bound.auto_id}-day"
    if isinstance(widget, forms.RadioSelect | forms.CheckboxSelectMultiple):
        return f"{bound.auto_id}_0"
    return str(bound.auto_id)
