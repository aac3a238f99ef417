"""Each step on a hazard: lock, ask the rules, save, one event, keep the complaint's queue place."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from django.db import transaction

from putright.cases.models import EventAction
from putright.core.actor import Actor
from putright.core.dates import long_date
from putright.core.errors import InvalidInput
from putright.hazards.models import Hazard
from putright.hazards.services._common import (
    aware_time,
    lock_hazard,
    not_future,
    progress_of,
    regulations,
    save_with_event,
)
from putright.hazards.services.queue import complaint_refresh_hazards
from putright.hazards.services.summary import compose_checked
from putright.rules import hazard_moves as moves
from putright.rules.hazards import STOP_REASONS, StopReason


def _step(
    *,
    actor: Actor | None,
    now: datetime,
    hazard_id: int,
    action: EventAction,
    summary: str,
    check: Callable[[Any], None],
    apply: Callable[[Hazard], None],
    expected_version: int | None,
) -> Hazard:
    with transaction.atomic():
        hazard = lock_hazard(hazard_id, expected_version=expected_version)
        with regulations():
            check(progress_of(hazard))
        apply(hazard)
        save_with_event(hazard, actor=actor, now=now, action=action, summary=summary)
        if hazard.complaint_id is not None:
            complaint_refresh_hazards(hazard.complaint_id)
    return hazard


def _moment(value: datetime, now: datetime, field: str) -> datetime:
    aware_time(value, field)
    not_future(value, now, field)
    return value


def _day(value: date, now: datetime, field: str) -> date:
    not_future(value, now, field)
    return value


def hazard_investigated(
    *,
    actor: Actor | None,
    now: datetime,
    hazard_id: int,
    investigated_at: datetime,
    hazard_found: bool,
    findings: str,
    expected_version: int | None = None,
) -> Hazard:
    """The investigation concluded: the summary, safety work and further works clocks start."""
    at = _moment(investigated_at, now, "investigated_at")
    if not findings.strip():
        raise InvalidInput({"findings": "Record what the investigation found"})

    def apply(h: Hazard) -> None:
        h.investigated_at, h.hazard_found, h.findings = at, hazard_found, findings.strip()

    outcome = "hazard found" if hazard_found else "no hazard found"
    return _step(
        actor=actor,
        now=now,
        hazard_id=hazard_id,
        action=EventAction.HAZARD_INVESTIGATED,
        summary=f"Investigated: {outcome}",
        check=lambda p: moves.check_investigated(p, at=at),
        apply=apply,
        expected_version=expected_version,
    )


def hazard_summary_sent(
    *,
    actor: Actor | None,
    now: datetime,
    hazard_id: int,
    sent_on: date,
    safety_work: str,
    further_works: str,
    updates: str,
    expected_version: int | None = None,
) -> Hazard:
    """The written summary of the investigation's findings went to the tenant. putright
    composes it, fills in the timescales and how to complain, and refuses it (naming the
    requirement) when an element the regulations require is missing."""
    on = _day(sent_on, now, "sent_on")

    def apply(h: Hazard) -> None:
        h.summary_sent_on = on
        h.summary_letter = compose_checked(
            h, safety_work=safety_work, further_works=further_works, updates=updates, sent_on=on
        )

    return _step(
        actor=actor,
        now=now,
        hazard_id=hazard_id,
        action=EventAction.HAZARD_SUMMARY_SENT,
        summary=f"Written summary sent on {long_date(on)}",
        check=lambda p: moves.check_summary_sent(p, on=on),
        apply=apply,
        expected_version=expected_version,
    )


def hazard_made_safe(
    *,
    actor: Actor | None,
    now: datetime,
    hazard_id: int,
    made_safe_at: datetime,
    work: str,
    expected_version: int | None = None,
) -> Hazard:
    """The relevant safety work is done."""
    at = _moment(made_safe_at, now, "made_safe_at")
    if not work.strip():
        raise InvalidInput({"work": "Describe the safety work done"})

    def apply(h: Hazard) -> None:
        h.made_safe_at, h.safety_work = at, work.strip()

    return _step(
        actor=actor,
        now=now,
        hazard_id=hazard_id,
        action=EventAction.HAZARD_MADE_SAFE,
        summary="Made safe",
        check=lambda p: moves.check_made_safe(p, at=at),
        apply=apply,
        expected_version=expected_version,
    )


def hazard_alternative_accommodation(
    *,
    actor: Actor | None,
    now: datetime,
    hazard_id: int,
    provided_at: datetime,
    note: str,
    expected_version: int | None = None,
) -> Hazard:
    """Suitable alternative accommodation secured while the home cannot be made safe in time."""
    at = _moment(provided_at, now, "provided_at")
    if not note.strip():
        raise InvalidInput({"note": "Say where the household is staying"})

    def apply(h: Hazard) -> None:
        h.accommodation_at, h.accommodation = at, note.strip()

    return _step(
        actor=actor,
        now=now,
        hazard_id=hazard_id,
        action=EventAction.HAZARD_ACCOMMODATION,
        summary="Alternative accommodation secured",
        check=lambda p: moves.check_accommodation(p, at=at),
        apply=apply,
        expected_version=expected_version,
    )


def hazard_works_started(
    *,
    actor: Actor | None,
    now: datetime,
    hazard_id: int,
    started_on: date,
    physically: bool = True,
    note: str = "",
    expected_version: int | None = None,
) -> Hazard:
    """Further works begun: physically started, or (``physically=False``) steps taken to begin."""
    on = _day(started_on, now, "started_on")

    def apply(h: Hazard) -> None:
        if physically:
            h.works_started_on = on
            h.works_begun_on = h.works_begun_on or on
        else:
            h.works_begun_on = on
        h.works = note.strip() or h.works

    what = "Further works physically started" if physically else "Steps taken to begin further works"
    return _step(
        actor=actor,
        now=now,
        hazard_id=hazard_id,
        action=EventAction.HAZARD_WORKS_STARTED,
        summary=what,
        check=lambda p: moves.check_works_started(p, on=on, physically=physically),
        apply=apply,
        expected_version=expected_version,
    )


def hazard_works_completed(
    *,
    actor: Actor | None,
    now: datetime,
    hazard_id: int,
    completed_on: date,
    note: str = "",
    expected_version: int | None = None,
) -> Hazard:
    on = _day(completed_on, now, "completed_on")

    def apply(h: Hazard) -> None:
        h.works_completed_on = on
        h.works = note.strip() or h.works

    return _step(
        actor=actor,
        now=now,
        hazard_id=hazard_id,
        action=EventAction.HAZARD_WORKS_COMPLETED,
        summary="Further works completed",
        check=lambda p: moves.check_works_completed(p, on=on),
        apply=apply,
        expected_version=expected_version,
    )


def hazard_exception(
    *,
    actor: Actor | None,
    now: datetime,
    hazard_id: int,
    reason: str,
    evidence: str,
    at: datetime,
    expected_version: int | None = None,
) -> Hazard:
    """A recorded exception stops the clocks still running (never one already missed)."""
    if reason not in StopReason.__members__.values():
        raise InvalidInput({"reason": "Choose decanted, consent_not_obtained or no_hazard_found"})
    moment = _moment(at, now, "at")

    def apply(h: Hazard) -> None:
        h.stopped_at, h.stop_reason, h.stop_evidence = moment, reason, evidence.strip()

    return _step(
        actor=actor,
        now=now,
        hazard_id=hazard_id,
        action=EventAction.HAZARD_EXCEPTION,
        summary=f"Exception: {STOP_REASONS[StopReason(reason)]}",
        check=lambda p: moves.check_stop(p, reason, evidence=evidence, at=moment),
        apply=apply,
        expected_version=expected_version,
    )
