"""Writes to the landlord's settings: details, policy timescales, closure days and categories.

Policy timescales may be shorter than the Code's, never longer (Code 6.2-6.4, 6.11-6.15):
the rules core decides. Closure days are recorded and shown, never counted: the Code
grants no exemption for office closures.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from django.db import IntegrityError, transaction
from django.utils.text import slugify

from putright.core.actor import Actor
from putright.core.dates import long_date
from putright.core.errors import ActionRefused, InvalidInput
from putright.landlord.models import Category, ClosureDay, LandlordSettings
from putright.rules.editions import HOS_2024, Policy
from putright.rules.errors import RuleViolation
from putright.rules.timescales import validate_policy

HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
DETAILS = (
    "name",
    "colour",
    "homes_rented",
    "homes_shared_ownership",
    "ombudsman_details",
    "complaints_email",
    "complaints_phone",
    "complaints_address",
)
TIMESCALES = {
    "stage1_acknowledge_days": ("acknowledge_days", 1),
    "stage1_respond_days": ("respond_days", 1),
    "stage2_acknowledge_days": ("acknowledge_days", 2),
    "stage2_respond_days": ("respond_days", 2),
}


def landlord_details_update(*, actor: Actor | None, **values: Any) -> LandlordSettings:
    """Name, colour (#rrggbb), homes owned by tenure (for TSM CH01), the Ombudsman's details, contact points."""
    unknown = set(values) - set(DETAILS)
    if unknown:
        raise InvalidInput({name: "Not a landlord setting" for name in sorted(unknown)})
    errors: dict[str, str] = {}
    if "name" in values and not str(values["name"]).strip():
        errors["name"] = "Enter the landlord's name"
    if "colour" in values and not HEX_COLOUR.match(str(values["colour"])):
        errors["colour"] = "Enter the colour as # and 6 hexadecimal digits, like #1d70b8"
    for name in ("homes_rented", "homes_shared_ownership"):
        if name in values and (not isinstance(values[name], int) or values[name] < 0):
            errors[name] = "Enter the number of homes as a whole number, 0 or more"
    if "ombudsman_details" in values and not str(values["ombudsman_details"]).strip():
        errors["ombudsman_details"] = "Enter the Ombudsman's contact details as residents should see them"
    if errors:
        raise InvalidInput(errors)
    with transaction.atomic():
        current = LandlordSettings.current()
        for name, value in values.items():
            setattr(current, name, value.strip() if isinstance(value, str) else value)
        current.save()
    return current


POLICY_SETS_TIMESCALES = (
    "Your published complaints policy sets these timescales (Code 3.4). Change them in a new "
    "version of the policy and have it approved: residents then read the same timescales their "
    "cases are given."
)


def landlord_timescales_update(
    *, actor: Actor | None, from_policy: bool = False, **days: int
) -> LandlordSettings:
    """The landlord's own timescales in working days, checked against the Code by the rules core.

    Before any policy is approved the settings page and `putright landlord` set them; once one
    is, only its approval does (`from_policy`), one way, so no page can make the published
    policy say one thing while cases are given another."""
    unknown = set(days) - set(TIMESCALES)
    if unknown:
        raise InvalidInput({name: "Not a timescale" for name in sorted(unknown)})
    current = LandlordSettings.current()
    if current.timescales_from_policy and not from_policy:
        raise ActionRefused(POLICY_SETS_TIMESCALES, code_paragraph="3.4")
    merged = {name: days.get(name, getattr(current, name)) for name in TIMESCALES}
    tables: dict[str, dict[int, int]] = {"acknowledge_days": {}, "respond_days": {}}
    for name, (table, stage) in TIMESCALES.items():
        tables[table][stage] = merged[name]
    policy = Policy(tables["acknowledge_days"], tables["respond_days"], dict(HOS_2024.extension_cap_days))
    try:
        validate_policy(policy)
    except RuleViolation as violation:
        raise ActionRefused.from_rule(violation, field=_offending(merged)) from violation
    with transaction.atomic():
        current = LandlordSettings.current()
        for name, value in merged.items():
            setattr(current, name, value)
        current.timescales_from_policy = current.timescales_from_policy or from_policy
        current.save()
    return current


def _offending(merged: dict[str, int]) -> str | None:
    for name, (table, stage) in TIMESCALES.items():
        code = getattr(HOS_2024, table)[stage]
        if not 1 <= merged[name] <= code:
            return name
    return None


def closure_day_add(*, actor: Actor | None, day: date, reason: str = "") -> ClosureDay:
    """Record an office closure. It is shown beside deadlines and never moves them."""
    try:
        with transaction.atomic():
            return ClosureDay.objects.create(day=day, reason=reason.strip()[:200])
    except IntegrityError:
        raise InvalidInput({"day": f"{long_date(day)} is already a closure day"}) from None


def closure_day_remove(*, actor: Actor | None, closure_id: int) -> None:
    deleted, _ = ClosureDay.objects.filter(pk=closure_id).delete()
    if not deleted:
        raise InvalidInput({"closure": "No such closure day"})


def category_add(*, actor: Actor | None, name: str) -> Category:
    """A new complaint category. Its slug is made from the name and never changes."""
    text = name.strip()
    slug = slugify(text)[:60]
    if not text or not slug:
        raise InvalidInput({"name": "Enter a category name with letters or numbers"})
    try:
        with transaction.atomic():
            return Category.objects.create(slug=slug, name=text[:120])
    except IntegrityError:
        raise InvalidInput({"name": f"There is already a category called '{text}'"}) from None


def category_set_active(*, actor: Actor | None, category_id: int, active: bool) -> Category:
    """Deactivate a category (kept for the complaints that use it) or bring it back."""
    with transaction.atomic():
        category = Category.objects.select_for_update().filter(pk=category_id).first()
        if category is None:
            raise InvalidInput({"category": "No such category"})
        category.active = active
        category.save(update_fields=["active"])
    return category
