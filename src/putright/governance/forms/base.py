"""GOV.UK form plumbing for governance pages: date inputs, radios with hints, and one place
where the services' errors become messages beside the field they concern."""

from __future__ import annotations

from datetime import date
from typing import Any, ClassVar

from django import forms
from django.core.exceptions import ValidationError

from putright.cases.errors import ActionRefused, CaseError, InvalidInput

DATE_PARTS = ("day", "month", "year")


class DateWidget(forms.Widget):
    """Three boxes (day, month, year): the GOV.UK date input."""

    def value_from_datadict(self, data: Any, files: Any, name: str) -> tuple[str, str, str]:
        day, month, year = (str(data.get(f"{name}-{part}", "")).strip() for part in DATE_PARTS)
        return day, month, year

    def value_omitted_from_data(self, data: Any, files: Any, name: str) -> bool:
        return all(f"{name}-{part}" not in data for part in DATE_PARTS)


class DateField(forms.Field):
    """A date typed into the GOV.UK date input, with GOV.UK's error wording."""

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
        if not (day.isdigit() and month.isdigit() and year.isdigit()):
            raise ValidationError(f"{self.what.capitalize()} must be a real date, in numbers")
        if len(year) != 4:
            raise ValidationError("Year must include 4 numbers")
        try:
            return date(int(year), int(month), int(day))
        except ValueError:
            raise ValidationError(f"{self.what.capitalize()} must be a real date") from None

    def has_changed(self, initial: Any, data: Any) -> bool:
        try:
            return bool(self.to_python(data) != initial)
        except ValidationError:
            return True


class Radios(forms.RadioSelect):
    """Radios with an optional hint under each choice."""

    def __init__(self, *, hints: dict[str, str] | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.hints = hints or {}


def field_anchor(bound: forms.BoundField) -> str:
    """The id the error summary links to: the first box of a date, the first radio."""
    if isinstance(bound.field.widget, DateWidget):
        return f"{bound.auto_id}-day"
    return str(bound.auto_id)


class GovForm(forms.Form):
    """A GOV.UK form that shows the services' errors beside the fields they concern.

    `error_fields` maps a service's error key to a field of this form.
    """

    error_fields: ClassVar[dict[str, str]] = {}
    template_name = "governance/fields/form.html"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)

    def _target(self, key: str | None) -> str | None:
        if key is None:
            return None
        name = self.error_fields.get(key, key)
        if name not in self.fields:
            name = self.error_fields.get(name.split(".")[0], name.split(".")[0])
        return name if name in self.fields else None

    def add_case_error(self, exc: CaseError) -> None:
        """Put a service's error beside its field, or in the summary when it names none."""
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
        """Each message once, linked to its field where there is one."""
        items: list[dict[str, str]] = []
        for name, errors in self.errors.items():
            href = f"#{field_anchor(self[name])}" if name in self.fields else ""
            items.extend({"href": href, "text": str(message)} for message in errors)
        return items
