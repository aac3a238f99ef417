"""The steps on a hazard after it is recorded (the written summary is in `summary`)."""

from __future__ import annotations

from datetime import date, datetime

from putright.cases.models import EventAction
from putright.core.actor import Actor
from putright.core.errors import InvalidInput
from putright.hazards.models import Hazard
from putright.hazards.services._step import day_entry, moment_entry, run_step
from putright.rules import hazard_moves as moves
from putright.rules.hazard_data import STOP_REASONS, StopReason


def hazard_investigated(
    *,
    actor: Actor | None,
    now: datetime,
    hazard_id: int,
    investigated_at: datetime,
    hazard_found: bool,
    findings: str,
    late_entry_reason: str = "",
    expected_version: int | None = None,
) -> Hazard:
    """The investigation concluded: the summary, safety work and further works clocks start."""
    entry = moment_entry(
        investigated_at, now, "investigated_at", "the date the investigation concluded", late_entry_reason
    )
    at = investigated_at
    if not findings.strip():
        raise InvalidInput({"findings": "Record what the investigation found"})

    def apply(h: Hazard) -> None:
        h.investigated_at, h.hazard_found, h.findings = at, hazard_found, findings.strip()

    outcome = "hazard found" if hazard_found else "no hazard found"
    return run_step(
        actor=actor,
        now=now,
        hazard_id=hazard_id,
        action=EventAction.HAZARD_INVESTIGATED,
        summary=f"Investigated: {outcome}",
        check=lambda p: moves.check_investigated(p, at=at),
        apply=apply,
        expected_version=expected_version,
        entry=entry,
    )


def hazard_made_safe(
    *,
    actor: Actor | None,
    now: datetime,
    hazard_id: int,
    made_safe_at: datetime,
    work: str,
    late_entry_reason: str = "",
    expected_version: int | None = None,
) -> Hazard:
    """The relevant safety work is done."""
    entry = moment_entry(
        made_safe_at, now, "made_safe_at", "the date the safety work was done", late_entry_reason
    )
    at = made_safe_at
    if not work.strip():
        raise InvalidInput({"work": "Describe the safety work done"})

    def apply(h: Hazard) -> None:
        h.made_safe_at, h.safety_work = at, work.strip()

    return run_step(
        actor=actor,
        now=now,
        hazard_id=hazard_id,
        action=EventAction.HAZARD_MADE_SAFE,
        summary="Made safe",
        check=lambda p: moves.check_made_safe(p, at=at),
        apply=apply,
        expected_version=expected_version,
        entry=entry,
    )


def hazard_alternative_accommodation(
    *,
    actor: Actor | None,
    now: datetime,
    hazard_id: int,
    provided_at: datetime,
    note: str,
    late_entry_reason: str = "",
    expected_version: int | None = None,
) -> Hazard:
    """Suitable alternative accommodation secured while the home cannot be made safe in time."""
    entry = moment_entry(
        provided_at, now, "provided_at", "the date alternative accommodation was secured", late_entry_reason
    )
    at = provided_at
    if not note.strip():
        raise InvalidInput({"note": "Say where the household is staying"})

    def apply(h: Hazard) -> None:
        h.accommodation_at, h.accommodation = at, note.strip()

    return run_step(
        actor=actor,
        now=now,
        hazard_id=hazard_id,
        action=EventAction.HAZARD_ACCOMMODATION,
        summary="Alternative accommodation secured",
        check=lambda p: moves.check_accommodation(p, at=at),
        apply=apply,
        expected_version=expected_version,
        entry=entry,
    )


def hazard_works_started(
    *,
    actor: Actor | None,
    now: datetime,
    hazard_id: int,
    started_on: date,
    physically: bool = True,
    note: str = "",
    late_entry_reason: str = "",
    expected_version: int | None = None,
) -> Hazard:
    """Further works begun: physically started, or (``physically=False``) steps taken to begin."""
    entry = day_entry(started_on, now, "started_on", "the date the further works began", late_entry_reason)
    on = started_on

    def apply(h: Hazard) -> None:
        if physically:
            h.works_started_on = on
            h.works_begun_on = h.works_begun_on or on
        else:
            h.works_begun_on = on
        h.works = note.strip() or h.works

    what = "Further works physically started" if physically else "Steps taken to begin further works"
    return run_step(
        actor=actor,
        now=now,
        hazard_id=hazard_id,
        action=EventAction.HAZARD_WORKS_STARTED,
        summary=what,
        check=lambda p: moves.check_works_started(p, on=on, physically=physically),
        apply=apply,
        expected_version=expected_version,
        entry=entry,
    )


def hazard_works_completed(
    *,
    actor: Actor | None,
    now: datetime,
    hazard_id: int,
    completed_on: date,
    note: str = "",
    late_entry_reason: str = "",
    expected_version: int | None = None,
) -> Hazard:
    entry = day_entry(
        completed_on, now, "completed_on", "the date the further works were completed", late_entry_reason
    )
    on = completed_on

    def apply(h: Hazard) -> None:
        h.works_completed_on = on
        h.works = note.strip() or h.works

    return run_step(
        actor=actor,
        now=now,
        hazard_id=hazard_id,
        action=EventAction.HAZARD_WORKS_COMPLETED,
        summary="Further works completed",
        check=lambda p: moves.check_works_completed(p, on=on),
        apply=apply,
        expected_version=expected_version,
        entry=entry,
    )


def hazard_exception(
    *,
    actor: Actor | None,
    now: datetime,
    hazard_id: int,
    reason: str,
    evidence: str,
    at: datetime,
    late_entry_reason: str = "",
    expected_version: int | None = None,
) -> Hazard:
    """A recorded exception stops the clocks still running (never one already missed)."""
    if reason not in StopReason.__members__.values():
        raise InvalidInput({"reason": "Choose decanted, consent_not_obtained or no_hazard_found"})
    entry = moment_entry(at, now, "at", "the date of the exception", late_entry_reason)
    moment = at

    def apply(h: Hazard) -> None:
        h.stopped_at, h.stop_reason, h.stop_evidence = moment, reason, evidence.strip()

    return run_step(
        actor=actor,
        now=now,
        hazard_id=hazard_id,
        action=EventAction.HAZARD_EXCEPTION,
        summary=f"Exception: {STOP_REASONS[StopReason(reason)]}",
        check=lambda p: moves.check_stop(p, reason, evidence=evidence, at=moment),
        apply=apply,
        expected_version=expected_version,
        entry=entry,
    )
