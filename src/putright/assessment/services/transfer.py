"""Bringing answers in from a CSV or XLSX file: all rows or none (one transaction)."""

from __future__ import annotations

from datetime import datetime

from django.db import transaction

from putright.assessment.models import Answer, ImprovementAction
from putright.assessment.services._common import lock_assessment, record_version
from putright.assessment.transfer import parse_table, read_csv, read_xlsx
from putright.core.actor import Actor, user_or_none
from putright.core.errors import InvalidInput

MAX_IMPORT_BYTES = 5 * 1024 * 1024


def assessment_import(
    *, actor: Actor | None, now: datetime, assessment_id: int, data: bytes, file_name: str
) -> int:
    """Replace the answers (and their ACTIONs) for every provision the file lists.

    Every row is checked first; one bad row and nothing is saved, with every problem
    listed by row number. Provisions the file does not list are left as they are.
    Returns the number of answers imported.
    """
    name = file_name.lower()
    if len(data) > MAX_IMPORT_BYTES:
        raise InvalidInput({"file": f"{file_name} is larger than 5 MB"})
    if name.endswith(".csv"):
        table, from_csv = read_csv(data), True
    elif name.endswith(".xlsx"):
        table, from_csv = read_xlsx(data), False
    else:
        raise InvalidInput({"file": "Choose a CSV (.csv) or Excel (.xlsx) file"})
    with transaction.atomic():
        assessment = lock_assessment(assessment_id)
        rows = parse_table(table, edition=assessment.edition, from_csv=from_csv)
        answers = {
            a.provision_id: a
            for a in Answer.objects.select_for_update().filter(
                assessment=assessment, provision_id__in=[r.provision_id for r in rows]
            )
        }
        ImprovementAction.objects.filter(answer__in=answers.values()).delete()
        for row in rows:
            answer = answers[row.provision_id]
            answer.comply, answer.evidence, answer.commentary, answer.rag = (
                row.comply,
                row.evidence,
                row.commentary,
                row.rag,
            )
            answer.revision += 1
            answer.updated_at = now
            answer.updated_by = user_or_none(actor)
        Answer.objects.bulk_update(
            answers.values(),
            ["comply", "evidence", "commentary", "rag", "revision", "updated_at", "updated_by"],
        )
        ImprovementAction.objects.bulk_create(
            ImprovementAction(
                answer=answers[row.provision_id],
                description=a.description,
                owner=a.owner,
                due_on=a.due_on,
                status=a.status,
                completed_on=a.completed_on,
                created_at=now,
            )
            for row in rows
            for a in row.actions
        )
        record_version(
            assessment, actor=actor, now=now, summary=f"{len(rows)} answers imported from {file_name}"[:500]
        )
    return len(rows)
