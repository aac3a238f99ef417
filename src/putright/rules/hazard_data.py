"""Awaab's Law duties as dated data: which duty applies to which kind of hazard from when,
how long each clock runs, and the exceptions that stop the clocks.

Kept apart from :mod:`putright.rules.hazards` (the functions that count the deadlines) so
that a change in the regulations is a change of data here, read in one place, and the
counting code does not move with it. Source: the Hazards in Social Housing (Prescribed
Requirements) (England) Regulations 2025.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from putright.rules.hazard_scope import IN_FORCE, SHORT_NAME, HazardKind


class Duty(StrEnum):
    INVESTIGATE = "investigate"
    MAKE_SAFE = "make_safe"
    WRITTEN_SUMMARY = "written_summary"
    BEGIN_WORKS = "begin_further_works"
    START_WORKS = "start_further_works"


@dataclass(frozen=True)
class DutyRule:
    """One duty: for which kind, from when, how long, and the requirement it implements."""

    duty: Duty
    kind: HazardKind
    effective: date
    requirement: str

    @property
    def reference(self) -> str:
        return f"{SHORT_NAME}: {self.requirement}"


E, S = HazardKind.EMERGENCY, HazardKind.SIGNIFICANT
DUTIES: tuple[DutyRule, ...] = (
    DutyRule(Duty.INVESTIGATE, E, IN_FORCE, "emergency hazard investigated within 24 hours of awareness"),
    DutyRule(
        Duty.MAKE_SAFE,
        E,
        IN_FORCE,
        "emergency safety work done, or suitable alternative accommodation secured, within 24 hours",
    ),
    DutyRule(
        Duty.INVESTIGATE, S, IN_FORCE, "significant hazard investigated within 10 working days of awareness"
    ),
    DutyRule(
        Duty.WRITTEN_SUMMARY,
        S,
        IN_FORCE,
        "written summary of findings to the tenant within 3 working days of the investigation concluding",
    ),
    DutyRule(
        Duty.MAKE_SAFE,
        S,
        IN_FORCE,
        "relevant safety work within 5 working days of the investigation concluding, "
        "or suitable alternative accommodation",
    ),
    DutyRule(
        Duty.BEGIN_WORKS,
        S,
        IN_FORCE,
        "further works begun, or steps taken to begin them, within 5 working days of the investigation",
    ),
    DutyRule(
        Duty.START_WORKS,
        S,
        IN_FORCE,
        "further works physically started within 12 weeks of the investigation and completed in a reasonable time",
    ),
)
INVESTIGATE_WORKING_DAYS = 10
SUMMARY_WORKING_DAYS = 3
MAKE_SAFE_WORKING_DAYS = 5
BEGIN_WORKS_WORKING_DAYS = 5
START_WORKS_DAYS = 7 * 12
EMERGENCY_HOURS = 24


def duty_rule(duty: Duty, kind: HazardKind | str) -> DutyRule:
    kind = HazardKind(kind)
    return next(r for r in DUTIES if r.duty is duty and r.kind is kind)


class StopReason(StrEnum):
    """The recorded exceptions that stop the clocks, each needing its evidence."""

    DECANTED = "decanted"
    CONSENT_NOT_OBTAINED = "consent_not_obtained"
    NO_HAZARD_FOUND = "no_hazard_found"


STOP_REASONS: dict[StopReason, str] = {
    StopReason.DECANTED: "The household moved out of the home (decanted) before the deadline",
    StopReason.CONSENT_NOT_OBTAINED: (
        "A third party's consent is needed and was not obtained after all reasonable steps"
    ),
    StopReason.NO_HAZARD_FOUND: "A further investigation found no hazard, or no work needed",
}
