"""The named roles the Code asks for (3.5, 9.6-9.8): recording a holder, and who held a role when."""

from __future__ import annotations

from datetime import date, timedelta

from django.db import transaction

from putright.core.actor import Actor
from putright.core.errors import InvalidInput
from putright.landlord.models import NamedRole, NamedRoleKind


def named_role_set(
    *, actor: Actor | None, role: str, name: str, since: date | None, contact: str = ""
) -> NamedRole:
    """Record a new holder of a named role from `since`; the previous holder's term ends the day before."""
    errors: dict[str, str] = {}
    if role not in NamedRoleKind.values:
        errors["role"] = "Choose the role"
    cleaned = (name or "").strip()
    if not cleaned:
        errors["name"] = "Enter the name of the person who holds the role"
    if since is None:
        errors["since"] = "Enter the date they took on the role"
    if errors:
        raise InvalidInput(errors)
    assert since is not None
    with transaction.atomic():
        current = NamedRole.objects.select_for_update().filter(role=role, until__isnull=True).first()
        if current is not None:
            if since <= current.since:
                raise InvalidInput(
                    {
                        "since": f"{current.name} has held the role since {current.since:%-d %B %Y}: enter a later date"
                    }
                )
            current.until = since - timedelta(days=1)
            current.save(update_fields=["until"])
        return NamedRole.objects.create(role=role, name=cleaned, since=since, contact=(contact or "").strip())


def named_role_holders(*, start: date, end: date) -> dict[str, list[NamedRole]]:
    """Everyone who held each named role at any time from `start` to `end`, in order of taking it on."""
    holders: dict[str, list[NamedRole]] = {kind.value: [] for kind in NamedRoleKind}
    rows = NamedRole.objects.filter(since__lte=end).exclude(until__lt=start).order_by("since", "id")
    for row in rows:
        holders[row.role].append(row)
    return holders


def named_roles_current() -> list[NamedRole]:
    return list(NamedRole.objects.filter(until__isnull=True).order_by("role"))
