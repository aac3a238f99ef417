"""Complaints built through the real services, with explicit dates (time is an input)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from putright.cases import services
from putright.cases.models import Complaint


def at(day: date, hour: int = 10) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=UTC)


def log(actor: Any, received: date, **overrides: Any) -> Complaint:
    data = services.NewComplaint(
        channel=overrides.pop("channel", "phone"),
        received_at=overrides.pop("received_at", at(received)),
        description=overrides.pop("description", "The repair to my boiler was not done."),
        resident=overrides.pop(
            "resident", services.ResidentDetails(name="Ada Lovelace", email="ada@example.com")
        ),
        **overrides,
    )
    return services.complaint_log(actor=actor, now=data.received_at + timedelta(minutes=5), data=data)


def acknowledge(actor: Any, complaint: Complaint, on: date, handler: Any = None) -> Complaint:
    return services.complaint_acknowledge(
        actor=actor,
        now=at(on, 12),
        complaint_id=complaint.pk,
        acknowledged_on=on,
        definition="The boiler repair has been delayed.",
        outcomes_sought="A working boiler and an apology.",
        responsibility="We are responsible for the boiler; the gas supply is the supplier's.",
        handler=handler,
    )


def respond(actor: Any, complaint: Complaint, on: date, **kwargs: Any) -> Complaint:
    if not kwargs.get("remedies"):
        # An upheld complaint with no remedy must say why (Code 6.9e, 6.19e).
        kwargs.setdefault("no_remedy_reason", "The boiler was repaired the same week at no cost to you.")
    return services.complaint_respond(
        actor=actor,
        now=at(on, 12),
        complaint_id=complaint.pk,
        responded_on=on,
        decision=kwargs.pop("decision", "upheld"),
        reasons=kwargs.pop("reasons", "The repair took too long."),
        **kwargs,
    )


def escalate(actor: Any, complaint: Complaint, on: date) -> Complaint:
    return services.complaint_escalate(
        actor=actor, now=at(on, 12), complaint_id=complaint.pk, requested_at=at(on)
    )
