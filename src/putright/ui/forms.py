"""GOV.UK form plumbing shared by the staff-side pages: date inputs, radios with hints, file
and time fields, and one place where the services' errors become messages beside the field
they concern.

The services' errors are read by their shape (`ServiceError`, `FieldErrors`, `Refusal`), not
imported: this module stays free of every domain and interface app.
"""

from __future__ import annotations

import re
from datetime import date, time
from typing import Any, ClassVar, Protocol, runtime_checkable

from django import forms
from django.core.exceptions import ValidationError
from django.http import QueryDict

from putright.core.inputs import clean_text, parse_int

DATE_PARTS = ("day", "month", "year")
_TRAILING_PARAGRAPH = re.compile(r"\s*\(Code [0-9.a-z, ]+\)\s*$")


class ServiceError(Protocol):
    """An error a person can act on (`putright.core.errors.CaseError`)."""

    message: str


@runtime_checkable
class FieldErrors(Protocol):
    """Bad input (`InvalidInput`): messages per field key, such as "files.0"."""

    message: str
    errors: dict[str, list[str]]


@runtime_checkable
class Refusal(Protocol):
    """The Code forbids the move (`ActionRefused`): the paragraph, and the field if it names one."""

    message: str
    code_paragraph: str
    field: str | None


def refusal_message(exc: Refusal) -> str:
    """'Code 6.13: ...': the paragraph first, so the reader sees which rule says no."""
    text = _TRAILING_PARAGRAPH.sub("", exc.message).rstrip(".")
    return f"Code {exc.code_paragraph}: {text}"


class DateWidget(forms.Widget):
    """Three boxes (day, month, year), the GOV.UK date input, named `<name>-day` and so on."""

    def value_from_datadict(self, data: Any, files: Any, name: str) -> tuple[str, str, str]:
        day, month, year = (str(data.get(f"{name}-{part}", "")).strip() for part in DATE_PARTS)
        return day, month, year

    def value_omitted_from_data(self, data: Any, files: Any, name: str) -> bool:
        return all(f"{name}-{part}" not in data for part in DATE_PARTS)


class DateField(forms.Field):
    """A date typed into the GOV.UK date input, with GOV.UK's error wording.

    `{What}` in the two messages below stands for `what`, capitalised; a page may word them
    its own way in a subclass.
    """

    widget = DateWidget
    not_numbers_message = "{What} must be a real date, in numbers"
    short_year_message = "Year must include 4 numbers"

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
        what = self.what.capitalize()
        missing = [name for name, part in zip(DATE_PARTS, (day, month, year), strict=True) if not part]
        if missing:
            raise ValidationError(f"{what} must include a {' and a '.join(missing)}")
        numbers = [parse_int(day), parse_int(month), parse_int(year)]
        if None in numbers:
            raise ValidationError(self.not_numbers_message.format(What=what))
        if len(year) != 4:
            raise ValidationError(self.short_year_message.format(What=what))
        try:
            return date(numbers[2], numbers[1], numbers[0])  # type: ignore[arg-type]
        except ValueError:
            raise ValidationError(f"{what} must be a real date") from None

    def has_changed(self, initial: Any, data: Any) -> bool:
        try:
            return bool(self.to_python(data) != initial)
        except ValidationError:
            return True


class TimeField(forms.CharField):
    """A 24-hour time such as 14:30, typed as text (the time input is hard to use)."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", 5)
        kwargs.setdefault("widget", forms.TextInput(attrs={"class": "govuk-input--width-5"}))
        super().__init__(**kwargs)

    def clean(self, value: Any) -> time | None:
        text = (super().clean(value) or "").replace(".", ":")
        if not text:
            return None
        match = re.fullmatch(r"([01]?\d|2[0-3]):?([0-5]\d)", text)
        if not match:
            raise ValidationError("Enter the time as hours and minutes, for example 14:30")
        return time(int(match[1]), int(match[2]))


class Radios(forms.RadioSelect):
    """Radios with an optional hint under each choice."""

    def __init__(self, *, hints: dict[str, str] | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.hints = hints or {}


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data: Any, initial: Any = None) -> list[Any]:
        files = data if isinstance(data, list | tuple) else [data] if data else []
        return [super(MultipleFileField, self).clean(f, initial) for f in files]


def field_anchor(bound: forms.BoundField, *, first_option_suffix: str = "") -> str:
    """The id the error summary links to: the first box of a date, the first radio or checkbox.

    GOV.UK Frontend gives a group's first option the field's own id; pages that number
    options Django's way (`id_rag_0`) pass the suffix their first option carries.
    """
    widget = bound.field.widget
    if isinstance(widget, DateWidget):
        return f"{bound.auto_id}-day"
    if first_option_suffix and isinstance(widget, forms.RadioSelect):  # checkboxes are RadioSelects too
        return f"{bound.auto_id}{first_option_suffix}"
    return str(bound.auto_id)


class WholeNumberField(forms.IntegerField):
    """Django's IntegerField read with `putright.core.inputs.parse_int`: `²` and `٣` are "Enter a
    whole number", and a number too large for the database is refused by the field's range
    (a billion unless it says less), never an overflow deeper down."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("max_value", 999_999_999)
        kwargs.setdefault("min_value", -999_999_999)
        super().__init__(**kwargs)

    def to_python(self, value: Any) -> int | None:
        if value in self.empty_values:
            return None
        number = parse_int(value if isinstance(value, int) else str(value), signed=True, max_digits=60)
        if number is None:
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return number


