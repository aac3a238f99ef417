"""The breakdowns by service area and by handler as report blocks (page, PDF and Word).

Each number opens the list of cases behind it: the stage figure's own key with the row's
filter added (`?figure=got.1.received&service_area=repairs`), so the list counts exactly
what the cell does. Rows with no service area or no handler print their numbers unlinked.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from urllib.parse import quote

from putright.governance.documents.blocks import Block, Heading, Para, Table
from putright.governance.documents.fmt import num
from putright.governance.selectors.report_types import (
    PerformanceReport,
    ResponsibilityRow,
    ResponsibilityStage,
)

HEAD_FIGURES: tuple[tuple[Callable[[ResponsibilityStage], int], str, str], ...] = (
    (lambda s: s.received, "got.{stage}.received", "received"),
    (lambda s: s.responded, "sent.{stage}.responded", "responses sent"),
    (lambda s: s.responded_within_timescale, "sent.{stage}.responded_within_timescale", "in time"),
    (lambda s: s.overdue, "overdue.{stage}.all", "overdue"),
)


def _table(rows: Sequence[ResponsibilityRow], *, caption: str, heading: str, param: str) -> Table:
    head = [heading] + [f"Stage {stage} {label}" for stage in (1, 2) for *_, label in HEAD_FIGURES]
    cells = [
        [r.name] + [num(figure(stage)) for stage in (r.stage1, r.stage2) for figure, *_ in HEAD_FIGURES]
        for r in rows
    ]
    keys = [
        [""]
        + [
            f"{key.format(stage=stage)}&{param}={quote(r.slug)}" if r.slug else ""
            for stage in (1, 2)
            for _, key, _ in HEAD_FIGURES
        ]
        for r in rows
    ]
    return Table(caption=caption, head=head, rows=cells, keys=keys)


def responsibility_blocks(report: PerformanceReport) -> list[Block]:
    """Received, responses sent, sent within the Code's timescale and overdue at the period's
    end, per stage, by service area and by the stage's handler (a report made with them)."""
    areas, handlers = report.by_service_area or (), report.by_handler or ()
    blocks: list[Block] = [Heading("By service area and by handler")]
    if not areas and not handlers:
        return [*blocks, Para("No complaints were received, answered or overdue in the period.")]
    blocks.append(
        Para(
            "A complaint counts under its service area as it is now, and a stage under the handler "
            "of that stage. Overdue: acknowledgements and responses past their date at the period's end."
        )
    )
    blocks.append(
        _table(areas, caption="Complaints by service area", heading="Service area", param="service_area")
    )
    blocks.append(_table(handlers, caption="Complaints by handler", heading="Handler", param="handler"))
    return blocks
