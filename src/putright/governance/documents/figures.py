"""Performance figures as report blocks: the same tables on the page, in the PDF and in Word."""

from __future__ import annotations

from typing import Any

from putright.cases.models import Channel, Decision, RefusalReason, RemedyKind
from putright.governance.documents.blocks import Block, Bullets, Chart, Heading, Para, Table
from putright.governance.documents.fmt import change, money, num, pct
from putright.governance.models import FailureReason, FindingKind

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


def _value(row: dict[str, Any], key: str, kind: str) -> str:
    return pct(row.get(key)) if kind == "pct" else num(row.get(key))


def stage_table(report: dict[str, Any], previous: dict[str, Any] | None) -> Table:
    head = ["Measure", "Stage 1", "Stage 2"]
    if previous:
        head += ["Stage 1 previous period", "Stage 2 previous period", "Stage 1 change"]
    rows = []
    keys = []
    for label, key, kind in STAGE_ROWS:
        row = [label, _value(report["stage1"], key, kind), _value(report["stage2"], key, kind)]
        keys.append(["", stage_key(1, key), stage_key(2, key)])
        if previous:
            row += [
                _value(previous["stage1"], key, kind),
                _value(previous["stage2"], key, kind),
                change(report["stage1"].get(key), previous["stage1"].get(key)),
            ]
        rows.append(row)
    for label, key in (("Median working days to respond", "median"), ("90th percentile working days", "p90")):
        row = [label, num(report["stage1"]["working_days"][key]), num(report["stage2"]["working_days"][key])]
        if previous:
            row += [
                num(previous["stage1"]["working_days"][key]),
                num(previous["stage2"]["working_days"][key]),
                change(report["stage1"]["working_days"][key], previous["stage1"]["working_days"][key]),
            ]
        rows.append(row)
    return Table(caption="Complaint handling by stage", head=head, rows=rows, keys=keys)


def tsm_blocks(report: dict[str, Any]) -> list[Block]:
    tsm = report["tsm"]
    ch01, ch02, homes, not_counted = tsm["CH01"], tsm["CH02"], tsm["homes"], tsm["not_counted"]
    return [
        Heading("Tenant Satisfaction Measures: CH01 and CH02"),
        Table(
            caption="CH01: complaints relative to the size of the landlord (per 1,000 homes)",
            head=[
                "Homes",
                "Number of homes",
                "Stage 1 complaints",
                "Stage 1 per 1,000",
                "Stage 2 complaints",
                "Stage 2 per 1,000",
            ],
            rows=[
                [
                    label,
                    num(homes[key_homes]),
                    num(part["stage1_complaints"]),
                    num(part["stage1_per_1000_homes"], 2),
                    num(part["stage2_complaints"]),
                    num(part["stage2_per_1000_homes"], 2),
                ]
                for label, key_homes, part in (
                    ("Low-cost rental (LCRA: general needs and supported)", "rented", ch01["lcra"]),
                    ("Low-cost home ownership (LCHO: shared ownership)", "shared_ownership", ch01["lcho"]),
                    ("LCRA and LCHO together", "total", ch01),
                )
            ],
            keys=[
                ["", "", f"got.1.accepted_{t}", "", f"got.2.accepted_{t}", ""]
                for t in ("lcra", "lcho", "tsm")
            ],
        ),
        Table(
            caption="CH02: complaints responded to within the Complaint Handling Code's timescales",
            head=[
                "Homes",
                "Stage 1 within timescale",
                "Stage 1 without extension",
                "Stage 2 within timescale",
                "Stage 2 without extension",
            ],
            rows=[
                [
                    label,
                    pct(part["stage1_within_timescale_pct"]),
                    pct(part["stage1_within_timescale_without_extension_pct"]),
                    pct(part["stage2_within_timescale_pct"]),
                    pct(part["stage2_within_timescale_without_extension_pct"]),
                ]
                for label, part in (
                    ("Low-cost rental (LCRA)", ch02["lcra"]),
                    ("Low-cost home ownership (LCHO)", ch02["lcho"]),
                    ("LCRA and LCHO together", ch02),
                )
            ],
        ),
        Table(
            caption="Complaints not counted in CH01 and CH02",
            head=["Residents", "Stage 1 complaints", "Stage 2 complaints"],
            rows=[
                [label, num(part["stage1_complaints"]), num(part["stage2_complaints"])]
                for label, part in (
                    ("Tenure not known (to be resolved before filing)", not_counted["unknown_tenure"]),
                    ("Leaseholders and people who are not tenants", not_counted["other_tenure"]),
                )
            ],
            keys=[
                ["", f"got.1.accepted_{t}", f"got.2.accepted_{t}"] for t in ("unknown_tenure", "other_tenure")
            ],
        ),
        Heading("How these figures are counted", 3),
        Bullets(tsm["counting_rules"]),
    ]