def normalised_data(data: Any) -> Any:
    """Form data with every typed value passed through `putright.core.inputs.clean_text`, so
    no form can put a character into the record that a letter, export or PDF cannot carry.
    Called by every form's constructor: the edge where text enters."""
    if data is None:
        return None
    if isinstance(data, QueryDict):
        cleaned = QueryDict(mutable=True)
        for key, values in data.lists():
            cleaned.setlist(key, [clean_text(v) if isinstance(v, str) else v for v in values])
        cleaned._mutable = False
        return cleaned
    return {k: clean_text(v) if isinstance(v, str) else v for k, v in data.items()}


class CleanTextForm(forms.Form):
    """A form whose submitted text is normalised before any field sees it."""

    def __init__(self, data: Any = None, *args: Any, **kwargs: Any) -> None:
        super().__init__(normalised_data(data), *args, **kwargs)


class GovukForm(CleanTextForm):
    """A GOV.UK form that shows the services' errors where they belong.

    `error_fields` maps a service's error key to a field of this form; `refusal_fields`
    maps a Code paragraph to the field the refusal is about, for refusals that name none.
    """

    error_fields: ClassVar[dict[str, str]] = {}
    refusal_fields: ClassVar[dict[str, str]] = {}
    first_option_suffix: ClassVar[str] = ""
    template_name = "ui/fields/form.html"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)

    def _target(self, key: str | None) -> str | None:
        if key is None:
            return None
        name = self.error_fields.get(key, key)
        if name not in self.fields:
            # "files.0" or "resident.name": the field the service's dotted key starts from.
            name = self.error_fields.get(name.split(".")[0], name.split(".")[0])
        return name if name in self.fields else None

    def add_case_error(self, exc: ServiceError) -> None:
        """Put a service's error beside its field, or in the summary when it names none."""
        if not hasattr(self, "cleaned_data"):
            self.cleaned_data = {}
        if isinstance(exc, FieldErrors):
            for key, messages in exc.errors.items():
                for message in messages:
                    self.add_error(self._target(key), message)
        elif isinstance(exc, Refusal):
            target = self._target(exc.field) or self._target(self.refusal_fields.get(exc.code_paragraph))
            self.add_error(target, refusal_message(exc))
        else:
            self.add_error(None, exc.message)

    def error_summary(self) -> list[dict[str, str]]:
        """The error summary: each message once, linked to its field where there is one."""
        items: list[dict[str, str]] = []
        for name, errors in self.errors.items():
            href = ""
            if name in self.fields:
                href = f"#{field_anchor(self[name], first_option_suffix=self.first_option_suffix)}"
            items.extend({"href": href, "text": str(message)} for message in errors)
        return items


def money_cleaned(value: Any) -> Any:
    """An amount as people write it, ready to parse: "£1,500.00" and "1 500" become "1500.00"
    and "1500". Anything but text passes unchanged; what is left is still checked as a number."""
    if not isinstance(value, str):
        return value
    text = value.strip().replace(",", "").replace(" ", "")
    return text[1:] if text.startswith("£") else text


class MoneyField(forms.DecimalField):
    """Pounds and pence, accepting a £ sign, commas and spaces as people type them."""

    def to_python(self, value: Any) -> Any:
        return super().to_python(money_cleaned(value))


__all__ = [
    "DATE_PARTS",
    "DateField",
    "DateWidget",
    "FieldErrors",
    "GovukForm",
    "MoneyField",
    "MultipleFileField",
    "MultipleFileInput",
    "Radios",
    "Refusal",
    "ServiceError",
    "TimeField",
    "field_anchor",
    "money_cleaned",
    "refusal_message",
]


def form_status(form: Any) -> int:
    """400 for a form sent back with errors, so that a refusal never looks like a success; else 200."""
    return 400 if form.is_bound and form.errors else 200
