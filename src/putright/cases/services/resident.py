"""Correcting a resident's details from one of their complaints (Code 5.12: a full and accurate record).

A wrong address or a misspelt name sends letters astray; the correction is recorded on the
complaint it was made from, as one event saying what changed from what to what.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction

from putright.cases.models import (
    Complaint,
    ContactPreference,
    EventAction,
    Format,
    Resident,
    Tenure,
)
from putright.cases.phone import phone_digits
from putright.cases.services._common import lock_complaint, raise_if, record_event, snapshot
from putright.cases.services.tenure import tenure_problem
from putright.core.actor import Actor
from putright.core.errors import InvalidInput

CORRECTABLE = (
    "name",
    "email",
    "phone",
    "address",
    "tenancy_reference",
    "tenure",
    "preferred_channel",
    "preferred_format",
    "language",
)
LABELS = {
    "name": "name",
    "email": "email",
    "phone": "phone",
    "address": "address",
    "tenancy_reference": "tenancy reference",
    "tenure": "tenure",
    "preferred_channel": "contact preference",
    "preferred_format": "format for letters",
    "language": "language",
}
# A format such as braille or audio can disclose a disability, and a language the resident's
# origin: special category data. As with adjustments (people.py), the record says that it
# changed, never from what or to what.
SPECIAL = frozenset({"preferred_format", "language"})
CHOICES = {
    "tenure": Tenure.values,
    "preferred_channel": ContactPreference.values,
    "preferred_format": Format.values,
}
MAX_LENGTH = {"name": 200, "phone": 40, "tenancy_reference": 60, "language": 60}


def _clean(changes: Mapping[str, Any]) -> dict[str, str]:
    errors: dict[str, str] = {}
    clean: dict[str, str] = {}
    for name, value in changes.items():
        if name not in CORRECTABLE:
            errors[name] = "This detail cannot be corrected here"
            continue
        text = str(value or "").strip()
        if name in CHOICES and text not in CHOICES[name]:
            errors[name] = f"Choose one of {', '.join(CHOICES[name])}"
        elif name in MAX_LENGTH and len(text) > MAX_LENGTH[name]:
            errors[name] = f"Use {MAX_LENGTH[name]} characters or fewer"
        clean[name] = text
    if "name" in clean and not clean["name"]:
        errors["name"] = "Enter the resident's name"
    if clean.get("email"):
        try:
            validate_email(clean["email"])
        except ValidationError:
            errors["email"] = "Enter an email address in the right format, like name@example.com"
    raise_if(errors)
    return clean


def _shown(name: str, value: str) -> str:
    if name in CHOICES and value:
        return dict(zip(CHOICES[name], _labels(name), strict=True))[value]
    return value or "(none)"


def _labels(name: str) -> list[str]:
    kind = {"tenure": Tenure, "preferred_channel": ContactPreference, "preferred_format": Format}[name]
    return [str(label) for label in kind.labels]


def resident_correct(
    *,
    actor: Actor | None,
    now: datetime,
    complaint_id: int,
    changes: Mapping[str, Any],
    expected_version: int | None = None,
) -> Complaint:
    """Correct the resident's name, contact details, address, tenure or preferences.

    Only details that differ are changed; with none, nothing is recorded and the caller is
    told. The event lists each change as old -> new, except special category data (format,
    language), recorded only as changed. Letters not yet issued go to the corrected address,
    since issuing reads the resident again. A tenure change recounts the resident's other
    complaints in the figures, as recording tenure does.
    """
    clean = _clean(changes)
    with transaction.atomic():
        complaint = lock_complaint(complaint_id, expected_version=expected_version)
        resident = Resident.objects.select_for_update().get(pk=complaint.resident_id)
        changed = {name: value for name, value in clean.items() if getattr(resident, name) != value}
        if not changed:
            raise InvalidInput({"name": "Nothing has changed: correct at least one detail"})
        # The same rule as recording tenure (`tenure.py`): one way to change who counts in CH01/CH02.
        problem = tenure_problem(changed["tenure"]) if "tenure" in changed else None
        if problem:
            raise InvalidInput({"tenure": problem})
        old = {name: getattr(resident, name) for name in changed}
        for name, value in changed.items():
            setattr(resident, name, value)
        fields = list(changed)
        if "phone" in changed:
            resident.phone_digits = phone_digits(resident.phone)
            fields.append("phone_digits")
        resident.save(update_fields=fields)
        lines = [
            f"{LABELS[n]} changed"
            if n in SPECIAL
            else f"{LABELS[n]}: {_shown(n, old[n])} -> {_shown(n, changed[n])}"
            for n in changed
        ]
        record_event(
            complaint,
            actor=actor,
            now=now,
            action=EventAction.RESIDENT_CORRECTED,
            summary="Resident's details corrected: " + "; ".join(lines),
            before={**snapshot(complaint), **{n: old[n] for n in changed if n not in SPECIAL}},
            after={**snapshot(complaint), **{n: changed[n] for n in changed if n not in SPECIAL}},
            details={"changed": sorted(changed)},
        )
    return complaint
