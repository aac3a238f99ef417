from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from putright.accounts.models import Role, User


@pytest.fixture
def governor(make_user: Callable[..., User]) -> User:
    return make_user(Role.GOVERNANCE, "gina")


@pytest.fixture
def signed_in(db: Any) -> Callable[[User], Client]:
    def make(user: User) -> Client:
        client = Client()
        client.force_login(user)
        return client

    return make
