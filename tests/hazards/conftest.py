"""Complaints to hang hazards on, logged through the real intake service."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.test import Client

from putright.accounts.models import User
from putright.cases import services
from putright.cases.models import Complaint

LONDON = ZoneInfo("Europe/London")
# Monday 3 November 2025, 09:00: the worked examples.
MONDAY = datetime(2025, 11, 3, 9, 0, tzinfo=LONDON)


@pytest.fixture
def log_complaint(db: Any, officer: User) -> Callable[..., Complaint]:
    def make(
        *, received_at: datetime = MONDAY, description: str = "The kitchen tap leaks.", **fields: Any
    ) -> Complaint:
        data = services.NewComplaint(
            channel=fields.pop("channel", "phone"),
            received_at=received_at,
            description=description,
            resident=services.ResidentDetails(name="Ada Lovelace", email="ada@example.com"),
            **fields,
        )
        return services.complaint_log(actor=officer, now=received_at, data=data)

    return make


@pytest.fixture
def client_for(db: Any) -> Callable[[User], Client]:
    def make(user: User) -> Client:
        client = Client()
        client.force_login(user)
        return client

    return make
