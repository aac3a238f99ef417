"""The staff navigation tag: the entries the apps registered in `putright.ui.navigation`."""

from __future__ import annotations

from typing import Any

from django import template

from putright.ui.navigation import staff_navigation

register = template.Library()


@register.inclusion_tag("ui/_navigation.html", takes_context=True)
def staff_nav(context: template.Context) -> dict[str, Any]:
    request = context.get("request")
    return {
        "nav": staff_navigation(request) if request is not None else None,
        "csrf_token": context.get("csrf_token"),
    }
