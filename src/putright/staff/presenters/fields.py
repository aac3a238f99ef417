"""Turn a bound form field into plain data for the GOV.UK field templates."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms

from putright.staff.forms.base import DATE_PARTS, DateWidget, MultipleFileInput, field_anchor

_PASSTHROUGH_ATTRS = ("autocomplete", "inputmode", "spellcheck", "rows", "maxlength")


def _kind(widget: forms.Widget) -> str:
    if isinstance(widget, DateWidget):
        return "date"
    if isinstance(widget, forms.RadioSelect):
        return "radios"
    if isinstance(widget, forms.CheckboxInput):
        return "checkbox"
    if isinstance(widget, forms.Textarea):
        return "textarea"
    if isinstance(widget, forms.Select):
        return "select"
    if isinstance(widget, forms.FileInput):
        return "file"
    if isinstance(widget, forms.HiddenInput):
        return "hidden"
    return "input"


def _date_parts(value: Any) -> list[dict[str, str]]:
    parts: tuple[str, ...]
    if isinstance(value, date):
        parts = (str(value.day), str(value.month), str(value.year))
    elif isinstance(value, list | tuple) and len(value) == 3:
        parts = tuple(str(v) for v in value)
    else:
        parts = ("", "", "")
    widths = {"day": "2", "month": "2", "year": "4"}
    return [
        {"name": name, "label": name.capitalize(), "value": part, "width": widths[name]}
        for name, part in zip(DATE_PARTS, parts, strict=True)
    ]


def _options(bound: forms.BoundField, value: Any) -> list[dict[str, Any]]:
    chosen = {str(v) for v in value} if isinstance(value, list | tuple) else {str(value)}
    hints = getattr(bound.field.widget, "hints", {})
    options = []
    for index, (key, label) in enumerate(getattr(bound.field, "choices", [])):
        text = str(key if key is not None else "")
        options.append(
            {
                "value": text,
                "label": str(label),
                "selected": text in chosen,
                "id": bound.auto_id if index == 0 else f"{bound.auto_id}-{index + 1}",
                "hint": hints.get(text, ""),
            }
        )
    return options


def present_field(bound: forms.BoundField, **overrides: Any) -> dict[str, Any]:
    """Everything a field template needs, computed here so templates hold no logic."""
    widget = bound.field.widget
    kind = _kind(widget)
    value = bound.value()
    errors = [str(e) for e in bound.errors]
    anchor = field_anchor(bound)
    hint = str(bound.help_text or "") or ("For example, 27 3 2026" if kind == "date" else "")
    described = " ".join(
        part
        for part, present in ((f"{bound.auto_id}-hint", hint), (f"{bound.auto_id}-error", errors))
        if present
    )
    attrs = {k: v for k, v in widget.attrs.items() if k in _PASSTHROUGH_ATTRS}
    data: dict[str, Any] = {
        "kind": kind,
        "id": bound.auto_id,
        "anchor": anchor,
        "name": bound.html_name,
        "label": str(bound.label or ""),
        "hint": hint,
        "errors": errors,
        "described_by": described,
        "classes": widget.attrs.get("class", ""),
        "attrs": attrs,
        "type": getattr(widget, "input_type", "text"),
        "value": "" if value is None else value,
        "required": bound.field.required,
        "legend_size": "s",
    }
    if kind == "date":
        data["parts"] = _date_parts(value)
    elif kind in ("radios", "select"):
        data["options"] = _options(bound, value)
    elif kind == "checkbox":
        data["checked"] = bool(value) and value not in ("False", "false", "0")
    elif kind == "file":
        data["multiple"] = isinstance(widget, MultipleFileInput)
    data.update(overrides)
    return data
