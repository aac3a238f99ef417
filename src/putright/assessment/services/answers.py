"""Answering provisions: comply, evidence, commentary, RAG, documents, figures and ACTIONs.

Each function is one change: one transaction and one version row.
"""

from __future__ import annotations

import hashlib
from datetime import date, datetime
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from putright.assessment.evidence import Period, evidence_figure, measure_by_key, measures_for
from putright.assessment.models import (
    COMPLY_NEEDS_EXPLANATION,
    ActionStatus,
    Answer,
    Comply,
    EvidenceDocument,
    ImprovementAction,
    Rag,
    SystemEvidence,
)
from putright.assessment.services._common import lock_assessment, raise_if, record_version
from putright.cases.uploads import check_upload
from putright.core.actor import Actor, user_or_none
from putright.core.errors import EditConflict, InvalidInput

EXPLANATION_NEEDED = "Explain why, in the commentary: an answer of no, partly or not applicable needs reasons"


def check_answer(errors: dict[str, str], *, comply: str, commentary: str, rag: str) -> None:
    if comply not in Comply.values:
        errors["comply"] = "Choose yes, partly, no or not applicable"
    elif comply in COMPLY_NEEDS_EXPLANATION and not commentary.strip():
        errors["commentary"] = EXPLANATION_NEEDED
    if rag not in Rag.values:
        errors["rag"] = "Choose green, amber or red"


def _answer(assessment_id: int, provision_id: str) -> Answer:
    answer = (
        Answer.objects.select_for_update()
        .filter(assessment_id=assessment_id, provision_id=provision_id)
        .first()
    )
    if answer is None:
        raise InvalidInput({"provision": f"This self-assessment has no provision {provision_id}"})
    return answer


def answer_save(
    *,
    actor: Actor | None,
    now: datetime,
    assessment_id: int,
    provision_id: str,
    comply: str,
    evidence: str,
    commentary: str,
    rag: str,
    document_ids: list[int] | None = None,
    expected_revision: int | None = None,
) -> Answer:
    """Save the answer to one provision. The assessor's RAG is theirs: no figure overwrites it."""
    errors: dict[str, str] = {}
    check_answer(errors, comply=comply, commentary=commentary, rag=rag)
    raise_if(errors)
    with transaction.atomic():
        assessment = lock_assessment(assessment_id)
        answer = _answer(assessment_id, provision_id)
        if expected_revision is not None and expected_revision != answer.revision:
            raise EditConflict(
                f"Someone else saved provision {provision_id} while you were working on it. "
                "Reload the page to see their answer; yours has not been saved."
            )
        if document_ids is not None:
            documents = list(EvidenceDocument.objects.filter(assessment=assessment, pk__in=document_ids))
            if len(documents) != len(set(document_ids)):
                raise InvalidInput({"documents": "Choose documents uploaded to this self-assessment"})
            answer.documents.set(documents)
        answer.comply, answer.evidence, answer.commentary, answer.rag = (
            comply,
            evidence.strip(),
            commentary.strip(),
            rag,
        )
        answer.revision += 1
        answer.updated_at, answer.updated_by = now, user_or_none(actor)
        answer.save()
        record_version(assessment, actor=actor, now=now, summary=f"Answer to {provision_id} changed")
    return answer


def document_upload(
    *, actor: Actor | None, now: datetime, assessment_id: int, title: str, upload: UploadedFile[Any]
) -> EvidenceDocument:
    """Store a document relied on as evidence, checked by its content (type and size)."""
    errors: dict[str, str] = {}
    if not title.strip():
        errors["title"] = "Enter the document's title, such as 'Complaints policy 2024'"
    content_type = ""
    try:
        content_type = check_upload(upload)
    except InvalidInput as refused:
        errors.update({k: v[0] for k, v in refused.errors.items()})
    raise_if(errors)
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    with transaction.atomic():
        assessment = lock_assessment(assessment_id)
        return EvidenceDocument.objects.create(
            assessment=assessment,
            title=title.strip(),
            file=upload,
            original_name=(upload.name or "document")[:255],
            content_type=content_type,
            size=upload.size or 0,
            sha256=digest.hexdigest(),
            uploaded_by=user_or_none(actor),
            uploaded_at=now,
        )


