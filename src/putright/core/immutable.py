"""Append-only rows: the record the Code requires (5.12) may grow but never change.

The application refuses updates and deletes here; on SQLite and PostgreSQL triggers
(`putright.privacy.record_guard`, on every subclass's table) refuse them in the database
as well, so not even a raw SQL statement or a bulk `update()` from a shell can rewrite history.
"""

from __future__ import annotations

from typing import Any

from django.db import models


class RecordIsImmutable(Exception):
    """Raised on any attempt to change or delete an append-only row."""


class AppendOnlyQuerySet(models.QuerySet):  # type: ignore[type-arg]
    def update(self, **kwargs: Any) -> int:
        raise RecordIsImmutable(f"{self.model.__name__} rows cannot be changed")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise RecordIsImmutable(f"{self.model.__name__} rows cannot be deleted")


class AppendOnlyModel(models.Model):
    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None and not self._state.adding:
            raise RecordIsImmutable(f"{type(self).__name__} {self.pk} cannot be changed")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise RecordIsImmutable(f"{type(self).__name__} {self.pk} cannot be deleted")
