"""An assessment's whole state as plain JSON, and what changed between two states.

Each `Version` row keeps the state as it was saved, so any version (above all the one
the governing body approved) can be shown, published or compared without the live rows.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from putright.assessment.models import Answer, Assessment

ANSWER_FIELDS = ("comply", "evidence", "commentary", "rag")
HEADER_FIELDS = (
    "title",
    "edition",
    "reason",
    "reason_detail",
    "period_start",
    "period_end",
    "rag_green",
    "rag_amber",
    "rag_red",
    "completed_on",
    "completed_by_name",
)


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def assessment_state(assessment: Assessment) -> dict[str, Any]:
    """The state to store in a version: header, then one entry per provision in form order.

    Five queries whatever the number of provisions.
    """
    header: dict[str, Any] = {}
    for name in HEADER_FIELDS:
        value = getattr(assessment, name)
        header[name] = _iso(value) if isinstance(value, date) else value
    answers = (
        Answer.objects.filter(assessment=assessment)
        .order_by("position")
        .prefetch_related("documents", "system_evidence", "actions")
    )
    return {"assessment": header, "answers": [answer_state(a) for a in answers]}


def answer_state(answer: Answer) -> dict[str, Any]:
    return {
        "provision": answer.provision_id,
        **{name: getattr(answer, name) for name in ANSWER_FIELDS},
        "documents": [
            {"id": d.pk, "title": d.title, "name": d.original_name} for d in answer.documents.all()
        ],
        "system_evidence": [
            {
                "source": e.source,
                "measure": e.measure,
                "summary": e.summary,
                "passed": e.passed,
                "total": e.total,
                "suggested_rag": e.suggested_rag,
                "computed_on": _iso(e.computed_on),
            }
            for e in answer.system_evidence.all()
        ],
        "actions": [
            {
                "id": a.pk,
                "description": a.description,
                "owner": a.owner,
                "due_on": _iso(a.due_on),
                "status": a.status,
                "completed_on": _iso(a.completed_on),
            }
            for a in answer.actions.all()
        ],
    }


def _describe(value: Any) -> Any:
    if isinstance(value, list):
        return [item.get("title") or item.get("description") or item.get("summary") for item in value]
    return value


def state_changes(before: dict[str, Any] | None, after: dict[str, Any]) -> list[dict[str, Any]]:
    """Field by field differences, naming the provision for answer fields.

    The first version has nothing to differ from: its summary says it was started.
    """
    if before is None:
        return []
    changes: list[dict[str, Any]] = []
    old_header = before.get("assessment", {})
    for name, value in after["assessment"].items():
        if old_header.get(name) != value:
            changes.append({"provision": "", "field": name, "before": old_header.get(name), "after": value})
    old_answers = {a["provision"]: a for a in before.get("answers", [])}
    for answer in after["answers"]:
        old = old_answers.get(answer["provision"], {})
        for name, value in answer.items():
            if name == "provision" or old.get(name) == value:
                continue
            changes.append(
                {
                    "provision": answer["provision"],
                    "field": name,
                    "before": _describe(old.get(name)),
                    "after": _describe(value),
                }
            )
    return changes
