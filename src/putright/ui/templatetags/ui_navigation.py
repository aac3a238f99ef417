"""The staff navigation tag: the entries the apps registered in `putright.ui.navigation`."""

from __future__ import annotations

from typing import Any

from django import template

from putright.ui.navigation import staff_home, staff_navigation, staff_search

register = template.Library()


@register.inclusion_tag("ui/_navigation.html", takes_context=True)
def staff_nav(context: template.Context) -> dict[str, Any]:
    request = context.get("request")
    return {
        "nav": staff_navigation(request) if request is not None else None,
        "csrf_token": context.get("csrf_token"),
    }


@register.inclusion_tag("ui/_search.html", takes_context=True)
def staff_search_box(context: template.Context) -> dict[str, Any]:
    request = context.get("request")
    return {"search_href": staff_search(request) if request is not None else None}


@register.simple_tag(takes_context=True)
def staff_home_url(context: template.Context) -> str:
    request = context.get("request")
    return staff_home(request) if request is not None else "/staff/"
