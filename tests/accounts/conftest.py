"""Staff account protection switched on as in production (tests/settings.py may relax it)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.conf import settings
from django.test import override_settings

MIDDLEWARE_PATH = "putright.accounts.middleware.StaffAccountMiddleware"


def production_middleware() -> list[str]:
    middleware = list(settings.MIDDLEWARE)
    if MIDDLEWARE_PATH not in middleware:
        middleware.append(MIDDLEWARE_PATH)
    return middleware


@pytest.fixture
def second_factor_required() -> Iterator[None]:
    with override_settings(MIDDLEWARE=production_middleware(), PUTRIGHT_STAFF_2FA="required"):
        yield


@pytest.fixture
def second_factor_optional() -> Iterator[None]:
    with override_settings(MIDDLEWARE=production_middleware(), PUTRIGHT_STAFF_2FA="optional"):
        yield


@pytest.fixture
def account_protection(second_factor_optional: Any) -> None:
    """The middleware on, without forcing set-up: for the sign-in limit tests."""
