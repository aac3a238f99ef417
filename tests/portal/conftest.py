from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from putright.cases.models import Complaint
from putright.residents.models import ResidentSession
from tests.residents import factories

# Valid answers for each page of the flow, as a browser would post them.
ANSWERS: dict[str, dict[str, str]] = {
    "who": {"who": "myself"},
    "representative": {"rep_name": "Ben Helper", "relationship": "son", "resident_agrees": "on"},
    "what-happened": {"description": "Black mould in the bathroom and no one came."},
    "when": {"when": "not_sure"},
    "outcome": {"outcomes": "Treat the mould."},
    "details": {"name": "Ada Resident", "address": "1 Flat Lane", "home": "general_needs"},
    "contact": {"contact": "email", "email": "ada@example.org"},
    "help": {"letter_format": "standard", "adjustments": ""},
}
STEPS = ["who", "what-happened", "when", "outcome", "details", "contact", "help"]


def walk(client: Client, *, someone_else: bool = False, **overrides: dict[str, str]) -> None:
    """Answer every page of the flow, up to the check-your-answers page."""
    steps = list(STEPS)
    if someone_else:
        steps.insert(1, "representative")
        overrides.setdefault("who", {"who": "someone_else"})
    for slug in steps:
        data = overrides.get(slug.replace("-", "_"), ANSWERS[slug])
        response = client.post(f"/complain/{slug}/", data)
        assert response.status_code == 302, (slug, response.content.decode()[:3000])


@pytest.fixture
def complaint(db: Any) -> Complaint:
    return factories.submit(timezone.now())


@pytest.fixture
def signed_in(db: Any) -> Callable[[Client, str], Client]:
    """Sign a client in as the holder of `email` (the sign-in pages are tested on their own)."""

    def sign(client: Client, email: str) -> Client:
        now: datetime = timezone.now()
        row = ResidentSession.objects.create(
            email=email, via="code", started_at=now, expires_at=now + timedelta(hours=1)
        )
        session = client.session
        session["resident_session"] = row.pk
        session.save()
        return client

    return sign
