"""The landlord's service areas (repairs, lettings, income, ...): adding, renaming, giving
an owner, deactivating, and reading them for choices.

A service area is never deleted: complaints keep the one they were recorded against, and a
deactivated area cannot be chosen for a complaint again. Its slug is made from the first
name and never changes, so an API caller's filter keeps working after a rename.
"""

from __future__ import annotations

import re
from typing import Any

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils.text import slugify

from putright.core.actor import Actor
from putright.core.errors import InvalidInput
from putright.landlord.models import ServiceArea

# What a slug can hold: anything else (a NUL in a query string, say) names no service area
# and is never sent to the database, where PostgreSQL would refuse it as a fault.
SLUG = re.compile(r"^[-\w]{1,60}$")


def _owner(owner_id: int | None, errors: dict[str, str]) -> Any:
    """The owner, an active member of staff (the accounts app's user; read through Django
    because accounts imports this app)."""
    if owner_id is None:
        errors["owner"] = "Choose the member of staff who owns this service area"
        return None
    owner = get_user_model().objects.filter(pk=owner_id, is_active=True).first()
    if owner is None:
        errors["owner"] = "Choose an active member of staff"
    return owner


def _name(name: str, errors: dict[str, str]) -> str:
    text = (name or "").strip()[:120]
    if not text or not slugify(text):
        errors["name"] = "Enter the service area's name, with letters or numbers"
    return text


def _taken(name: str, *, other_than: int | None = None) -> bool:
    same = ServiceArea.objects.filter(name__iexact=name)
    if other_than is not None:
        same = same.exclude(pk=other_than)
    return same.exists()


def service_area_add(*, actor: Actor | None, name: str, owner_id: int | None) -> ServiceArea:
    """A new service area with its owner."""
    errors: dict[str, str] = {}
    text = _name(name, errors)
    owner = _owner(owner_id, errors)
    slug = slugify(text)[:60]
    if text and not errors.get("name") and (_taken(text) or ServiceArea.objects.filter(slug=slug).exists()):
        errors["name"] = f"There is already a service area called '{text}'"
    if errors:
        raise InvalidInput(errors)
    try:
        with transaction.atomic():
            return ServiceArea.objects.create(slug=slug, name=text, owner=owner)
    except IntegrityError:  # added by someone else in the meantime
        raise InvalidInput({"name": f"There is already a service area called '{text}'"}) from None


def service_area_update(*, actor: Actor | None, area_id: int, name: str, owner_id: int | None) -> ServiceArea:
    """Rename a service area or give it a new owner; its slug stays as it was."""
    errors: dict[str, str] = {}
    text = _name(name, errors)
    owner = _owner(owner_id, errors)
    if text and not errors.get("name") and _taken(text, other_than=area_id):
        errors["name"] = f"There is already a service area called '{text}'"
    if errors:
        raise InvalidInput(errors)
    with transaction.atomic():
        area = ServiceArea.objects.select_for_update().filter(pk=area_id).first()
        if area is None:
            raise InvalidInput({"service_area": "No such service area"})
        area.name, area.owner = text, owner
        area.save(update_fields=["name", "owner"])
    return area


def service_area_set_active(*, actor: Actor | None, area_id: int, active: bool) -> ServiceArea:
    """Deactivate a service area (kept on the complaints recorded against it) or bring it back."""
    with transaction.atomic():
        area = ServiceArea.objects.select_for_update().filter(pk=area_id).first()
        if area is None:
            raise InvalidInput({"service_area": "No such service area"})
        area.active = active
        area.save(update_fields=["active"])
    return area


def service_areas_listed() -> list[ServiceArea]:
    """Every service area with its owner, those in use first."""
    return list(ServiceArea.objects.select_related("owner").order_by("-active", "name"))


def service_area_choices(*, current: ServiceArea | None = None) -> list[tuple[str, str]]:
    """(slug, name) of the areas a complaint may be given: the active ones, and the one it has."""
    areas = list(ServiceArea.objects.filter(active=True).values_list("slug", "name"))
    if current is not None and not current.active:
        areas.append((current.slug, f"{current.name} (deactivated)"))
    return sorted(areas, key=lambda pair: pair[1].lower())
