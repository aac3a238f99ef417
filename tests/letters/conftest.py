"""Complaints built through the real case services, for the letters tests."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

import pytest

from putright.accounts.models import User
from putright.cases import services
from putright.cases.models import Complaint

RECEIVED_AT = datetime(2026, 11, 23, 9, 30, tzinfo=UTC)  # Monday 23 November 2026
ACKNOWLEDGED_ON = date(2026, 11, 25)


@pytest.fixture
def log_complaint(db: Any, officer: User, now: datetime) -> Callable[..., Complaint]:
    def make(
        *,
        name: str = "Ada Lovelace",
        email: str = "ada@example.com",
        address: str = "12 Mill Road\nAnytown\nAT1 2BC",
        preferred_channel: str = "email",
        preferred_format: str = "standard",
        representative: services.RepresentativeDetails | None = None,
    ) -> Complaint:
        return services.complaint_log(
            actor=officer,
            now=now,
            data=services.NewComplaint(
                channel="phone",
                received_at=RECEIVED_AT,
                description="The kitchen window has not closed since October and the repair was missed twice.",
                resident=services.ResidentDetails(
                    name=name,
                    email=email,
                    address=address,
                    preferred_channel=preferred_channel,
                    preferred_format=preferred_format,
                ),
                representative=representative,
            ),
        )

    return make


@pytest.fixture
def complaint(log_complaint: Callable[..., Complaint]) -> Complaint:
    return log_complaint()


@pytest.fixture
def acknowledged(complaint: Complaint, handler: User, now: datetime) -> Complaint:
    return services.complaint_acknowledge(
        actor=handler,
        now=now,
        complaint_id=complaint.pk,
        acknowledged_on=ACKNOWLEDGED_ON,
        definition="The kitchen window does not close, and two repair appointments were missed.",
        outcomes_sought="The window repaired, and an apology for the missed appointments.",
        responsibility="We are responsible for the window. The fence belongs to the council.",
        # Acknowledged on 25 November, entered on 1 December (the fixed clock): a late entry (5.12).
        late_entry_reason="Acknowledged by phone; entered on return",
    )
