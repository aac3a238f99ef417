"""`{% link 'staff:case' c.pk %}`: a row's link in a long list, without a resolver pass per row.

The same path `{% url %}` gives (`putright.ui.links`); use it for links repeated per row of a
list, where `{% url %}` is a tenth of a millisecond each.
"""

from __future__ import annotations

from django import template

from putright.ui.links import link as _link

register = template.Library()


@register.simple_tag
def link(name: str, *ids: int) -> str:
    return _link(name, *ids)