def evidence_attach(
    *,
    actor: Actor | None,
    now: datetime,
    assessment_id: int,
    provision_id: str,
    measure_key: str,
    today: date,
) -> SystemEvidence:
    """Freeze the record's figure for the period into the answer's evidence.

    The suggested RAG is stored beside the figure; the answer's own RAG is left alone.
    """
    with transaction.atomic():
        assessment = lock_assessment(assessment_id)
        measure = measure_by_key(measure_key)
        allowed = {m.key for m in measures_for(edition=assessment.edition, provision_id=provision_id)}
        if measure is None or measure.key not in allowed:
            raise InvalidInput({"measure": f"The record has no such figure for provision {provision_id}"})
        answer = _answer(assessment_id, provision_id)
        figure = evidence_figure(
            measure=measure,
            period=Period(start=assessment.period_start, end=assessment.period_end, today=today),
        )
        attached = SystemEvidence.objects.create(
            answer=answer,
            source=measure.source,
            measure=measure.key,
            summary=figure.summary,
            passed=figure.passed,
            total=figure.total,
            suggested_rag=figure.suggested_rag,
            period_start=assessment.period_start,
            period_end=assessment.period_end,
            computed_on=today,
            attached_by=user_or_none(actor),
            attached_at=now,
        )
        record_version(
            assessment, actor=actor, now=now, summary=f"Figure added to the evidence for {provision_id}"
        )
    return attached


def evidence_detach(
    *, actor: Actor | None, now: datetime, assessment_id: int, system_evidence_id: int
) -> None:
    """Take a figure out of the evidence (the version history keeps it)."""
    with transaction.atomic():
        assessment = lock_assessment(assessment_id)
        item = SystemEvidence.objects.filter(pk=system_evidence_id, answer__assessment=assessment).first()
        if item is None:
            raise InvalidInput({"system_evidence": "No such figure in this self-assessment"})
        provision_id = item.answer.provision_id
        item.delete()
        record_version(
            assessment, actor=actor, now=now, summary=f"Figure removed from the evidence for {provision_id}"
        )


def check_action(errors: dict[str, str], *, description: str, owner: str, due_on: Any, status: str) -> None:
    if not description.strip():
        errors["description"] = "Describe the action"
    if not owner.strip():
        errors["owner"] = "Enter who owns the action"
    if not isinstance(due_on, date):
        errors["due_on"] = "Enter the date the action is due, for example 31 3 2026"
    if status not in ActionStatus.values:
        errors["status"] = "Choose not started, in progress or completed"


def action_add(
    *,
    actor: Actor | None,
    now: datetime,
    assessment_id: int,
    provision_id: str,
    description: str,
    owner: str,
    due_on: date,
) -> ImprovementAction:
    """Add an ACTION to the improvement plan against a provision."""
    errors: dict[str, str] = {}
    check_action(errors, description=description, owner=owner, due_on=due_on, status=ActionStatus.OPEN)
    raise_if(errors)
    with transaction.atomic():
        assessment = lock_assessment(assessment_id)
        answer = _answer(assessment_id, provision_id)
        action = ImprovementAction.objects.create(
            answer=answer, description=description.strip(), owner=owner.strip(), due_on=due_on, created_at=now
        )
        record_version(assessment, actor=actor, now=now, summary=f"Action added for {provision_id}")
    return action


def action_update(
    *,
    actor: Actor | None,
    now: datetime,
    action_id: int,
    description: str,
    owner: str,
    due_on: date,
    status: str,
    completed_on: date | None = None,
) -> ImprovementAction:
    """Change an ACTION or its progress. A completed action records the day it was done."""
    errors: dict[str, str] = {}
    check_action(errors, description=description, owner=owner, due_on=due_on, status=status)
    if status == ActionStatus.DONE and completed_on is None:
        errors["completed_on"] = "Enter the date the action was completed"
    raise_if(errors)
    with transaction.atomic():
        found = ImprovementAction.objects.select_related("answer").filter(pk=action_id).first()
        if found is None:
            raise InvalidInput({"action": "No such action"})
        assessment = lock_assessment(found.answer.assessment_id)
        action = ImprovementAction.objects.select_for_update().get(pk=action_id)
        action.description, action.owner, action.due_on, action.status = (
            description.strip(),
            owner.strip(),
            due_on,
            status,
        )
        action.completed_on = completed_on if status == ActionStatus.DONE else None
        action.save()
        record_version(
            assessment, actor=actor, now=now, summary=f"Action for {found.answer.provision_id} updated"
        )
    return action
