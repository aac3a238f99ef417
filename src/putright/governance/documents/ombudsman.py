"""The Ombudsman's findings and orders as report blocks (Code 8.1c, 9.7c).

The Ombudsman's own reference only: reports are published, and our complaint reference is internal.
"""

from __future__ import annotations

from typing import Any

from putright.governance.documents.blocks import Block, Para, Table
from putright.governance.documents.fmt import day


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
