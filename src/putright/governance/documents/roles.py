"""Who held the Code's named roles in the report's period (Code 4.1, 9.4-9.7), the complaint
champions per service area, and the complaint-handling training staff completed (3.2, 9.8)."""

from __future__ import annotations

from putright.governance.documents.blocks import Block, Heading, Para
from putright.governance.documents.fmt import day
from putright.governance.selectors.periods import Period
from putright.landlord.models import NAMED_ROLE_PARAGRAPHS, NamedRole, NamedRoleKind
from putright.landlord.roles import named_role_holders, training_records


def _term(p: NamedRole) -> str:
    return f"{p.name}, from {day(p.since)}" + (f" to {day(p.until)}" if p.until else "")


def named_roles_blocks(period: Period) -> list[Block]:
    holders = named_role_holders(start=period.start, end=period.end)
    blocks: list[Block] = [Heading("Who is responsible for complaints (Code 4.1, 9.4-9.7)", 3)]
    for kind in NamedRoleKind:
        people = holders[kind.value]
        if kind is NamedRoleKind.CHAMPION:
            if people:
                areas = "; ".join(f"{p.area}: {_term(p)}" for p in people)
                blocks.append(Para(f"Complaint champions by service area: {areas}."))
            continue
        if not people:
            blocks.append(Para(f"{kind.label}: not recorded for this period."))
            continue
        terms = "; ".join(_term(p) for p in people)
        blocks.append(Para(f"{kind.label}: {terms} (Code {NAMED_ROLE_PARAGRAPHS[kind]})."))
    blocks += training_blocks(period)
    return blocks


def training_blocks(period: Period) -> list[Block]:
    records = training_records(start=period.start, end=period.end)
    if not records:
        return [Para("Complaint-handling training: none recorded for this period.")]
    people = len({r.person for r in records})
    listed = "; ".join(f"{r.person}, {r.course}, {day(r.completed_on)}" for r in records)
    return [
        Heading("Complaint-handling training (Code 3.2, 9.8)", 3),
        Para(
            f"{len(records)} training record{'s' if len(records) != 1 else ''} for {people} "
            f"{'person' if people == 1 else 'people'}: {listed}."
        ),
    ]
