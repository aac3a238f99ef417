"""The named roles the Code asks for (4.1, 9.4-9.7) and complaint champions per service area:
recording a holder, who held a role when, and staff training on complaint handling."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from django.db import transaction

from putright.core.actor import Actor
from putright.core.dates import england_date
from putright.core.errors import InvalidInput
from putright.landlord.models import NamedRole, NamedRoleKind, TrainingRecord


def named_role_set(
    *, actor: Actor | None, role: str, name: str, since: date | None, contact: str = "", area: str = ""
) -> NamedRole:
    """Record a new holder of a named role from `since`; the previous holder's term ends the day before.

    A complaint champion is named for a service area (`area`, required); the other roles have none.
    """
    errors: dict[str, str] = {}
    if role not in NamedRoleKind.values:
        errors["role"] = "Choose the role"
    area = (area or "").strip()
    if role == NamedRoleKind.CHAMPION and not area:
        errors["area"] = "Enter the service area the champion is for"
    elif role != NamedRoleKind.CHAMPION:
        area = ""
    cleaned = (name or "").strip()
    if not cleaned:
        errors["name"] = "Enter the name of the person who holds the role"
    if since is None:
        errors["since"] = "Enter the date they took on the role"
    if errors:
        raise InvalidInput(errors)
    assert since is not None
    with transaction.atomic():
        current = (
            NamedRole.objects.select_for_update().filter(role=role, area=area, until__isnull=True).first()
        )
        if current is not None:
            if since <= current.since:
                raise InvalidInput(
                    {
                        "since": f"{current.name} has held the role since {current.since:%-d %B %Y}: enter a later date"
                    }
                )
            current.until = since - timedelta(days=1)
            current.save(update_fields=["until"])
        return NamedRole.objects.create(
            role=role, area=area, name=cleaned, since=since, contact=(contact or "").strip()
        )


def named_role_holders(*, start: date, end: date) -> dict[str, list[NamedRole]]:
    """Everyone who held each named role at any time from `start` to `end`, in order of taking it on."""
    holders: dict[str, list[NamedRole]] = {kind.value: [] for kind in NamedRoleKind}
    rows = NamedRole.objects.filter(since__lte=end).exclude(until__lt=start).order_by("since", "id")
    for row in rows:
        holders[row.role].append(row)
    return holders


def named_roles_current() -> list[NamedRole]:
    return list(NamedRole.objects.filter(until__isnull=True).order_by("role", "area"))


def training_record_add(
    *,
    actor: Actor | None,
    now: datetime,
    person: str,
    course: str,
    completed_on: date | None,
    role_title: str = "",
    provider: str = "",
) -> TrainingRecord:
    """Record complaint-handling training someone completed (evidence for Code 3.2, 4.1-4.3).

    A completion date after today (in England, from `now`) is refused: training is recorded
    once done, not planned here.
    """
    errors: dict[str, str] = {}
    if not (person or "").strip():
        errors["person"] = "Enter the name of the person trained"
    if not (course or "").strip():
        errors["course"] = "Enter the name of the training"
    if completed_on is None:
        errors["completed_on"] = "Enter the date the training was completed"
    elif completed_on > england_date(now):
        errors["completed_on"] = "The completion date must be today or in the past"
    if errors:
        raise InvalidInput(errors)
    assert completed_on is not None
    with transaction.atomic():
        return TrainingRecord.objects.create(
            person=person.strip(),
            course=course.strip(),
            completed_on=completed_on,
            role_title=(role_title or "").strip(),
            provider=(provider or "").strip(),
            recorded_at=now,
        )


def training_records(*, start: date | None = None, end: date | None = None) -> list[TrainingRecord]:
    """Training completed from `start` to `end` (inclusive; either open), latest first."""
    rows = TrainingRecord.objects.all()
    if start is not None:
        rows = rows.filter(completed_on__gte=start)
    if end is not None:
        rows = rows.filter(completed_on__lte=end)
    return list(rows)
