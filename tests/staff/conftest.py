"""Staff page fixtures: complaints made through the real services, relative to the real clock
(the pages read the clock at the edge, so "today" is today)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from putright.accounts.models import Role, User
from putright.cases import services
from putright.cases.models import Complaint


@pytest.fixture
def clock() -> datetime:
    return timezone.now()


@pytest.fixture
def log_complaint(db: Any, officer: User, clock: datetime) -> Callable[..., Complaint]:
    def make(*, name: str = "Ada Lovelace", days_ago: int = 0, **fields: Any) -> Complaint:
        received = clock - timedelta(days=days_ago)
        data = services.NewComplaint(
            channel=fields.pop("channel", "phone"),
            received_at=received,
            description=fields.pop("description", "The kitchen tap has leaked for six weeks."),
            resident=services.ResidentDetails(name=name, email="ada@example.com"),
            **fields,
        )
        return services.complaint_log(actor=officer, now=clock, data=data)

    return make


@pytest.fixture
def acknowledge(clock: datetime) -> Callable[..., Complaint]:
    def ack(complaint: Complaint, handler: User, *, on: Any = None) -> Complaint:
        return services.complaint_acknowledge(
            actor=handler,
            now=clock,
            complaint_id=complaint.pk,
            acknowledged_on=on or timezone.localdate(),
            definition="The tap leaks and repairs did not fix it.",
            outcomes_sought="The tap fixed.",
            responsibility="We are responsible for the tap.",
            handler=handler,
            # Used only when `on` is before today, a late entry that must say why (5.12).
            late_entry_reason="Acknowledged on paper first",
        )

    return ack


@pytest.fixture
def promise(clock: datetime) -> Callable[..., Complaint]:
    """Respond to an acknowledged complaint, not upheld, with outstanding actions (Code 6.6):
    `actions` is a list of (description, days from today, owner)."""

    def respond(complaint: Complaint, actor: User, actions: list[tuple[str, int, User]]) -> Complaint:
        return services.complaint_respond(
            actor=actor,
            now=clock,
            complaint_id=complaint.pk,
            responded_on=timezone.localdate(),
            decision="not_upheld",
            reasons="The repair was on time; the follow-up visits are promised below.",
            remedies=[],
            outstanding_actions=[
                services.ActionInput(
                    description=words, promise_on=timezone.localdate() + timedelta(days=days), owner=owner
                )
                for words, days, owner in actions
            ],
        )

    return respond


@pytest.fixture
def client_for(db: Any) -> Callable[[User], Client]:
    def make(user: User) -> Client:
        client = Client()
        client.force_login(user)
        return client

    return make


@pytest.fixture
def governance(make_user: Callable[..., User]) -> User:
    return make_user(Role.GOVERNANCE, "gwen")


@pytest.fixture
def administrator(make_user: Callable[..., User]) -> User:
    user = make_user(Role.ADMINISTRATOR, "adam")
    user.is_staff = True
    user.save()
    return user
