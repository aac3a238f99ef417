"""System checks for settings that only matter when serving."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.security, deploy=True)
def secret_key_is_set(app_configs: Any, **kwargs: Any) -> list[Warning]:
    if getattr(settings, "SECRET_KEY_EPHEMERAL", False):
        return [
            Warning(
                "SECRET_KEY is not set in the environment; a random one is used per process.",
                hint="Set SECRET_KEY to at least 50 random characters before serving.",
                id="putright.W001",
            )
        ]
    return []
