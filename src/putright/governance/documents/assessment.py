"""The approved self-assessment as report blocks (Code 8.1a), read through `putright.governance.self_assessment`."""

from __future__ import annotations

from datetime import date
from typing import Any

from putright.governance import self_assessment
from putright.governance.documents.blocks import Block, Para, Table
from putright.governance.documents.fmt import day, num


def latest_approved(on_or_before: date | None = None, covering: tuple[date, date] | None = None) -> Any:
    """The latest approved self-assessment (for that period, if given), or None when none is approved."""
    return self_assessment.latest_approved(on_or_before, covering)


def document_rows(document: Any) -> Table:
    return Table(
        caption="Self-assessment against the Complaint Handling Code, provision by provision",
        head=["Provision", "Requirement", "Complies", "Evidence and commentary", "RAG", "Actions"],
        rows=[
            [
                row.provision_id,
                row.requirement,
                row.comply_label,
                " ".join(part for part in (row.evidence, row.commentary) if part),
                row.rag_label or "Not rated",
                "; ".join(_action(a) for a in row.actions),
            ]
            for row in document.rows
        ],
    )


def _action(action: Any) -> str:
    when = f"done {day(action.completed_on)}" if action.completed_on else f"due {day(action.due_on)}"
    return f"{action.description} ({action.owner}, {when}, {action.status_label})"


def assessment_blocks(approved: Any) -> list[Block]:
    if approved is None:
        return [
            Para(
                "No self-assessment against the Complaint Handling Code covering this year has been approved "
                "by the governing body yet. The report will include it once it is approved."
            )
        ]
    approval = approved.approval
    counts = approved.comply_counts
    blocks: list[Block] = [
        Para(
            f"{approved.title}: {approved.edition}, covering {day(approved.period_start)} to "
            f"{day(approved.period_end)}, version {approved.version_number}, approved by "
            f"{approval.approver_name} ({approval.body}) on {day(approval.approved_on)}."
        ),
        Table(
            caption="Compliance with the Code's provisions",
            head=["Answer", "Provisions"],
            rows=[
                ["Complies", num(counts.get("yes", 0))],
                ["Partly complies", num(counts.get("partly", 0))],
                ["Does not comply", num(counts.get("no", 0))],
                ["Not applicable", num(counts.get("n/a", 0))],
                ["Not answered", num(counts.get("", 0))],
            ],
        ),
        Table(
            caption="RAG ratings",
            head=["Rating", "Provisions"],
            rows=[
                ["Green", num(approved.rag_counts.get("green", 0))],
                ["Amber", num(approved.rag_counts.get("amber", 0))],
                ["Red", num(approved.rag_counts.get("red", 0))],
                ["Not rated", num(approved.rag_counts.get("", 0))],
            ],
        ),
        Para(f"Improvement actions still open: {num(approved.open_actions)}."),
    ]
    if approval.response:
        blocks.append(Para(f"The governing body's response to the self-assessment: {approval.response}"))
    blocks.append(document_rows(approved.document))
    return blocks
