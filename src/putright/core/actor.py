"""Who acts: the one shape every service accepts as `actor`.

A staff `User`, a portal resident or representative (`residents.services.actor.PortalActor`),
or `None` for the system itself (retention, scheduled jobs). Services rely on no more than a
key and a name, so any of them can act through the same service; a role, where a rule needs
one, is read with `putright.core.roles.role_of`.
"""

from __future__ import annotations

from typing import Any, Protocol


class Actor(Protocol):
    """Anything with a primary key (None when no user row stands behind it) and a name."""

    @property
    def pk(self) -> Any: ...

    @property
    def username(self) -> str: ...


def user_or_none(actor: Actor | None) -> Any:
    """The user row to link from a record, or None when the actor has no staff account."""
    return actor if getattr(actor, "pk", None) else None


def actor_label(actor: Actor | None) -> str:
    """The name the history shows: the staff member's full name, else their username, or
    "system" when nobody acted. People read the record (the Ombudsman included), so it names
    people as people, not as sign-in names."""
    full_name = getattr(actor, "get_full_name", None)
    name = full_name().strip() if callable(full_name) else ""
    return name or getattr(actor, "username", None) or str(actor or "system")
