"""Which recorded steps on a hazard the regulations allow, and in what order.

Each check raises :class:`~putright.rules.hazards.HazardRuleViolation` naming the
requirement it protects (the API answers 422 with that reference). Dates and instants are
passed in; nothing here reads a clock.
"""

from __future__ import annotations

from datetime import date, datetime

from putright.rules.hazard_data import STOP_REASONS, Duty, StopReason, duty_rule
from putright.rules.hazard_scope import IN_FORCE, REGULATIONS, SHORT_NAME, HazardKind, phase_covering
from putright.rules.hazards import HazardRuleViolation, Progress, aware_on


def _ref(duty: Duty, kind: HazardKind) -> str:
    return duty_rule(duty, kind).reference


def check_record(kind: HazardKind | str, hazard: str, *, aware_at: datetime) -> None:
    """A hazard is recorded under the duties only when a phase in force covers it."""
    kind = HazardKind(kind)
    on = aware_on(aware_at)
    if on < IN_FORCE:
        raise HazardRuleViolation(
            f"Awaab's Law applies to hazards the landlord became aware of from {IN_FORCE:%-d %B %Y}",
            reference=f"{REGULATIONS}, commencement",
        )
    if phase_covering(kind, hazard, aware_on=on) is None:
        raise HazardRuleViolation(
            f"On {on:%-d %B %Y} a {hazard.replace('_', ' ')} hazard is not in scope as {kind.value}: "
            "crowding and space is never an emergency hazard, and only damp and mould is a "
            "significant hazard in Phase 1",
            reference=f"{SHORT_NAME}: hazards in scope",
        )


def _not_closed(progress: Progress, duty: Duty) -> None:
    if progress.closed:
        raise HazardRuleViolation(
            "This hazard is closed: its works are complete, an exception stopped its clocks, "
            "or the investigation found no hazard",
            reference=_ref(duty, progress.kind),
        )


def _not_before(moment: datetime, earliest: datetime, what: str, duty: Duty, kind: HazardKind) -> None:
    if moment < earliest:
        raise HazardRuleViolation(f"This cannot be before {what}", reference=_ref(duty, kind))


def check_investigated(progress: Progress, *, at: datetime) -> None:
    _not_closed(progress, Duty.INVESTIGATE)
    if progress.investigated_at is not None:
        raise HazardRuleViolation(
            "The investigation is already recorded", reference=_ref(Duty.INVESTIGATE, progress.kind)
        )
    _not_before(at, progress.aware_at, "the landlord became aware", Duty.INVESTIGATE, progress.kind)


def _investigated(progress: Progress, duty: Duty) -> datetime:
    if progress.investigated_at is None:
        raise HazardRuleViolation(
            "Record the investigation first: this duty runs from its conclusion",
            reference=_ref(duty, progress.kind),
        )
    return progress.investigated_at


def check_summary_sent(progress: Progress, *, on: date) -> None:
    """The written summary reports the investigation's findings, so it follows it."""
    reference = _ref(Duty.WRITTEN_SUMMARY, HazardKind.SIGNIFICANT)
    if progress.summary_sent_on is not None:
        raise HazardRuleViolation("The written summary is already recorded", reference=reference)
    if progress.investigated_at is None:
        raise HazardRuleViolation(
            "Record the investigation first: the summary reports it", reference=reference
        )
    if on < aware_on(progress.investigated_at):
        raise HazardRuleViolation(
            "The summary cannot be sent before the investigation concluded", reference=reference
        )


def check_made_safe(progress: Progress, *, at: datetime) -> None:
    _not_closed(progress, Duty.MAKE_SAFE)
    investigated = _investigated(progress, Duty.MAKE_SAFE)
    if progress.made_safe_at is not None:
        raise HazardRuleViolation(
            "Safety work is already recorded", reference=_ref(Duty.MAKE_SAFE, progress.kind)
        )
    _not_before(at, investigated, "the investigation", Duty.MAKE_SAFE, progress.kind)


def check_accommodation(progress: Progress, *, at: datetime) -> None:
    _not_closed(progress, Duty.MAKE_SAFE)
    if progress.accommodation_at is not None:
        raise HazardRuleViolation(
            "Alternative accommodation is already recorded", reference=_ref(Duty.MAKE_SAFE, progress.kind)
        )
    _not_before(at, progress.aware_at, "the landlord became aware", Duty.MAKE_SAFE, progress.kind)


def _significant(progress: Progress, duty: Duty) -> None:
    if progress.kind is not HazardKind.SIGNIFICANT:
        raise HazardRuleViolation(
            "Further works are duties on significant hazards; an emergency ends when made safe",
            reference=_ref(duty, HazardKind.SIGNIFICANT),
        )


def check_works_started(progress: Progress, *, on: date, physically: bool) -> None:
    duty = Duty.START_WORKS if physically else Duty.BEGIN_WORKS
    _significant(progress, duty)
    _not_closed(progress, duty)
    investigated = _investigated(progress, duty)
    already = progress.works_started_on if physically else progress.works_begun_on
    if already is not None:
        raise HazardRuleViolation("That start is already recorded", reference=_ref(duty, progress.kind))
    if on < aware_on(investigated):
        raise HazardRuleViolation(
            "Works cannot start before the investigation", reference=_ref(duty, progress.kind)
        )


def check_works_completed(progress: Progress, *, on: date) -> None:
    _significant(progress, Duty.START_WORKS)
    _not_closed(progress, Duty.START_WORKS)
    if progress.works_started_on is None or on < progress.works_started_on:
        raise HazardRuleViolation(
            "Record when the further works physically started, on or before their completion",
            reference=_ref(Duty.START_WORKS, progress.kind),
        )


def check_stop(progress: Progress, reason: StopReason | str, *, evidence: str, at: datetime) -> None:
    """An exception stops the clocks only with its evidence on the record."""
    reason = StopReason(reason)
    reference = f"{SHORT_NAME}: exception ({STOP_REASONS[reason].lower()})"
    if progress.stopped_at is not None or progress.closed:
        raise HazardRuleViolation("This hazard is already closed", reference=reference)
    if not evidence.strip():
        raise HazardRuleViolation("Give the evidence for this exception", reference=reference)
    if reason is StopReason.NO_HAZARD_FOUND and progress.investigated_at is None:
        raise HazardRuleViolation(
            "Only a further investigation can find no hazard: record the first one", reference=reference
        )
    if at < progress.aware_at:
        raise HazardRuleViolation("This cannot be before the landlord became aware", reference=reference)
