"""`{{ text|full_stop }}`: end what someone typed with one full stop, never two."""

from __future__ import annotations

from django import template

register = template.Library()
CLOSERS = "\"')\u201d\u2019"  # straight and curly closing quotes, a bracket


@register.filter
def full_stop(value: object) -> str:
    """The text with a full stop added unless it already ends a sentence (. ! ? or a closing
    quote or bracket after one)."""
    text = str(value or "").rstrip()
    if not text or text.rstrip(CLOSERS).endswith((".", "!", "?")):
        return text
    return text + "."
