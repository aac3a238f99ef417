"""Demo hazards in every state, made through the hazard services like real ones."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from typing import Any

from putright.cases.models import Complaint
from putright.core.actor import Actor
from putright.core.dates import ENGLAND
from putright.hazards import services
from putright.hazards.models import Hazard
from putright.rules.hazard_scope import IN_FORCE

Step = Callable[[Any, Hazard, datetime], None]


def _at(day: date, hour: int) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=ENGLAND)


def _investigate(actor: Actor | None, h: Hazard, at: datetime, found: bool = True) -> None:
    findings = (
        "Black mould on the bedroom wall behind the wardrobe" if found else "No damp found on a second visit"
    )
    services.hazard_investigated(
        actor=actor, now=at, hazard_id=h.pk, investigated_at=at, hazard_found=found, findings=findings
    )


def _summary(actor: Actor | None, h: Hazard, at: datetime) -> None:
    services.hazard_summary_sent(
        actor=actor,
        now=at,
        hazard_id=h.pk,
        sent_on=at.date(),
        safety_work="Treat the mould and fix the extractor fan",
        further_works="Insulate the external wall",
        updates="A call from your caseworker every Friday until the works are done",
    )


def _safe(actor: Actor | None, h: Hazard, at: datetime) -> None:
    services.hazard_made_safe(
        actor=actor, now=at, hazard_id=h.pk, made_safe_at=at, work="Mould treated; vent fixed"
    )


def _started(actor: Actor | None, h: Hazard, at: datetime) -> None:
    services.hazard_works_started(
        actor=actor, now=at, hazard_id=h.pk, started_on=at.date(), note="New extractor fan"
    )


def _completed(actor: Actor | None, h: Hazard, at: datetime) -> None:
    services.hazard_works_completed(actor=actor, now=at, hazard_id=h.pk, completed_on=at.date())


def _decanted(actor: Actor | None, h: Hazard, at: datetime) -> None:
    services.hazard_exception(
        actor=actor,
        now=at,
        hazard_id=h.pk,
        reason="decanted",
        evidence="Household moved to 12 Elm Road",
        at=at,
    )


def _housed(actor: Actor | None, h: Hazard, at: datetime) -> None:
    services.hazard_alternative_accommodation(
        actor=actor, now=at, hazard_id=h.pk, provided_at=at, note="Hotel while the ceiling is propped"
    )


# (kind, hazard, steps with the day after awareness each happens): one of each state.
STATES: list[tuple[str, str, list[tuple[int, Step]]]] = [
    ("significant", "damp_and_mould", []),
    ("significant", "damp_and_mould", [(3, _investigate)]),
    ("significant", "damp_and_mould", [(3, _investigate), (4, _summary), (6, _safe)]),
    ("significant", "damp_and_mould", [(2, _investigate), (3, _summary), (5, _safe), (7, _started)]),
    (
        "significant",
        "damp_and_mould",
        [(2, _investigate), (3, _summary), (4, _safe), (6, _started), (20, _completed)],
    ),
    ("significant", "damp_and_mould", [(2, _investigate), (3, _decanted)]),
    (
        "significant",
        "damp_and_mould",
        [(2, lambda a, h, t: _investigate(a, h, t, found=False)), (3, _summary)],
    ),
    ("emergency", "structural_collapse", [(0, _investigate), (0, _housed)]),
    ("emergency", "uncombusted_fuel_gas", [(0, _investigate), (0, _safe)]),
]


def demo_hazards(*, actor: Actor | None, today: date) -> int:
    """Hazards in every state on damp and mould complaints received since Awaab's Law began.

    Older complaints go furthest through the duties; the newest stays open and one is
    left uninvestigated long enough to be overdue.
    """
    complaints = list(
        Complaint.objects.filter(category__slug="damp-mould", received_on__gte=IN_FORCE, hazard="")
        .order_by("received_at")
        .only("pk", "received_at")[: len(STATES) * 2]
    )
    made = 0
    for complaint, (kind, name, steps) in zip(complaints[::2], STATES, strict=False):
        aware = complaint.received_at
        last = max((day for day, _ in steps), default=0)
        if aware.date() + timedelta(days=last) > today:
            continue
        hazard = services.hazard_record(
            actor=actor,
            now=aware,
            data=services.NewHazard(
                complaint_id=complaint.pk, kind=kind, hazard=name, description="Reported with the complaint"
            ),
        )
        for day, step in steps:
            step(actor, hazard, max(aware, _at(aware.astimezone(ENGLAND).date() + timedelta(days=day), 11)))
        made += 1
    return made