def volume_chart(
    report: dict[str, Any], previous: dict[str, Any] | None, label: str, previous_label: str
) -> Chart:
    keys = (
        ("Stage 1 received", "stage1", "received"),
        ("Stage 2 received", "stage2", "received"),
        ("Stage 1 responses", "stage1", "responded"),
        ("Stage 2 responses", "stage2", "responded"),
    )
    series: list[tuple[str, list[float | None]]] = [(label, [report[s][k] for _, s, k in keys])]
    if previous:
        series.append((previous_label, [previous[s][k] for _, s, k in keys]))
    drills = [[f"{'got' if k == 'received' else 'sent'}.{s[-1]}.{k}"] for _, s, k in keys]
    return Chart(
        title="Complaints received and responses sent",
        labels=[k[0] for k in keys],
        series=series,
        keys=drills,
    )


def timeliness_chart(
    report: dict[str, Any], previous: dict[str, Any] | None, label: str, previous_label: str
) -> Chart:
    keys = (
        ("Stage 1 acknowledged in time", "stage1", "acknowledged_within_timescale_pct"),
        ("Stage 1 responded in time", "stage1", "responded_within_timescale_pct"),
        ("Stage 2 acknowledged in time", "stage2", "acknowledged_within_timescale_pct"),
        ("Stage 2 responded in time", "stage2", "responded_within_timescale_pct"),
    )
    series: list[tuple[str, list[float | None]]] = [(label, [report[s][k] for _, s, k in keys])]
    if previous:
        series.append((previous_label, [previous[s][k] for _, s, k in keys]))
    return Chart(title="Timeliness (%)", labels=[k[0] for k in keys], series=series, unit="%")


def outcome_blocks(report: dict[str, Any]) -> list[Block]:
    decisions = Table(
        caption="Decisions in responses sent",
        head=["Decision", "Stage 1", "Stage 2"],
        rows=[
            [
                d.label,
                num(report["stage1"]["decisions"][d.value]),
                num(report["stage2"]["decisions"][d.value]),
            ]
            for d in Decision
        ],
        keys=[["", f"sent.1.{d.value}", f"sent.2.{d.value}"] for d in Decision],
    )
    remedies = report["remedies"]
    remedy_rows = [[k.label, num(remedies["by_kind"][k.value])] for k in RemedyKind]
    follow = report["follow_through"]
    return [
        Heading("Outcomes and putting things right"),
        decisions,
        Table(
            caption="Remedies set out in responses sent (Code 7.1)",
            head=["Remedy", "Number"],
            rows=remedy_rows,
        ),
        Para(f"Financial remedies offered in the period: {money(remedies['financial_total'])}."),
        Table(
            caption="Financial remedies against the compensation bands, for consistency (Code 7.4)",
            head=["Band", "Amounts", "Number", "Within the band", "Outside, with a reason", "Total"],
            rows=[
                [
                    r["label"],
                    r["range"],
                    num(r["count"]),
                    num(r["within"]),
                    num(r["outside"]),
                    money(r["total"]),
                ]
                for r in remedies["against_bands"].values()
            ],
        ),
        Table(
            caption=f"Follow-through at {report['period']['as_at']:%-d %B %Y} (Code 6.6, 7.3)",
            head=["Item", "Open", "Overdue"],
            rows=[
                ["Outstanding actions", num(follow["actions_open"]), num(follow["actions_overdue"])],
                ["Remedies not yet delivered", num(follow["remedies_open"]), num(follow["remedies_overdue"])],
            ],
            keys=[["", f"{n}.open", f"{n}.overdue"] for n in ("actions", "remedies")],
        ),
        Para(
            f"Escalation rate: {pct(report['escalation_rate_pct'])} of stage 1 responses sent in the period have been escalated to stage 2."
        ),
    ]


