"""Template tags for staff pages: GOV.UK form fields and the staff navigation."""

from __future__ import annotations

from typing import Any

from django import forms, template
from django.template.loader import render_to_string
from django.utils.safestring import SafeString

from putright.staff.presenters.fields import present_field
from putright.staff.presenters.navigation import staff_navigation

register = template.Library()


@register.simple_tag
def govuk_field(bound: forms.BoundField, **overrides: Any) -> SafeString:
    """Render one field as the GOV.UK component for its widget (label, hint, error, input)."""
    data = present_field(bound, **overrides)
    return render_to_string(f"staff/fields/{data['kind']}.html", {"f": data})


@register.inclusion_tag("staff/_navigation.html", takes_context=True)
def staff_nav(context: template.Context) -> dict[str, Any]:
    request = context.get("request")
    return {
        "nav": staff_navigation(request) if request is not None else None,
        "csrf_token": context.get("csrf_token"),
    }
