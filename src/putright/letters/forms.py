"""Forms for the letters pages, and their fields as plain data for the GOV.UK templates.

Forms check the shape of what was typed; the services decide what is allowed, and their
errors come back onto the same fields (`add_service_errors`).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms

from putright.core.errors import ActionRefused, CaseError, InvalidInput
from putright.letters.services.drafting import MAX_TEXT

DATE_PARTS = (("day", "Day", 2), ("month", "Month", 2), ("year", "Year", 4))

LABELS: dict[str, tuple[str, str]] = {
    "opening": (
        "Opening paragraph (optional)",
        "Shown after 'Dear ...'. Leave blank to start with the standard wording.",
    ),
    "closing": ("Closing paragraph (optional)", "Shown before 'Yours sincerely'."),
    "responsibility": (
        "What we are, and are not, responsible for",
        "Code 5.7: say which parts of the complaint are ours to put right, and which are not.",
    ),
    "no_remedy_reason": (
        "Why we are not offering a remedy",
        "Code 6.9e: the letter says 'We are not offering a remedy because ...' followed by this.",
    ),
    "update_summary": (
        "What has happened since the resident last heard from us",
        "Code 6.6: include progress on any outstanding actions.",
    ),
    "next_update_date": ("When we will next update the resident", "For example, 27 3 2027 (Code 5.9)"),
}


class GovDateField(forms.Field):
    """The GOV.UK date input: three boxes named ``<name>-day``, ``-month`` and ``-year``."""

    class Widget(forms.Widget):
        def value_from_datadict(self, data: Any, files: Any, name: str) -> tuple[str, ...]:
            return tuple(str(data.get(f"{name}-{part}", "")).strip() for part, _, _ in DATE_PARTS)

    widget = Widget

    def to_python(self, value: Any) -> date | None:
        if value is None or isinstance(value, date):
            return value
        day, month, year = value
        if not (day or month or year):
            return None
        if not (day.isdigit() and month.isdigit() and year.isdigit() and len(year) == 4):
            raise forms.ValidationError("Enter a real date, in numbers, for example 27 3 2027")
        try:
            return date(int(year), int(month), int(day))
        except ValueError:
            raise forms.ValidationError("Enter a real date, for example 27 3 2027") from None


def _text_field(name: str, *, required: bool = False, rows: int = 5) -> forms.CharField:
    label, hint = LABELS[name]
    return forms.CharField(
        label=label,
        help_text=hint,
        required=required,
        max_length=MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": rows}),
        error_messages={"required": f"Enter {label[0].lower()}{label[1:]}"},
    )


class DraftForm(forms.Form):
    """The free-text parts of a draft, for its kind of letter."""

    def __init__(self, *args: Any, fields: tuple[str, ...], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in fields:
            if name == "next_update_date":
                label, hint = LABELS[name]
                self.fields[name] = GovDateField(label=label, help_text=hint)
            else:
                self.fields[name] = _text_field(name, required=name == "update_summary")


class UpdateForm(forms.Form):
    update_summary = _text_field("update_summary", required=True, rows=8)
    next_update_date = GovDateField(
        label=LABELS["next_update_date"][0],
        help_text=LABELS["next_update_date"][1],
        error_messages={"required": "Enter when we will next update the resident"},
    )


class TemplateForm(forms.Form):
    body = forms.CharField(
        label="Wording",
        help_text="Write in plain language. Put placeholders that stand for paragraphs on a line of their own.",
        max_length=20_000,
        widget=forms.Textarea(attrs={"rows": 24, "spellcheck": "true"}),
        strip=False,
        error_messages={"required": "Enter the wording of the letter"},
    )
    signature = forms.CharField(
        label="Signature (optional)",
        help_text="The name and job title under the letter, one per line. Leave blank to sign with the caseworker's name.",
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    logo = forms.FileField(
        label="Logo (optional)", help_text="A PNG or JPEG image, smaller than 2 MB.", required=False
    )
    remove_logo = forms.BooleanField(label="Remove the current logo", required=False)


def add_service_errors(form: forms.Form, exc: CaseError) -> None:
    """Put a service's refusal on the field it concerns, or on the form as a whole."""
    if isinstance(exc, InvalidInput):
        for name, messages in exc.errors.items():
            form.add_error(name if name in form.fields else None, messages)
    elif isinstance(exc, ActionRefused):
        form.add_error(exc.field if exc.field in form.fields else None, exc.message)
    else:
        form.add_error(None, exc.message)


def field_views(form: forms.Form) -> list[dict[str, Any]]:
    """Each field as the template needs it: id, label, hint, value, errors and type."""
    out = []
    for bound in form:
        field = bound.field
        kind = (
            "date"
            if isinstance(field, GovDateField)
            else "file"
            if isinstance(field, forms.FileField)
            else "checkbox"
            if isinstance(field, forms.BooleanField)
            else "textarea"
        )
        view: dict[str, Any] = {
            "name": bound.html_name,
            "id": bound.auto_id or f"id_{bound.html_name}",
            "label": field.label,
            "hint": field.help_text,
            "errors": list(bound.errors),
            "type": kind,
            "rows": field.widget.attrs.get("rows", 5),
        }
        value = bound.value()
        if kind == "date":
            parts = value if isinstance(value, tuple) else _date_parts(value)
            view["parts"] = [
                {"name": part, "label": label, "width": width, "value": parts[i]}
                for i, (part, label, width) in enumerate(DATE_PARTS)
            ]
        else:
            view["value"] = "" if value is None or kind == "file" else value
        described = [f"{view['id']}-hint"] if view["hint"] else []
        if view["errors"]:
            described.append(f"{view['id']}-error")
        view["described_by"] = " ".join(described)
        out.append(view)
    return out


def _date_parts(value: Any) -> tuple[str, str, str]:
    if isinstance(value, date):
        return str(value.day), str(value.month), str(value.year)
    if isinstance(value, str) and value:
        try:
            return _date_parts(date.fromisoformat(value))
        except ValueError:
            pass
    return "", "", ""


def error_summary(form: forms.Form) -> list[dict[str, str]]:
    """The GOV.UK error summary: each message, linked to its field."""
    items = [{"text": str(e), "href": ""} for e in form.non_field_errors()]
    for bound in form:
        anchor = bound.auto_id or f"id_{bound.html_name}"
        if isinstance(bound.field, GovDateField):
            anchor = f"{anchor}-day"
        items.extend({"text": str(e), "href": f"#{anchor}"} for e in bound.errors)
    return items
