"""Unguessable references for records people quote (complaints, hazards, service requests)."""

from __future__ import annotations

import secrets
from collections.abc import Callable
from typing import TypeVar

from django.db import IntegrityError, models, transaction

T = TypeVar("T")
REFERENCE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
ATTEMPTS = 5


def new_reference(prefix: str = "CMP") -> str:
    """An unguessable reference, so a reference alone never reveals another case exists."""
    body = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(8))
    return f"{prefix}-{body[:4]}-{body[4:]}"


def with_new_reference(model: type[models.Model], prefix: str, action: Callable[[str], T]) -> T:
    """Run `action` with a fresh reference for the new `model` row it inserts, in a
    transaction of its own (a savepoint inside another); on the rare clash with a reference
    already taken, run it again whole with another.

    Why the whole action and not a savepoint around the INSERT: a savepoint costs two round
    trips on every create, to guard a clash that happens about once in a million creates at
    a million rows (32^8 references). A clash aborts the transaction, so the action's own is
    rolled back, with everything it wrote and the work it left to run after commit, and it
    starts again from nothing: `action` must build what it writes inside itself.
    """
    for _ in range(ATTEMPTS):
        try:
            with transaction.atomic():
                return action(new_reference(prefix))
        except IntegrityError as error:
            if not _reference_clash(model, error):
                raise
    raise RuntimeError("could not allocate a unique reference")


def _reference_clash(model: type[models.Model], error: IntegrityError) -> bool:
    """True when `error` is the unique index on `model`'s reference, as PostgreSQL names it
    ("<table>_reference_key") or SQLite does ("<table>.reference")."""
    table = model._meta.db_table
    text = str(error)
    return f"{table}_reference_key" in text or f"{table}.reference" in text
