"""Template tags for staff pages: the staff navigation (form fields are `ui_fields`)."""

from __future__ import annotations

from typing import Any

from django import template

from putright.staff.presenters.navigation import staff_navigation

register = template.Library()


@register.inclusion_tag("staff/_navigation.html", takes_context=True)
def staff_nav(context: template.Context) -> dict[str, Any]:
    request = context.get("request")
    return {
        "nav": staff_navigation(request) if request is not None else None,
        "csrf_token": context.get("csrf_token"),
    }
