"""The dashboard's first screen: are we on time, what is overdue, what is rising (Code 9.6, 9.4).

Three charts, each with its table of figures; the counts link to the cases behind them
(`governance.selectors.drill`). The detail is a page of its own (`views.dashboard_detail`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Protocol

from putright.governance.documents.blocks import Chart
from putright.governance.documents.figures import Staged, timeliness_chart


class PastDue(Protocol):
    @property
    def actions_overdue(self) -> int: ...

    @property
    def remedies_overdue(self) -> int: ...


class Shown(Staged, Protocol):
    """What the charts read: a whole report, or the first screen's figures (`selectors.glance`)."""

    @property
    def follow_through(self) -> PastDue: ...


RISING_SHOWN = 5
# (label, the figure, its drill key): the bars of "Overdue at the end of the period".
OVERDUE: tuple[tuple[str, Callable[[Shown], int], str], ...] = (
    ("Stage 1 acknowledgements", lambda r: r.stage1.acknowledgements_overdue, "overdue.1.acknowledgements"),
    ("Stage 1 responses", lambda r: r.stage1.responses_overdue, "overdue.1.responses"),
    ("Stage 2 acknowledgements", lambda r: r.stage2.acknowledgements_overdue, "overdue.2.acknowledgements"),
    ("Stage 2 responses", lambda r: r.stage2.responses_overdue, "overdue.2.responses"),
    ("Actions past their date", lambda r: r.follow_through.actions_overdue, "actions.overdue"),
    ("Remedies past their date", lambda r: r.follow_through.remedies_overdue, "remedies.overdue"),
)


def on_time(report: Shown, previous: Shown, previous_label: str) -> Chart:
    return timeliness_chart(report, previous, "This period", previous_label)


def overdue(report: Shown, previous: Shown, previous_label: str) -> Chart:
    now: list[float | None] = [figure(report) for _, figure, _ in OVERDUE]
    then: list[float | None] = [figure(previous) for _, figure, _ in OVERDUE]
    return Chart(
        title="Overdue at the end of the period",
        labels=[label for label, *_ in OVERDUE],
        series=[("This period", now), (previous_label, then)],
        label_heading="Overdue",
        keys=[[key, ""] for *_, key in OVERDUE],
    )


def rising(categories: Sequence[dict[str, Any]]) -> Chart | None:
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
