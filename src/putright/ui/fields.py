"""Turn a bound form field into plain data for the GOV.UK field templates in `ui/fields/`."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

from putright.ui.forms import DATE_PARTS, DateWidget, MultipleFileInput, field_anchor

_PASSTHROUGH_ATTRS = ("autocomplete", "inputmode", "spellcheck", "rows", "maxlength")

# Which template draws a widget, the first match winning; anything else is a text input.
GOVUK_KINDS: tuple[tuple[type[forms.Widget], str], ...] = (
    (DateWidget, "date"),
    (forms.RadioSelect, "radios"),
    (forms.CheckboxInput, "checkbox"),
    (forms.Textarea, "textarea"),
    (forms.Select, "select"),
    (forms.FileInput, "file"),
    (forms.HiddenInput, "hidden"),
)


def widget_kind(widget: forms.Widget, kinds: tuple[tuple[type[forms.Widget], str], ...] = GOVUK_KINDS) -> str:
    """The name of the template that draws `widget`: "date", "radios", ... or "input"."""
    return next((kind for cls, kind in kinds if isinstance(widget, cls)), "input")


def date_parts(value: Any) -> list[dict[str, str]]:
    """The day, month and year boxes of a date input, holding what was typed or the date."""
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


def _option_tags(options: list[dict[str, Any]]) -> str:
    # Joined here, not looped in the template: a list of every handler (a few hundred at a
    # large landlord) cost a template pass per option, several milliseconds a page.
    esc = conditional_escape
    return mark_safe(  # noqa: S308 - each value and label is escaped as it is joined
        "".join(
            f'<option value="{esc(o["value"])}"{" selected" if o["selected"] else ""}>{esc(o["label"])}</option>'
            for o in options
        )
    )


def field_data(bound: forms.BoundField, *, kind: str, hint: str, anchor: str) -> dict[str, Any]:
    """What every field template reads: ids, name, label, hint, errors and the value typed."""
    widget = bound.field.widget
    value = bound.value()
    errors = [str(e) for e in bound.errors]
    described = " ".join(
        part
        for part, present in ((f"{bound.auto_id}-hint", hint), (f"{bound.auto_id}-error", errors))
        if present
    )
    return {
        "kind": kind,
        "id": bound.auto_id,
        "anchor": anchor,
        "name": bound.html_name,
        "label": str(bound.label or ""),
        "hint": hint,
        "errors": errors,
        "described_by": described,
        "classes": widget.attrs.get("class", ""),
        "type": getattr(widget, "input_type", "text"),
        "value": "" if value is None else value,
        "legend_size": "s",
    }


def present_field(bound: forms.BoundField, **overrides: Any) -> dict[str, Any]:
    """Everything a field template needs, computed here so templates hold no logic."""
    widget = bound.field.widget
    kind = widget_kind(widget)
    value = bound.value()
    hint = str(bound.help_text or "") or ("For example, 27 3 2026" if kind == "date" else "")
    data = field_data(bound, kind=kind, hint=hint, anchor=field_anchor(bound))
    data["attrs"] = {k: v for k, v in widget.attrs.items() if k in _PASSTHROUGH_ATTRS}
    data["required"] = bound.field.required
    if kind == "date":
        data["parts"] = date_parts(value)
    elif kind in ("radios", "select"):
        data["options"] = _options(bound, value)
        if kind == "select":
            data["options_html"] = _option_tags(data["options"])
    elif kind == "checkbox":
        data["checked"] = bool(value) and value not in ("False", "false", "0")
    elif kind == "file":
        data["multiple"] = isinstance(widget, MultipleFileInput)
    data.update(overrides)
    return data
