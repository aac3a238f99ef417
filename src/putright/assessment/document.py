"""The assessment as a document laid out like Appendix A, built from a saved state.

Plain data only: the HTML page, the PDF and the DOCX all render this, so what the
governing body approved and what the public sees are the same words.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from putright.assessment.models import ActionStatus, Comply, Rag, Reason
from putright.core.dates import ENGLAND
from putright.rules.provisions import provisions_for, sections_for

EDITION_LABELS = {"hos-2024": "Complaint Handling Code 2024", "hos-2020": "Complaint Handling Code 2020"}
# Seed 002 shows a handful of rows, not every keystroke: consecutive saves by the same
# person on the same day under the same approval become one row of the version table.
MAX_SUMMARIES_PER_LINE = 4


@dataclass(frozen=True)
class ActionLine:
    description: str
    owner: str
    due_on: date
    status: str
    status_label: str
    completed_on: date | None


@dataclass(frozen=True)
class DocumentRow:
    provision_id: str
    requirement: str
    comply: str
    comply_label: str
    evidence: str
    documents: tuple[str, ...]
    system_evidence: tuple[str, ...]
    commentary: str
    rag: str
    rag_label: str
    actions: tuple[ActionLine, ...]


@dataclass(frozen=True)
class DocumentSection:
    number: int
    title: str
    rows: tuple[DocumentRow, ...]


@dataclass(frozen=True)
class VersionLine:
    on: date
    changes: str
    completed_by: str
    approved_by: str
    approved_on: date | None


@dataclass(frozen=True)
class ApprovalLine:
    version_number: int
    approver_name: str
    body: str
    approved_on: date
    response: str


@dataclass(frozen=True)
class RagKeyLine:
    rag: str
    label: str
    text: str


@dataclass(frozen=True)
class AssessmentDocument:
    assessment_id: int
    landlord_name: str
    title: str
    edition: str
    edition_label: str
    reason: str
    reason_label: str
    reason_detail: str
    period_start: date
    period_end: date
    completed_by_name: str
    completed_on: date | None
    version_number: int
    rag_key: tuple[RagKeyLine, ...]
    sections: tuple[DocumentSection, ...]
    versions: tuple[VersionLine, ...]
    approval: ApprovalLine | None
    # The day it went on the public page, when read as published; None for a draft.
    published_on: date | None = None

    @property
    def rows(self) -> tuple[DocumentRow, ...]:
        return tuple(row for section in self.sections for row in section.rows)


@dataclass(frozen=True)
class VersionFacts:
    """What the version table needs from a `Version` row."""

    number: int
    at: datetime
    actor_label: str
    summary: str


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _row(requirement: str, provision_id: str, data: dict[str, Any]) -> DocumentRow:
    comply = data.get("comply", "")
    rag = data.get("rag", "")
    return DocumentRow(
        provision_id=provision_id,
        requirement=requirement,
        comply=comply,
        comply_label=Comply(comply).label if comply else "",
        evidence=data.get("evidence", ""),
        documents=tuple(d["title"] for d in data.get("documents", [])),
        system_evidence=tuple(e["summary"] for e in data.get("system_evidence", [])),
        commentary=data.get("commentary", ""),
        rag=rag,
        rag_label=Rag(rag).label if rag else "",
        actions=tuple(
            ActionLine(
                description=a["description"],
                owner=a["owner"],
                due_on=date.fromisoformat(a["due_on"]),
                status=a["status"],
                status_label=ActionStatus(a["status"]).label,
                completed_on=_day(a.get("completed_on")),
            )
            for a in data.get("actions", [])
        ),
    )


def approval_for(number: int, approvals: Sequence[ApprovalLine]) -> ApprovalLine | None:
    """The approval covering a version: the first approval of that version or a later one."""
    covering = [a for a in approvals if a.version_number >= number]
    return min(covering, key=lambda a: (a.version_number, a.approved_on)) if covering else None


def version_lines(
    versions: Iterable[VersionFacts], approvals: Sequence[ApprovalLine]
) -> tuple[VersionLine, ...]:
    """The version table of seed 002: date, changes made, completed by, approved by, approved on."""
    lines: list[VersionLine] = []
    group: list[VersionFacts] = []
    key: tuple[Any, ...] | None = None

    def flush() -> None:
        if not group:
            return
        summaries = list(dict.fromkeys(v.summary for v in group))
        text = "; ".join(summaries[:MAX_SUMMARIES_PER_LINE])
        if len(summaries) > MAX_SUMMARIES_PER_LINE:
            text += f"; and {len(summaries) - MAX_SUMMARIES_PER_LINE} more changes"
        approval = approval_for(group[-1].number, approvals)
        lines.append(
            VersionLine(
                on=group[0].at.astimezone(ENGLAND).date(),
                changes=text,
                completed_by=group[0].actor_label,
                approved_by=f"{approval.approver_name}, {approval.body}" if approval else "",
                approved_on=approval.approved_on if approval else None,
            )
        )

    for version in versions:
        approval = approval_for(version.number, approvals)
        this = (version.at.astimezone(ENGLAND).date(), version.actor_label, approval)
        if this != key:
            flush()
            group = []
            key = this
        group.append(version)
    flush()
    return tuple(lines)


def build_document(
    *,
    assessment_id: int,
    landlord_name: str,
    state: dict[str, Any],
    version_number: int,
    versions: Iterable[VersionFacts],
    approvals: Sequence[ApprovalLine],
) -> AssessmentDocument:
    """The document for one saved state; versions after `version_number` are left out."""
    header = state["assessment"]
    edition = header["edition"]
    answers = {a["provision"]: a for a in state["answers"]}
    titles = dict(sections_for(edition))
    by_section: dict[int, list[DocumentRow]] = {number: [] for number in titles}
    for provision in provisions_for(edition):
        by_section[provision.section].append(
            _row(provision.requirement, provision.id, answers.get(provision.id, {}))
        )
    # Approvals of later versions are not part of this version's story.
    known = [a for a in approvals if a.version_number <= version_number]
    exact = [a for a in known if a.version_number == version_number]
    return AssessmentDocument(
        assessment_id=assessment_id,
        landlord_name=landlord_name,
        title=header["title"],
        edition=edition,
        edition_label=EDITION_LABELS.get(edition, edition),
        reason=header["reason"],
        reason_label=Reason(header["reason"]).label,
        reason_detail=header.get("reason_detail", ""),
        period_start=date.fromisoformat(header["period_start"]),
        period_end=date.fromisoformat(header["period_end"]),
        completed_by_name=header.get("completed_by_name", ""),
        completed_on=_day(header.get("completed_on")),
        version_number=version_number,
        rag_key=(
            RagKeyLine(Rag.GREEN, Rag.GREEN.label, header["rag_green"]),
            RagKeyLine(Rag.AMBER, Rag.AMBER.label, header["rag_amber"]),
            RagKeyLine(Rag.RED, Rag.RED.label, header["rag_red"]),
        ),
        sections=tuple(
            DocumentSection(number=n, title=titles[n], rows=tuple(rows)) for n, rows in by_section.items()
        ),
        versions=version_lines([v for v in versions if v.number <= version_number], known),
        approval=exact[-1] if exact else None,
    )
