"""Starting a self-assessment and changing its details (Appendix A; Code 8.3, 8.4).

A new one may carry last year's forward, to be reviewed rather than retyped. Completing,
approving and publishing it are :mod:`.signoff`.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django.db import transaction

from putright.assessment.models import (
    ActionStatus,
    Answer,
    Assessment,
    ImprovementAction,
    Reason,
)
from putright.assessment.services._common import (
    lock_assessment,
    raise_if,
    record_version,
)
from putright.core.actor import Actor, user_or_none
from putright.rules.provisions import Edition, provisions_for


def _check_details(
    errors: dict[str, str], *, title: str, reason: str, period_start: Any, period_end: Any
) -> None:
    if not title.strip():
        errors["title"] = "Enter a title, such as 'Self-assessment 2025 to 2026'"
    if reason not in Reason.values:
        errors["reason"] = "Choose why this self-assessment is being done"
    if not isinstance(period_start, date):
        errors["period_start"] = "Enter the first day of the period"
    if not isinstance(period_end, date):
        errors["period_end"] = "Enter the last day of the period"
    elif isinstance(period_start, date) and period_end < period_start:
        errors["period_end"] = "The period must end on or after the day it starts"


# A self-assessment done outside the annual cycle says what prompted it (Code 8.3, 8.4).
_REASONS_NEEDING_DETAIL = (
    Reason.RESTRUCTURE,
    Reason.MERGER,
    Reason.PROCEDURE_CHANGE,
    Reason.OMBUDSMAN_REQUEST,
)


def assessment_create(
    *,
    actor: Actor | None,
    now: datetime,
    title: str,
    edition: str,
    reason: str,
    period_start: date,
    period_end: date,
    reason_detail: str = "",
    copy_from_id: int | None = None,
) -> Assessment:
    """Start a self-assessment with one blank answer per provision of the edition.

    With `copy_from_id` last year's answers, evidence, commentary, RAG, documents and
    unfinished ACTIONs are carried forward, to be reviewed rather than retyped.
    """
    errors: dict[str, str] = {}
    _check_details(errors, title=title, reason=reason, period_start=period_start, period_end=period_end)
    if edition not in {e.value for e in Edition}:
        errors["edition"] = "Choose the edition of the Code"
    if reason in _REASONS_NEEDING_DETAIL and not reason_detail.strip():
        errors["reason_detail"] = "Say what changed, or what the Ombudsman asked for (Code 8.3, 8.4)"
    source = _carried_from(errors, copy_from_id=copy_from_id, edition=edition)
    raise_if(errors)
    with transaction.atomic():
        assessment = Assessment.objects.create(
            title=title.strip(),
            edition=edition,
            reason=reason,
            reason_detail=reason_detail.strip(),
            period_start=period_start,
            period_end=period_end,
            previous=source,
            created_by=user_or_none(actor),
            created_at=now,
        )
        Answer.objects.bulk_create(
            Answer(assessment=assessment, provision_id=p.id, position=i)
            for i, p in enumerate(provisions_for(edition))
        )
        if source is not None:
            _carry_forward(source, assessment)
        record_version(
            assessment,
            actor=actor,
            now=now,
            summary=f"Started, carrying forward {source.title}" if source else "Started",
        )
    return assessment


def _carried_from(errors: dict[str, str], *, copy_from_id: int | None, edition: str) -> Assessment | None:
    """The self-assessment to carry forward from, if one was chosen; why it cannot be goes in ``errors``."""
    source = Assessment.objects.filter(pk=copy_from_id).first() if copy_from_id else None
    if copy_from_id and source is None:
        errors["copy_from"] = "Choose a self-assessment to carry forward"
    elif source is not None and source.edition != edition:
        errors["copy_from"] = "Carry forward only from a self-assessment against the same edition of the Code"
    return source


def _carry_forward(source: Assessment, target: Assessment) -> None:
    """Last year's RAG key, answers, documents and unfinished actions, onto the new answers."""
    target.rag_green, target.rag_amber, target.rag_red = source.rag_green, source.rag_amber, source.rag_red
    target.save(update_fields=["rag_green", "rag_amber", "rag_red"])
    new = {a.provision_id: a for a in target.answers.all()}
    old = source.answers.prefetch_related("documents", "actions")
    for answer in old:
        into = new.get(answer.provision_id)
        if into is None:
            continue
        into.comply, into.evidence, into.commentary, into.rag = (
            answer.comply,
            answer.evidence,
            answer.commentary,
            answer.rag,
        )
        into.save(update_fields=["comply", "evidence", "commentary", "rag"])
        for document in answer.documents.all():
            copy = source.documents.model.objects.create(
                assessment=target,
                title=document.title,
                file=document.file.name,
                original_name=document.original_name,
                content_type=document.content_type,
                size=document.size,
                sha256=document.sha256,
                uploaded_by=document.uploaded_by,
                uploaded_at=document.uploaded_at,
            )
            into.documents.add(copy)
        ImprovementAction.objects.bulk_create(
            ImprovementAction(
                answer=into,
                description=a.description,
                owner=a.owner,
                due_on=a.due_on,
                status=a.status,
                created_at=a.created_at,
            )
            for a in answer.actions.all()
            if a.status != ActionStatus.DONE
        )


def assessment_update(
    *,
    actor: Actor | None,
    now: datetime,
    assessment_id: int,
    title: str,
    reason: str,
    reason_detail: str,
    period_start: date,
    period_end: date,
    rag_green: str,
    rag_amber: str,
    rag_red: str,
    expected_revision: int | None = None,
) -> Assessment:
    """Change the title, reason, period or the landlord's RAG key text."""
    errors: dict[str, str] = {}
    _check_details(errors, title=title, reason=reason, period_start=period_start, period_end=period_end)
    for name, text in (("rag_green", rag_green), ("rag_amber", rag_amber), ("rag_red", rag_red)):
        if not text.strip():
            errors[name] = "Say what this rating means, as your RAG key does"
    raise_if(errors)
    with transaction.atomic():
        assessment = lock_assessment(assessment_id, expected_revision=expected_revision)
        assessment.title, assessment.reason, assessment.reason_detail = (
            title.strip(),
            reason,
            reason_detail.strip(),
        )
        assessment.period_start, assessment.period_end = period_start, period_end
        assessment.rag_green, assessment.rag_amber, assessment.rag_red = (
            rag_green.strip(),
            rag_amber.strip(),
            rag_red.strip(),
        )
        assessment.save()
        record_version(assessment, actor=actor, now=now, summary="Details and RAG key changed")
    return assessment
