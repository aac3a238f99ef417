"""Who may import past complaints: the complaints officer and administrators (as settings)."""

from __future__ import annotations

from typing import Any

from putright.core.roles import OVERSIGHT, has_role


def access_can_import(user: Any) -> bool:
    return has_role(user, OVERSIGHT)
