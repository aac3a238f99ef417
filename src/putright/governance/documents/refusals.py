"""Complaints not accepted, escalations refused and withdrawals as report blocks (Code 2.1-2.5, 5.11, 8.1b)."""

from __future__ import annotations

from putright.cases.models import RefusalReason
from putright.governance.documents.blocks import Block, Heading, Para, Table
from putright.governance.documents.fmt import num
from putright.governance.selectors.report_types import PerformanceReport


def refusal_blocks(report: PerformanceReport) -> list[Block]:
    refused = report.refused
    return [
        Heading("Complaints not accepted (Code 8.1b)"),
        Para(
            f"{num(refused.total)} complaints were not accepted under section 2 of the Code, and "
            f"{num(refused.escalation_refused.total)} requests to escalate were refused (Code 5.11). "
            f"{num(refused.reopened)} complaints not accepted at first were later reopened and "
            "taken on (Code 2.4); they count as accepted complaints. "
            f"{num(refused.escalation_refused.late)} escalations were refused more than 5 "
            "working days after the resident asked (Code 6.11)."
        ),
        withdrawal_para(report),
        Table(
            caption="Complaints not accepted and escalations refused, by reason",
            head=["Reason", "Not accepted", "Escalation refused"],
            rows=[
                [
                    r.label,
                    num(refused.by_reason[r.value]),
                    num(refused.escalation_refused.by_reason[r.value]),
                ]
                for r in RefusalReason
            ],
            keys=[["", f"refused.1.{r.value}", f"refused.2.{r.value}"] for r in RefusalReason],
        ),
    ]


def withdrawal_para(report: PerformanceReport) -> Para:
    """Withdrawals, and those made after a deadline had passed."""
    withdrawn = report.withdrawn
    return Para(
        f"{num(withdrawn.total)} complaints were withdrawn by the resident, "
        f"{num(withdrawn.after_deadline)} of them after a deadline at their stage had passed "
        "unmet; those late stages still count as late."
    )
