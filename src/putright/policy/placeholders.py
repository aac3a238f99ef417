"""The numbers and names a policy section takes from the settings, never typed in.

A section's text holds ``{stage1_respond_days}`` and the like; they are filled when the
policy is shown, from the settings that also set every case's deadlines and from the named
roles, so the policy cannot say one thing while the deadlines do another.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from putright.landlord.models import LandlordSettings, NamedRole, NamedRoleKind
from putright.residents.policy import policy_timescales

PLACEHOLDER = re.compile(r"\{([a-z0-9_]+)\}")
NAMES = (
    "landlord_name",
    "stage1_acknowledge_days",
    "stage1_respond_days",
    "stage1_extension_days",
    "stage2_acknowledge_days",
    "stage2_respond_days",
    "stage2_extension_days",
    "ombudsman_details",
    "complaints_email",
    "complaints_phone",
    "complaints_address",
    "complaints_officer",
    "mrc",
    "senior_lead",
)


def placeholder_values(
    landlord: LandlordSettings | None = None, *, timescales: Mapping[str, int] | None = None
) -> dict[str, str]:
    """What each placeholder says today; a draft passes the ``timescales`` it proposes."""
    landlord = landlord or LandlordSettings.current()
    t = policy_timescales(landlord)
    holders = {r.role: r for r in NamedRole.objects.filter(until__isnull=True, area="")}

    def who(kind: NamedRoleKind) -> str:
        holder = holders.get(kind.value)
        if holder is None:
            return "(not yet named)"
        return f"{holder.name}, {holder.contact}" if holder.contact else holder.name

    values = {
        "landlord_name": landlord.name,
        "stage1_acknowledge_days": str(t.stage1_acknowledge),
        "stage1_respond_days": str(t.stage1_respond),
        "stage1_extension_days": str(t.stage1_extension),
        "stage2_acknowledge_days": str(t.stage2_acknowledge),
        "stage2_respond_days": str(t.stage2_respond),
        "stage2_extension_days": str(t.stage2_extension),
        "ombudsman_details": landlord.ombudsman_details,
        "complaints_email": landlord.complaints_email,
        "complaints_phone": landlord.complaints_phone,
        "complaints_address": landlord.complaints_address,
        "complaints_officer": who(NamedRoleKind.COMPLAINTS_OFFICER),
        "mrc": who(NamedRoleKind.MEMBER_RESPONSIBLE),
        "senior_lead": who(NamedRoleKind.SENIOR_LEAD),
    }
    for name, days in (timescales or {}).items():
        values[name] = str(days)
    return values


def unknown_placeholders(text: str) -> list[str]:
    return [name for name in PLACEHOLDER.findall(text) if name not in NAMES]


def fill(text: str, values: Mapping[str, str]) -> str:
    """``text`` with each known placeholder replaced; an unknown one is left as typed."""
    return PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), text)
