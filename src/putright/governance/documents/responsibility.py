"""The breakdowns by service area and by handler as report blocks (page, PDF and Word).

Each number opens the list of cases behind it: the stage figure's own key with the row's
filter added (`?figure=got.1.received&service_area=repairs`), so the list counts exactly
what the cell does. Rows with no service area or no handler print their numbers unlinked.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from putright.governance.documents.blocks import Block, Heading, Para, Table
from putright.governance.documents.fmt import num

HEAD_FIGURES = (
    ("received", "got.{stage}.received", "received"),
    ("responded", "sent.{stage}.responded", "responses sent"),
    ("responded_within_timescale", "sent.{stage}.responded_within_timescale", "in time"),
    ("overdue", "overdue.{stage}.all", "overdue"),
)


def _table(rows: list[dict[str, Any]], *, caption: str, heading: str, param: str) -> Table:
    head = [heading] + [f"Stage {stage} {label}" for stage in (1, 2) for *_, label in HEAD_FIGURES]
    cells = [
        [r["name"]] + [num(r[f"stage{stage}"][name]) for stage in (1, 2) for name, *_ in HEAD_FIGURES]
        for r in rows
    ]
    keys = [
        [""]
        + [
            f"{key.format(stage=stage)}&{param}={quote(r['slug'])}" if r["slug"] else ""
            for stage in (1, 2)
            for _, key, _ in HEAD_FIGURES
        ]
        for r in rows
    ]
    return Table(caption=caption, head=head, rows=cells, keys=keys)


def responsibility_blocks(report: dict[str, Any]) -> list[Block]:
    """Received, responses sent, sent within the Code's timescale and overdue at the period's
    end, per stage, by service area and by the stage's handler."""
    blocks: list[Block] = [Heading("By service area and by handler")]
    if not report["by_service_area"] and not report["by_handler"]:
        return [*blocks, Para("No complaints were received, answered or overdue in the period.")]
    blocks.append(
        Para(
            "A complaint counts under its service area as it is now, and a stage under the handler "
            "of that stage. Overdue: acknowledgements and responses past their date at the period's end."
        )
    )
    blocks.append(
        _table(
            report["by_service_area"],
            caption="Complaints by service area",
            heading="Service area",
            param="service_area",
        )
    )
    blocks.append(
        _table(report["by_handler"], caption="Complaints by handler", heading="Handler", param="handler")
    )
    return blocks
