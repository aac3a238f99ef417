"""GOV.UK-style forms: ids equal to names, an error summary list, and the GOV.UK date input."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from putright.core.errors import InvalidInput

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
PHONE = re.compile(r"^\+?[0-9 ()\-]{7,25}$")
PARTS = ("day", "month", "year")


class GovukForm(forms.Form):
    """A form whose error summary links to the exact element in error (GOV.UK error summary)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", "%s")
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.dates: dict[str, DateGroup] = {}

    def error_list(self) -> list[tuple[str, str]]:
        """(element id, message) for each error, in the order the fields appear."""
        items: list[tuple[str, str]] = []
        first = next(iter(self.fields), "")
        for message in self.non_field_errors():
            items.append((first, str(message)))
        for name in self.fields:
            for message in self.errors.get(name, []):
                items.append((name, str(message)))
        return items

    def add_service_errors(self, error: InvalidInput, mapping: dict[str, str] | None = None) -> None:
        """Show a service's field errors beside the fields they concern."""
        mapping = mapping or {}
        for key, messages in error.errors.items():
            name = mapping.get(key, key.split(".")[0])
            for message in messages:
                self.add_error(name if name in self.fields else None, message)


def clean_text(value: str, *, required_message: str | None, max_length: int, what: str) -> str:
    value = (value or "").strip()
    if required_message and not value:
        raise ValidationError(required_message)
    if len(value) > max_length:
        raise ValidationError(f"{what} must be {max_length:,} characters or fewer")
    return value


def clean_email(value: str, *, required_message: str | None) -> str:
    value = (value or "").strip().lower()
    if not value:
        if required_message:
            raise ValidationError(required_message)
        return ""
    try:
        validate_email(value)
    except ValidationError:
        raise ValidationError("Enter an email address in the correct format, like name@example.com") from None
    return value


def clean_phone(value: str, *, required_message: str | None) -> str:
    value = (value or "").strip()
    if not value:
        if required_message:
            raise ValidationError(required_message)
        return ""
    digits = sum(ch.isdigit() for ch in value)
    if not PHONE.match(value) or not 7 <= digits <= 15:
        raise ValidationError("Enter a phone number, like 01632 960 001 or 07700 900 982")
    return value


@dataclass
class DateGroup:
    """What the GOV.UK date input template needs: values, the message, the parts in error."""

    prefix: str
    values: dict[str, str]
    message: str = ""
    parts_in_error: set[str] = field(default_factory=set)

    @property
    def first_id(self) -> str:
        part = next((p for p in PARTS if p in self.parts_in_error), "day")
        return f"{self.prefix}_{part}"


def date_fields(prefix: str) -> dict[str, forms.Field]:
    return {f"{prefix}_{part}": forms.CharField(required=False, max_length=20) for part in PARTS}


def date_group(data: Any, prefix: str) -> DateGroup:
    return DateGroup(prefix, {p: str(data.get(f"{prefix}_{p}", "") or "").strip() for p in PARTS})


def parse_date(form: GovukForm, prefix: str, *, what: str, required: bool, today: date) -> date | None:
    """Read a GOV.UK date input (`<prefix>_day` ...), with the GOV.UK error messages.

    Month names are accepted ("March", "mar") because people type them.
    """
    group = date_group(form.data, prefix)
    raw = group.values
    form.dates[prefix] = group
    missing = [p for p in PARTS if not raw[p]]

    def fail(message: str, parts: set[str]) -> None:
        group.message = message
        group.parts_in_error = parts
        form.add_error(group.first_id, message)

    if len(missing) == 3:
        if required:
            fail(f"Enter {what}", set(PARTS))
        return None
    if missing:
        fail(f"{what[0].upper()}{what[1:]} must include a {' and '.join(missing)}", set(missing))
        return None
    month_text = raw["month"].lower().rstrip(".")
    month = MONTHS.get(month_text) or (int(month_text) if month_text.isdigit() else None)
    if not (raw["day"].isdigit() and raw["year"].isdigit()) or month is None:
        fail(f"{what[0].upper()}{what[1:]} must be a real date", set(PARTS))
        return None
    if len(raw["year"]) != 4:
        fail("Year must include 4 numbers", {"year"})
        return None
    try:
        value = date(int(raw["year"]), month, int(raw["day"]))
    except ValueError:
        fail(f"{what[0].upper()}{what[1:]} must be a real date", set(PARTS))
        return None
    if value > today:
        fail(f"{what[0].upper()}{what[1:]} must be today or in the past", set(PARTS))
        return None
    return value
