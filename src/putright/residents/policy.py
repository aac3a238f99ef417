"""The landlord's complaint timescales as residents are told them (Code 3.4).

From the landlord's settings, but never longer than the Code's: a setting above the
Code's limit is shown as the Code's limit, because that is what the resident is owed.
"""

from __future__ import annotations

from dataclasses import dataclass

from putright.landlord.models import LandlordSettings
from putright.rules.timescales import HOS_2024


@dataclass(frozen=True)
class Timescales:
    stage1_acknowledge: int
    stage1_respond: int
    stage1_extension: int
    stage2_acknowledge: int
    stage2_respond: int
    stage2_extension: int


def policy_timescales(landlord: LandlordSettings | None = None) -> Timescales:
    landlord = landlord or LandlordSettings.current()
    code = HOS_2024

    def capped(ours: int, limit: int) -> int:
        return min(ours, limit) if ours >= 1 else limit

    return Timescales(
        stage1_acknowledge=capped(landlord.stage1_acknowledge_days, code.acknowledge_days[1]),
        stage1_respond=capped(landlord.stage1_respond_days, code.respond_days[1]),
        stage1_extension=code.extension_cap_days[1],
        stage2_acknowledge=capped(landlord.stage2_acknowledge_days, code.acknowledge_days[2]),
        stage2_respond=capped(landlord.stage2_respond_days, code.respond_days[2]),
        stage2_extension=code.extension_cap_days[2],
    )
