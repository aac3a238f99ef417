"""Themes and trends as report blocks (Code 9.4, 9.7b). Never names or addresses."""

from __future__ import annotations

from typing import Any

from putright.governance.documents.blocks import Block, Heading, Para, Table
from putright.governance.documents.fmt import day, num, pct


def theme_blocks(themes: dict[str, Any], learning: list[Any]) -> list[Block]:
    rising = themes["rising"]
    blocks: list[Block] = [
        Heading("Issues and trends"),
        Para(
            "Categories are compared with their own average over the previous four periods of the same "
            "length. "
            + (f"Rising: {', '.join(r['name'] for r in rising)}." if rising else "No category is rising.")
        ),
        Table(
            caption="Stage 1 complaints by category against their own history",
            head=["Category", "This period", "Average before", "Change", "Rising"],
            rows=[
                [
                    r["name"],
                    num(r["count"]),
                    num(r["average"]),
                    pct(r["change_pct"]),
                    "Yes" if r["rising"] else ("No earlier data" if r.get("no_earlier_data") else "No"),
                ]
                for r in themes["categories"][:15]
            ],
        ),
        Para(
            f"Residents with two or more complaints in the last 12 months: {num(len(themes['repeat_complainants']))}"
            f"{' or more' if len(themes['repeat_complainants']) >= 20 else ''}. Addresses with two or more "
            f"complaints in the period: {num(len(themes['hot_spots']))}. The complaints officer holds the details."
        ),
        Heading("Learning and service improvements", 3),
    ]
    if learning:
        blocks.append(
            Table(
                caption="Learning from complaints and what changed (Code 9.1-9.3)",
                head=["Learning", "Improvement", "Status", "Identified", "Completed", "Reported to"],
                rows=[
                    [
                        item.title,
                        item.improvement,
                        item.get_status_display(),
                        day(item.identified_on),
                        day(item.completed_on),
                        ", ".join(
                            f"{r.get_audience_display()} ({day(r.reported_on)})" for r in item.reports.all()
                        ),
                    ]
                    for item in learning
                ],
            )
        )
    else:
        blocks.append(Para("No learning was recorded in the period."))
    return blocks
