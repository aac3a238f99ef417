"""Unguessable references for records people quote (complaints, hazards)."""

from __future__ import annotations

import secrets
from typing import Any, TypeVar

from django.db import IntegrityError, models, transaction

M = TypeVar("M", bound=models.Model)
REFERENCE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def new_reference(prefix: str = "CMP") -> str:
    """An unguessable reference, so a reference alone never reveals another case exists."""
    body = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(8))
    return f"{prefix}-{body[:4]}-{body[4:]}"


def create_with_reference(model: type[M], prefix: str, **fields: Any) -> M:
    """Create a row with a fresh reference, trying again on the rare collision."""
    for _ in range(5):
        try:
            with transaction.atomic():
                return model._default_manager.create(reference=new_reference(prefix), **fields)
        except IntegrityError:
            continue
    raise RuntimeError("could not allocate a unique reference")
