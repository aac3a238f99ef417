"""`{% govuk_field form.name %}`: one form field as its GOV.UK component (label, hint, error, input)."""

from __future__ import annotations

from typing import Any

from django import forms, template
from django.template.loader import render_to_string
from django.utils.safestring import SafeString

from putright.ui.fields import present_field

register = template.Library()


@register.simple_tag
def govuk_field(bound: forms.BoundField, **overrides: Any) -> SafeString:
    """Render one field as the GOV.UK component for its widget (label, hint, error, input)."""
    data = present_field(bound, **overrides)
    return render_to_string(f"ui/fields/{data['kind']}.html", {"f": data})
