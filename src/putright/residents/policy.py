"""The landlord's complaint timescales as residents are told them (Code 3.4, 5.1).

The same policy that sets every deadline (`putright.cases.services.deadlines.landlord_policy`),
so the published page, the letters and the dates on a case never disagree. A setting above
the Code's limit cannot be saved; if one were found it would be shown as the Code's limit,
because that is what the resident is owed.
"""

from __future__ import annotations

from dataclasses import dataclass

from putright.cases.services.deadlines import landlord_policy
from putright.landlord.models import LandlordSettings


@dataclass(frozen=True)
class Timescales:
    stage1_acknowledge: int
    stage1_respond: int
    stage1_extension: int
    stage2_acknowledge: int
    stage2_respond: int
    stage2_extension: int


def policy_timescales(landlord: LandlordSettings | None = None) -> Timescales:
    policy = landlord_policy(landlord)
    return Timescales(
        stage1_acknowledge=policy.acknowledge_days[1],
        stage1_respond=policy.respond_days[1],
        stage1_extension=policy.extension_cap_days[1],
        stage2_acknowledge=policy.acknowledge_days[2],
        stage2_respond=policy.respond_days[2],
        stage2_extension=policy.extension_cap_days[2],
    )
