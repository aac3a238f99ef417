"""Who held the Code's named roles in the report's period (Code 3.5, 9.6-9.8)."""

from __future__ import annotations

from putright.governance.documents.blocks import Block, Heading, Para
from putright.governance.documents.fmt import day
from putright.governance.selectors.periods import Period
from putright.landlord.models import NamedRoleKind
from putright.landlord.roles import named_role_holders


def named_roles_blocks(period: Period) -> list[Block]:
    holders = named_role_holders(start=period.start, end=period.end)
    blocks: list[Block] = [Heading("Who is responsible for complaints (Code 3.5, 9.6-9.8)", 3)]
    for kind in NamedRoleKind:
        people = holders[kind.value]
        if not people:
            blocks.append(Para(f"{kind.label}: not recorded for this period."))
            continue
        named = "; ".join(
            f"{p.name}, from {day(p.since)}" + (f" to {day(p.until)}" if p.until else "") for p in people
        )
        blocks.append(Para(f"{kind.label}: {named}."))
    return blocks
