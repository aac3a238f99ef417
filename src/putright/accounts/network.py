"""The caller's address, for sign-in limits."""

from __future__ import annotations

from typing import Any

from django.conf import settings


def client_ip(request: Any) -> str:
    """REMOTE_ADDR, or behind our own TLS proxy the last X-Forwarded-For entry.

    Only the last entry is the one our proxy added (settings.SECURE_PROXY_SSL_HEADER
    set by BEHIND_TLS_PROXY); earlier ones are whatever the client claimed.
    """
    if request is None:
        return ""
    meta = getattr(request, "META", {})
    forwarded = str(meta.get("HTTP_X_FORWARDED_FOR", ""))
    if getattr(settings, "SECURE_PROXY_SSL_HEADER", None) and forwarded:
        return forwarded.split(",")[-1].strip()
    return str(meta.get("REMOTE_ADDR", ""))
