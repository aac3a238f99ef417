from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

import pytest

from putright.cases.models import Complaint
from tests.residents import factories


@pytest.fixture
def submit(db: Any, now: datetime) -> Callable[..., Complaint]:
    def make(**overrides: Any) -> Complaint:
        return factories.submit(now, **overrides)

    return make
