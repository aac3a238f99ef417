"""Which hazards Awaab's Law covers, and from when: dated data, not code.

The Hazards in Social Housing (Prescribed Requirements) (England) Regulations 2025 bring the
29 hazards of the Housing Health and Safety Rating System (HHSRS, Housing Act 2004) into
scope in phases. Phase 1 (from 27 October 2025): damp and mould as significant hazards, and
every HHSRS hazard except crowding and space as an emergency hazard. A later phase is one
more :class:`Phase` entry in :data:`PHASES` with its date and its test; nothing else changes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

REGULATIONS = "Hazards in Social Housing (Prescribed Requirements) (England) Regulations 2025"
SHORT_NAME = "HSH Regs 2025"

# The 29 HHSRS hazards (Housing Health and Safety Rating System (England) Regulations 2005,
# Schedule 1), named as the API spells them, in the order of the schedule.
HHSRS: dict[str, str] = {
    "damp_and_mould": "Damp and mould growth",
    "excess_cold": "Excess cold",
    "excess_heat": "Excess heat",
    "asbestos_and_mmf": "Asbestos and manufactured mineral fibres",
    "biocides": "Biocides",
    "carbon_monoxide": "Carbon monoxide and fuel combustion products",
    "lead": "Lead",
    "radiation": "Radiation",
    "uncombusted_fuel_gas": "Uncombusted fuel gas",
    "volatile_organic_compounds": "Volatile organic compounds",
    "crowding_and_space": "Crowding and space",
    "entry_by_intruders": "Entry by intruders",
    "lighting": "Lighting",
    "noise": "Noise",
    "domestic_hygiene": "Domestic hygiene, pests and refuse",
    "food_safety": "Food safety",
    "personal_hygiene": "Personal hygiene, sanitation and drainage",
    "water_supply": "Water supply",
    "falls_associated_with_baths": "Falls associated with baths etc.",
    "falls_on_level_surfaces": "Falling on level surfaces etc.",
    "falls_on_stairs": "Falling on stairs etc.",
    "falls_between_levels": "Falling between levels",
    "electrical_hazards": "Electrical hazards",
    "fire": "Fire",
    "flames_hot_surfaces": "Flames, hot surfaces etc.",
    "collision_and_entrapment": "Collision and entrapment",
    "explosions": "Explosions",
    "position_of_amenities": "Position and operability of amenities etc.",
    "structural_collapse": "Structural collapse and falling elements",
}


class HazardKind(StrEnum):
    """How serious a hazard is, as the regulations define it.

    Emergency: an imminent and significant risk of harm, one a reasonable landlord would make
    safe within 24 hours. Significant: a significant risk of harm, to be made safe as a matter
    of urgency but not within 24 hours.
    """

    EMERGENCY = "emergency"
    SIGNIFICANT = "significant"


@dataclass(frozen=True)
class Phase:
    """Hazards brought into scope from ``in_force`` (a date in England), by kind."""

    name: str
    in_force: date
    significant: frozenset[str]
    emergency: frozenset[str]

    def covers(self, kind: HazardKind, hazard: str) -> bool:
        return hazard in (self.emergency if kind is HazardKind.EMERGENCY else self.significant)


PHASES: tuple[Phase, ...] = (
    Phase(
        name="Phase 1",
        in_force=date(2025, 10, 27),
        significant=frozenset({"damp_and_mould"}),
        emergency=frozenset(HHSRS) - {"crowding_and_space"},
    ),
)
IN_FORCE = PHASES[0].in_force


def phase_covering(kind: HazardKind | str, hazard: str, *, aware_on: date) -> Phase | None:
    """The first phase in force on ``aware_on`` that covers this hazard of this kind, or None.

    A phase applies to hazards the landlord became aware of on or after its date: the duty
    runs from awareness, so awareness decides which phase governs.
    """
    kind = HazardKind(kind)
    for phase in PHASES:
        if phase.in_force <= aware_on and phase.covers(kind, hazard):
            return phase
    return None


def hazard_label(hazard: str) -> str:
    """The HHSRS name of ``hazard``; an unknown name is a ``ValueError``."""
    try:
        return HHSRS[hazard]
    except KeyError:
        raise ValueError(f"{hazard!r} is not an HHSRS hazard") from None
