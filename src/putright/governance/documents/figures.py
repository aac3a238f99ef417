"""Performance figures as report blocks: the same tables on the page, in the PDF and in Word.

This module holds the stage figures, the charts and the outcomes; the TSM (`tsm`), refusals
and withdrawals (`refusals`) and the Ombudsman's figures (`ombudsman`) have their own, and
`performance_blocks` puts them together in the order the reports print them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from putright.cases.models import Channel, Decision, RemedyKind
from putright.governance.documents.blocks import Block, Chart, Heading, Para, Table
from putright.governance.documents.fmt import change, money, num, pct
from putright.governance.documents.ombudsman import ombudsman_blocks
from putright.governance.documents.refusals import refusal_blocks
from putright.governance.documents.tsm import tsm_blocks
from putright.governance.selectors.report_types import PerformanceReport
from putright.governance.selectors.stage_types import StageFigures, WorkingDays


class Staged(Protocol):
    """Figures by stage: a whole report, or the first screen's (`selectors.glance`)."""

    @property
    def stage1(self) -> StageFigures: ...

    @property
    def stage2(self) -> StageFigures: ...


STAGE_ROWS: tuple[tuple[str, str, str], ...] = (
    ("Complaints received", "received", "n"),
    ("Not accepted (refused)", "refused", "n"),
    ("Withdrawn", "withdrawn", "n"),
    ("Acknowledged within the Code's timescale", "acknowledged_within_timescale", "n"),
    ("Acknowledged within the Code's timescale (% of accepted)", "acknowledged_within_timescale_pct", "pct"),
    (
        "Acknowledged within our own timescale (% of accepted)",
        "acknowledged_within_policy_timescale_pct",
        "pct",
    ),
    ("Responses sent", "responded", "n"),
    (
        "Responded within the Code's timescale, no extension",
        "responded_within_timescale_without_extension",
        "n",
    ),
    (
        "Responded within the Code's timescale, with extension",
        "responded_within_timescale_with_extension",
        "n",
    ),
    ("Responded late (after the Code's date)", "responded_late", "n"),
    ("Responded within the Code's timescale (%)", "responded_within_timescale_pct", "pct"),
    ("Responded within our own timescale (%)", "responded_within_policy_timescale_pct", "pct"),
    ("Responses that had an extension", "extended", "n"),
    ("Vulnerable residents (complaints received)", "vulnerable", "n"),
    ("Hazards reported (complaints received)", "hazard", "n"),
    ("Acknowledgements overdue at period end", "acknowledgements_overdue", "n"),
    ("Responses overdue at period end", "responses_overdue", "n"),
    ("Acknowledgements and responses entered late (Code 5.12)", "recorded_late", "n"),
)


GOT_KEYS = {
    "received",
    "refused",
    "withdrawn",
    "acknowledged_within_timescale",
    "vulnerable",
    "hazard",
}
SENT_KEYS = {
    "responded",
    "responded_within_timescale_without_extension",
    "responded_within_timescale_with_extension",
    "responded_late",
    "extended",
}


def stage_key(stage: int, key: str) -> str:
    """The figure key (`governance.selectors.drill`) of a stage row's count, "" for none."""
    if key in GOT_KEYS:
        return f"got.{stage}.{key}"
    if key in SENT_KEYS:
        return f"sent.{stage}.{key}"
    if key in ("acknowledgements_overdue", "responses_overdue"):
        return f"overdue.{stage}.{key.split('_')[0]}"
    return ""


def _value(stage: StageFigures, key: str, kind: str) -> str:
    value = getattr(stage, key)
    return pct(value) if kind == "pct" else num(value)


def stage_table(report: PerformanceReport, previous: PerformanceReport | None) -> Table:
    head = ["Measure", "Stage 1", "Stage 2"]
    if previous:
        head += ["Stage 1 previous period", "Stage 2 previous period", "Stage 1 change"]
    rows = []
    keys = []
    for label, key, kind in STAGE_ROWS:
        row = [label, _value(report.stage1, key, kind), _value(report.stage2, key, kind)]
        keys.append(["", stage_key(1, key), stage_key(2, key)])
        if previous:
            row += [
                _value(previous.stage1, key, kind),
                _value(previous.stage2, key, kind),
                change(getattr(report.stage1, key), getattr(previous.stage1, key)),
            ]
        rows.append(row)
    days: tuple[tuple[str, Callable[[WorkingDays], float | None]], ...] = (
        ("Median working days to respond", lambda d: d.median),
        ("90th percentile working days", lambda d: d.p90),
    )
    for label, figure in days:
        row = [label, num(figure(report.stage1.working_days)), num(figure(report.stage2.working_days))]
        if previous:
            row += [
                num(figure(previous.stage1.working_days)),
                num(figure(previous.stage2.working_days)),
                change(figure(report.stage1.working_days), figure(previous.stage1.working_days)),
            ]
        rows.append(row)
    return Table(caption="Complaint handling by stage", head=head, rows=rows, keys=keys)


def _series(
    report: Staged,
    previous: Staged | None,
    label: str,
    previous_label: str,
    figures: Figures,
) -> list[tuple[str, list[float | None]]]:
    series: list[tuple[str, list[float | None]]] = [(label, [figure(report) for _, figure, _ in figures])]
    if previous:
        series.append((previous_label, [figure(previous) for _, figure, _ in figures]))
    return series


