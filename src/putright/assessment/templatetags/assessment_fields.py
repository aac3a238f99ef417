"""`{% field form.name %}`: one form field as its GOV.UK component, with hint and errors."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms, template
from django.template.loader import render_to_string
from django.utils.safestring import SafeString

from putright.assessment.forms.base import DateWidget, field_anchor

register = template.Library()


def _kind(widget: forms.Widget) -> str:
    if isinstance(widget, DateWidget):
        return "date"
    if isinstance(widget, forms.CheckboxSelectMultiple):
        return "checkboxes"
    if isinstance(widget, forms.RadioSelect):
        return "radios"
    if isinstance(widget, forms.Select):
        return "select"
    if isinstance(widget, forms.Textarea):
        return "textarea"
    if isinstance(widget, forms.FileInput):
        return "file"
    return "input"


def _date_parts(value: Any) -> list[dict[str, Any]]:
    if isinstance(value, date):
        values = [str(value.day), str(value.month), str(value.year)]
    elif isinstance(value, list | tuple):
        values = [str(v) for v in value]
    else:
        values = ["", "", ""]
    return [
        {"name": "day", "label": "Day", "width": 2, "value": values[0]},
        {"name": "month", "label": "Month", "width": 2, "value": values[1]},
        {"name": "year", "label": "Year", "width": 4, "value": values[2]},
    ]


@register.simple_tag
def field(bound: forms.BoundField, legend_size: str = "s", **overrides: Any) -> SafeString:
    widget = bound.field.widget
    kind = _kind(widget)
    value = bound.value()
    hint = str(bound.help_text or "")
    errors = [str(e) for e in bound.errors]
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
        "rows": widget.attrs.get("rows", 5),
        "type": getattr(widget, "input_type", "text"),
        "inputmode": widget.attrs.get("inputmode", ""),
        "value": "" if value is None else value,
        "legend_size": legend_size,
    }
    if kind == "date":
        data["parts"] = _date_parts(value)
    elif kind in ("radios", "checkboxes", "select"):
        chosen = {str(v) for v in (value if isinstance(value, list | tuple) else [value]) if v is not None}
        data["options"] = [
            {"id": f"{bound.auto_id}_{i}", "value": str(v), "label": str(label), "selected": str(v) in chosen}
            for i, (v, label) in enumerate(bound.field.choices)  # type: ignore[attr-defined]
        ]
    data.update(overrides)
    return render_to_string(f"assessment/fields/{kind}.html", {"f": data})
