"""The world of tests/access: built once for the package, inside a transaction rolled back at its end.

Each test still runs in its own savepoint (pytest-django's `db`), so what one test changes
is gone before the next.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.db import transaction

from tests.access.world import World, build_world


@pytest.fixture(scope="package")
def world(django_db_setup: Any, django_db_blocker: Any) -> Iterator[World]:
    with django_db_blocker.unblock(), transaction.atomic():
        built = build_world()
        yield built
        transaction.set_rollback(True)


def pytest_configure(config: Any) -> None:
    config.addinivalue_line(
        "markers", "faults: faults under load (worker kill, database restart); PostgreSQL only"
    )
