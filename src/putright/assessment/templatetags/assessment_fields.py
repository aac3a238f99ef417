"""`{% field form.name %}`: one form field as its GOV.UK component, with hint and errors."""

from __future__ import annotations

from typing import Any

from django import forms, template
from django.template.loader import render_to_string
from django.utils.safestring import SafeString

from putright.assessment.forms.base import AssessmentForm
from putright.ui.fields import date_parts, field_data, widget_kind
from putright.ui.forms import DateWidget, field_anchor

register = template.Library()

# The templates in `assessment/fields/`, by the widgets they draw (first match wins).
KINDS: tuple[tuple[type[forms.Widget], str], ...] = (
    (DateWidget, "date"),
    (forms.CheckboxSelectMultiple, "checkboxes"),
    (forms.RadioSelect, "radios"),
    (forms.Select, "select"),
    (forms.Textarea, "textarea"),
    (forms.FileInput, "file"),
)


@register.simple_tag
def field(bound: forms.BoundField, legend_size: str = "s", **overrides: Any) -> SafeString:
    widget = bound.field.widget
    kind = widget_kind(widget, KINDS)
    value = bound.value()
    anchor = field_anchor(bound, first_option_suffix=AssessmentForm.first_option_suffix)
    data = field_data(bound, kind=kind, hint=str(bound.help_text or ""), anchor=anchor)
    data["rows"] = widget.attrs.get("rows", 5)
    data["inputmode"] = widget.attrs.get("inputmode", "")
    data["legend_size"] = legend_size
    if kind == "date":
        data["parts"] = date_parts(value)
    elif kind in ("radios", "checkboxes", "select"):
        chosen = {str(v) for v in (value if isinstance(value, list | tuple) else [value]) if v is not None}
        data["options"] = [
            {"id": f"{bound.auto_id}_{i}", "value": str(v), "label": str(label), "selected": str(v) in chosen}
            for i, (v, label) in enumerate(bound.field.choices)  # type: ignore[attr-defined]
        ]
    data.update(overrides)
    return render_to_string(f"assessment/fields/{kind}.html", {"f": data})
