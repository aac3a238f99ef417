"""A bound form field as plain data for the GOV.UK field templates (no logic in templates)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms

from putright.governance.forms.base import DATE_PARTS, DateWidget, field_anchor

_PASSTHROUGH_ATTRS = ("autocomplete", "inputmode", "spellcheck", "rows", "maxlength")


def _kind(widget: forms.Widget) -> str:
    kinds: tuple[tuple[type[forms.Widget], str], ...] = (
        (DateWidget, "date"),
        (forms.RadioSelect, "radios"),
        (forms.CheckboxInput, "checkbox"),
        (forms.Textarea, "textarea"),
        (forms.Select, "select"),
        (forms.FileInput, "file"),
        (forms.HiddenInput, "hidden"),
    )
    return next((kind for cls, kind in kinds if isinstance(widget, cls)), "input")


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
    return [
        {
            "value": str(key if key is not None else ""),
            "label": str(label),
            "selected": str(key if key is not None else "") in chosen,
            "id": bound.auto_id if index == 0 else f"{bound.auto_id}-{index + 1}",
            "hint": hints.get(str(key), ""),
        }
        for index, (key, label) in enumerate(getattr(bound.field, "choices", []))
    ]


def present_field(bound: forms.BoundField) -> dict[str, Any]:
    widget = bound.field.widget
    kind = _kind(widget)
    value = bound.value()
    errors = [str(e) for e in bound.errors]
    hint = str(bound.help_text or "") or ("For example, 27 3 2026" if kind == "date" else "")
    described = " ".join(
        part
        for part, present in ((f"{bound.auto_id}-hint", hint), (f"{bound.auto_id}-error", errors))
        if present
    )
    data: dict[str, Any] = {
        "kind": kind,
        "id": bound.auto_id,
        "anchor": field_anchor(bound),
        "name": bound.html_name,
        "label": str(bound.label or ""),
        "hint": hint,
        "errors": errors,
        "described_by": described,
        "classes": widget.attrs.get("class", ""),
        "attrs": {k: v for k, v in widget.attrs.items() if k in _PASSTHROUGH_ATTRS},
        "type": getattr(widget, "input_type", "text"),
        "value": "" if value is None else value,
        "legend_size": "s",
        "multiple": False,
    }
    if kind == "date":
        data["parts"] = _date_parts(value)
    elif kind in ("radios", "select"):
        data["options"] = _options(bound, value)
    elif kind == "checkbox":
        data["checked"] = bool(value) and value not in ("False", "false", "0")
    return data
