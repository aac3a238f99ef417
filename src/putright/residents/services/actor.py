"""Who acted, for the case event log, when the person acting has no staff account."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PortalActor:
    """A resident or representative using the portal. `pk` is None: no user row is linked."""

    username: str
    pk: None = None
    role: str = "resident"


RESIDENT_ONLINE = PortalActor("Resident, online")
REPRESENTATIVE_ONLINE = PortalActor("Representative, online", role="representative")


def portal_actor(*, representative: bool) -> PortalActor:
    return REPRESENTATIVE_ONLINE if representative else RESIDENT_ONLINE