def category_blocks(report: dict[str, Any]) -> list[Block]:
    top = report["categories"][:10]
    blocks: list[Block] = [Heading("Categories and channels")]
    if top:
        blocks.append(
            Chart(
                title="Complaints received by category",
                label_heading="Category",
                labels=[c["name"] for c in top],
                series=[("Stage 1", [c["stage1"] for c in top]), ("Stage 2", [c["stage2"] for c in top])],
                keys=[[f"category.{s}.{c['slug'] or '-'}" for s in (1, 2)] for c in top],
            )
        )
    else:
        blocks.append(Para("No complaints were received in the period."))
    labels = dict(Channel.choices)
    blocks.append(
        Table(
            caption="Stage 1 complaints received by channel",
            head=["Channel", "Complaints"],
            rows=[[labels[k], num(v)] for k, v in report["channels"].items() if v],
            keys=[["", f"channel.{k}"] for k, v in report["channels"].items() if v],
        )
    )
    return blocks


def refusal_blocks(report: dict[str, Any]) -> list[Block]:
    refused = report["refused"]
    return [
        Heading("Complaints not accepted (Code 8.1b)"),
        Para(
            f"{num(refused['total'])} complaints were not accepted under section 2 of the Code, and "
            f"{num(refused['escalation_refused']['total'])} requests to escalate were refused (Code 5.11). "
            f"{num(refused.get('reopened', 0))} complaints not accepted at first were later reopened and "
            "taken on (Code 2.4); they count as accepted complaints. "
            f"{num(refused['escalation_refused'].get('late', 0))} escalations were refused more than 5 "
            "working days after the resident asked (Code 6.11)."
        ),
        *withdrawal_blocks(report),
        Table(
            caption="Complaints not accepted and escalations refused, by reason",
            head=["Reason", "Not accepted", "Escalation refused"],
            rows=[
                [
                    r.label,
                    num(refused["by_reason"][r.value]),
                    num(refused["escalation_refused"]["by_reason"][r.value]),
                ]
                for r in RefusalReason
            ],
            keys=[["", f"refused.1.{r.value}", f"refused.2.{r.value}"] for r in RefusalReason],
        ),
    ]


def withdrawal_blocks(report: dict[str, Any]) -> list[Block]:
    """Withdrawals, and those made after a deadline had passed (a report kept from before
    they were counted has none)."""
    withdrawn = report.get("withdrawn")
    if not withdrawn:
        return []
    return [
        Para(
            f"{num(withdrawn['total'])} complaints were withdrawn by the resident, "
            f"{num(withdrawn['after_deadline'])} of them after a deadline at their stage had passed "
            "unmet; those late stages still count as late."
        )
    ]


def ombudsman_blocks(report: dict[str, Any]) -> list[Block]:
    o = report["ombudsman"]
    orders = o["orders"]
    return [
        Heading("The Housing Ombudsman"),
        Para(
            f"Cases referred: {num(o['referrals'])}. Findings of non-compliance with the Code on complaint "
            f"handling: {num(o['complaint_handling_non_compliance'])}. Complaint Handling Failure Orders: "
            f"{num(o['failure_orders']['total'])}."
        ),
        Table(
            caption="The Ombudsman's findings, by issue",
            head=["Finding", "Issues"],
            rows=[[k.label, num(o["findings"][k.value])] for k in FindingKind],
        ),
        Table(
            caption="Orders (Code 9.7c)",
            head=["Measure", "Number"],
            rows=[
                ["Orders due in the period", num(orders["due_in_period"])],
                ["Orders complied with in the period", num(orders["completed_in_period"])],
                ["of which on time", num(orders["completed_on_time_in_period"])],
                ["Orders overdue", num(orders["overdue"])],
                ["Orders after severe maladministration still open", num(orders["open_after_severe"])],
                ["Evidence requests due in the period", num(o["evidence_requests"]["due_in_period"])],
                ["Evidence sent on time", num(o["evidence_requests"]["sent_on_time"])],
                ["Evidence requests overdue", num(o["evidence_requests"]["overdue"])],
            ],
        ),
        Table(
            caption="Complaint Handling Failure Orders, by reason",
            head=["Reason", "Orders"],
            rows=[[r.label, num(o["failure_orders"]["by_reason"][r.value])] for r in FailureReason],
        ),
    ]


def performance_blocks(
    report: dict[str, Any], previous: dict[str, Any] | None = None, *, previous_label: str = "Previous period"
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
