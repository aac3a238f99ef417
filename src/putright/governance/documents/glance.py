"""The dashboard's first screen: are we on time, what is overdue, what is rising (Code 9.6, 9.4).

Three charts, each with its table of figures; the counts link to the cases behind them
(`governance.selectors.drill`). The detail follows on the page, section by section.
"""

from __future__ import annotations

from typing import Any

from putright.governance.documents.blocks import Chart
from putright.governance.documents.figures import timeliness_chart

RISING_SHOWN = 5
OVERDUE = (
    ("Stage 1 acknowledgements", "stage1", "acknowledgements_overdue", "overdue.1.acknowledgements"),
    ("Stage 1 responses", "stage1", "responses_overdue", "overdue.1.responses"),
    ("Stage 2 acknowledgements", "stage2", "acknowledgements_overdue", "overdue.2.acknowledgements"),
    ("Stage 2 responses", "stage2", "responses_overdue", "overdue.2.responses"),
)


def on_time(report: dict[str, Any], previous: dict[str, Any], previous_label: str) -> Chart:
    return timeliness_chart(report, previous, "This period", previous_label)


def overdue(report: dict[str, Any], previous: dict[str, Any], previous_label: str) -> Chart:
    follow, before = report["follow_through"], previous["follow_through"]
    labels = [label for label, *_ in OVERDUE] + ["Actions past their date", "Remedies past their date"]
    now = [report[s][k] for _, s, k, _ in OVERDUE] + [follow["actions_overdue"], follow["remedies_overdue"]]
    then = [previous[s][k] for _, s, k, _ in OVERDUE] + [
        before["actions_overdue"],
        before["remedies_overdue"],
    ]
    keys = [[key, ""] for *_, key in OVERDUE] + [["actions.overdue", ""], ["remedies.overdue", ""]]
    return Chart(
        title="Overdue at the end of the period",
        labels=labels,
        series=[("This period", list(now)), (previous_label, list(then))],
        label_heading="Overdue",
        keys=keys,
    )


def rising(categories: list[dict[str, Any]]) -> Chart | None:
    """The categories with most stage 1 complaints against their own average before; None when
    there is no earlier data to compare with (the page says so rather than "rising")."""
    if not categories or all(c["no_earlier_data"] for c in categories):
        return None
    top = sorted(categories, key=lambda c: (not c["rising"], -c["count"], c["name"]))[:RISING_SHOWN]
    return Chart(
        title="Stage 1 complaints by category against their average before",
        labels=[c["name"] + (" (rising)" if c["rising"] else "") for c in top],
        series=[("This period", [c["count"] for c in top]), ("Average before", [c["average"] for c in top])],
        label_heading="Category",
    )
