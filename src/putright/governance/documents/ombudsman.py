"""The Ombudsman's findings and orders, and the period's figures for them, as report blocks (Code 8.1c, 9.7c).

The Ombudsman's own reference only: reports are published, and our complaint reference is internal.
"""

from __future__ import annotations

from typing import Any

from putright.governance.documents.blocks import Block, Heading, Para, Table
from putright.governance.documents.fmt import day, num
from putright.governance.models import FailureReason, FindingKind
from putright.governance.selectors.report_types import PerformanceReport


def findings_table(findings: list[Any], caption: str) -> Table:
    return Table(
        caption=caption,
        head=["Ombudsman reference", "Issue", "Finding", "Determined"],
        rows=[
            [
                f.case.ombudsman_reference,
                f.issue,
                f.get_kind_display(),
                day(f.determined_on),
            ]
            for f in findings
        ],
    )


def orders_table(orders: list[Any]) -> Table:
    return Table(
        caption="Orders and recommendations not yet complied with",
        head=["Ombudsman reference", "Kind", "After finding", "What", "Due"],
        rows=[
            [
                o.case.ombudsman_reference,
                o.get_kind_display(),
                o.finding.get_kind_display() if o.finding else "",
                o.description,
                day(o.due_on),
            ]
            for o in orders
        ],
    )


def failure_orders_table(orders: list[Any]) -> Table:
    return Table(
        caption="Complaint Handling Failure Orders",
        head=["Issued", "Reason", "Complied with"],
        rows=[
            [
                day(o.issued_on),
                o.get_reason_display(),
                day(o.complied_on) or "Not yet",
            ]
            for o in orders
        ],
    )


def non_compliance_blocks(findings: list[Any], failure_orders: list[Any]) -> list[Block]:
    if not findings and not failure_orders:
        return [
            Para(
                "The Ombudsman made no finding of non-compliance with the Complaint Handling Code in the year."
            )
        ]
    return [
        findings_table(findings, "Findings against the landlord's complaint handling"),
        failure_orders_table(failure_orders),
    ]


def ombudsman_blocks(report: PerformanceReport) -> list[Block]:
    """The Ombudsman's figures for the period: referrals, findings, orders and evidence requests."""
    o = report.ombudsman
    orders, evidence = o.orders, o.evidence_requests
    return [
        Heading("The Housing Ombudsman"),
        Para(
            f"Cases referred: {num(o.referrals)}. Findings of non-compliance with the Code on complaint "
            f"handling: {num(o.complaint_handling_non_compliance)}. Complaint Handling Failure Orders: "
            f"{num(o.failure_orders.total)}."
        ),
        Table(
            caption="The Ombudsman's findings, by issue",
            head=["Finding", "Issues"],
            rows=[[k.label, num(o.findings[k.value])] for k in FindingKind],
        ),
        Table(
            caption="Orders (Code 9.7c)",
            head=["Measure", "Number"],
            rows=[
                ["Orders due in the period", num(orders.due_in_period)],
                ["Orders complied with in the period", num(orders.completed_in_period)],
                ["of which on time", num(orders.completed_on_time_in_period)],
                ["Orders overdue", num(orders.overdue)],
                ["Orders after severe maladministration still open", num(orders.open_after_severe)],
                ["Evidence requests due in the period", num(evidence.due_in_period)],
                ["Evidence sent on time", num(evidence.sent_on_time)],
                ["Evidence requests overdue", num(evidence.overdue)],
            ],
        ),
        Table(
            caption="Complaint Handling Failure Orders, by reason",
            head=["Reason", "Orders"],
            rows=[[r.label, num(o.failure_orders.by_reason[r.value])] for r in FailureReason],
        ),
    ]
