"""`{% gov_field form.field %}`: one field as its GOV.UK component (label, hint, error, input)."""

from __future__ import annotations

from django import forms, template
from django.template.loader import render_to_string
from django.utils.safestring import SafeString

from putright.governance.forms.present import present_field

register = template.Library()


@register.simple_tag
def gov_field(bound: forms.BoundField) -> SafeString:
    data = present_field(bound)
    return render_to_string(f"governance/fields/{data['kind']}.html", {"f": data})
