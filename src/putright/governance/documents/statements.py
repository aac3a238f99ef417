"""Report blocks for statements counted from the record (Code 8.1b, 8.5)."""

from __future__ import annotations

from putright.governance.documents.blocks import Block, Heading, Para, Table
from putright.governance.documents.fmt import day, num
from putright.governance.selectors.periods import Period
from putright.governance.selectors.statements import exceptional_circumstances_in, refusals_told_of_ombudsman


def refusal_letters_para(period: Period) -> Para:
    told = refusals_told_of_ombudsman(period)
    if told.total == 0:
        return Para("No complaint or escalation was refused in the period.")
    return Para(
        f"{num(told.count)} of {num(told.total)} residents whose complaint or escalation was refused in the "
        "period were sent a message on or after the refusal that named the Housing Ombudsman "
        "(Code 2.4, 5.11), as the record shows."
    )


def exceptional_blocks(period: Period, heading: str) -> list[Block]:
    """Periods when the landlord could not comply with the Code (8.5), as recorded."""
    circumstances = exceptional_circumstances_in(period)
    blocks: list[Block] = [Heading(heading, 3)]
    if not circumstances:
        blocks.append(Para("No exceptional circumstances (Code 8.5) were recorded for the period."))
        return blocks
    blocks.append(
        Table(
            caption="Exceptional circumstances (Code 8.5)",
            head=["What happened", "From", "Ombudsman told", "Residents told", "Compliance returned"],
            rows=[
                [
                    f"{c.title}: {c.description}",
                    day(c.started_on),
                    day(c.ombudsman_informed_on),
                    day(c.residents_informed_on) or "Not recorded",
                    day(c.returned_on) or f"Not yet (expected by {day(c.return_to_compliance_by)})",
                ]
                for c in circumstances
            ],
        )
    )
    return blocks
