"""Uploaded files are never web-served: they must live outside every static folder."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.checks import Error, Tags, register


def _inside(child: Path, parent: Path) -> bool:
    child, parent = child.resolve(), parent.resolve()
    return child == parent or parent in child.parents or child in parent.parents


@register(Tags.security)
def media_root_outside_static(app_configs: Any, **kwargs: Any) -> list[Error]:
    media = Path(settings.PUTRIGHT_MEDIA_ROOT)
    static = [Path(settings.STATIC_ROOT), *(Path(str(d)) for d in settings.STATICFILES_DIRS)]
    clashes = [str(folder) for folder in static if _inside(media, folder)]
    if clashes:
        return [
            Error(
                f"PUTRIGHT_MEDIA_ROOT ({media}) overlaps a static folder ({', '.join(clashes)}).",
                hint="Residents' files would be served to anyone. Keep PUTRIGHT_MEDIA_ROOT outside the static folders.",
                id="privacy.E001",
            )
        ]
    return []