# (label, the figure, its drill key): the charts' bars.
Figures = tuple[tuple[str, Callable[[Staged], float | None], str], ...]
VOLUMES: Figures = (
    ("Stage 1 received", lambda r: r.stage1.received, "got.1.received"),
    ("Stage 2 received", lambda r: r.stage2.received, "got.2.received"),
    ("Stage 1 responses", lambda r: r.stage1.responded, "sent.1.responded"),
    ("Stage 2 responses", lambda r: r.stage2.responded, "sent.2.responded"),
)
TIMELINESS: Figures = (
    ("Stage 1 acknowledged in time", lambda r: r.stage1.acknowledged_within_timescale_pct, ""),
    ("Stage 1 responded in time", lambda r: r.stage1.responded_within_timescale_pct, ""),
    ("Stage 2 acknowledged in time", lambda r: r.stage2.acknowledged_within_timescale_pct, ""),
    ("Stage 2 responded in time", lambda r: r.stage2.responded_within_timescale_pct, ""),
)


def volume_chart(report: Staged, previous: Staged | None, label: str, previous_label: str) -> Chart:
    keys = VOLUMES
    series = _series(report, previous, label, previous_label, keys)
    drills = [[drill] for *_, drill in keys]
    return Chart(
        title="Complaints received and responses sent",
        labels=[k[0] for k in keys],
        series=series,
        keys=drills,
    )


def timeliness_chart(report: Staged, previous: Staged | None, label: str, previous_label: str) -> Chart:
    keys = TIMELINESS
    series = _series(report, previous, label, previous_label, keys)
    return Chart(title="Timeliness (%)", labels=[k[0] for k in keys], series=series, unit="%")


def outcome_blocks(report: PerformanceReport) -> list[Block]:
    decisions = Table(
        caption="Decisions in responses sent",
        head=["Decision", "Stage 1", "Stage 2"],
        rows=[
            [
                d.label,
                num(getattr(report.stage1.decisions, d.value)),
                num(getattr(report.stage2.decisions, d.value)),
            ]
            for d in Decision
        ],
        keys=[["", f"sent.1.{d.value}", f"sent.2.{d.value}"] for d in Decision],
    )
    remedies = report.remedies
    remedy_rows = [[k.label, num(remedies.by_kind[k.value])] for k in RemedyKind]
    follow = report.follow_through
    return [
        Heading("Outcomes and putting things right"),
        decisions,
        Table(
            caption="Remedies set out in responses sent (Code 7.1)",
            head=["Remedy", "Number"],
            rows=remedy_rows,
        ),
        Para(f"Financial remedies offered in the period: {money(remedies.financial_total)}."),
        Table(
            caption="Financial remedies against the compensation bands, for consistency (Code 7.4)",
            head=["Band", "Amounts", "Number", "Within the band", "Outside, with a reason", "Total"],
            rows=[
                [r.label, r.range, num(r.count), num(r.within), num(r.outside), money(r.total)]
                for r in remedies.against_bands.values()
            ],
        ),
        Table(
            caption=f"Follow-through at {report.period.as_at:%-d %B %Y} (Code 6.6, 7.3)",
            head=["Item", "Open", "Overdue"],
            rows=[
                ["Outstanding actions", num(follow.actions_open), num(follow.actions_overdue)],
                ["Remedies not yet delivered", num(follow.remedies_open), num(follow.remedies_overdue)],
            ],
            keys=[["", f"{n}.open", f"{n}.overdue"] for n in ("actions", "remedies")],
        ),
        Para(
            f"Escalation rate: {pct(report.escalation_rate_pct)} of stage 1 responses sent in the period have been escalated to stage 2."
        ),
    ]


def category_blocks(report: PerformanceReport) -> list[Block]:
    top = report.categories[:10]
    blocks: list[Block] = [Heading("Categories and channels")]
    if top:
        blocks.append(
            Chart(
                title="Complaints received by category",
                label_heading="Category",
                labels=[c.name for c in top],
                series=[("Stage 1", [c.stage1 for c in top]), ("Stage 2", [c.stage2 for c in top])],
                keys=[[f"category.{s}.{c.slug or '-'}" for s in (1, 2)] for c in top],
            )
        )
    else:
        blocks.append(Para("No complaints were received in the period."))
    labels = dict(Channel.choices)
    blocks.append(
        Table(
            caption="Stage 1 complaints received by channel",
            head=["Channel", "Complaints"],
            rows=[[labels[k], num(v)] for k, v in report.channels.items() if v],
            keys=[["", f"channel.{k}"] for k, v in report.channels.items() if v],
        )
    )
    return blocks


def performance_blocks(
    report: PerformanceReport,
    previous: PerformanceReport | None = None,
    *,
    previous_label: str = "Previous period",
) -> list[Block]:
    """The quantitative analysis (Code 8.1b, 9.7a)."""
    label = "This period"
    return [
        Heading("Complaint handling performance"),
        volume_chart(report, previous, label, previous_label),
        timeliness_chart(report, previous, label, previous_label),
        stage_table(report, previous),
        *tsm_blocks(report),
        *outcome_blocks(report),
        *category_blocks(report),
        *refusal_blocks(report),
        *ombudsman_blocks(report),
    ]
