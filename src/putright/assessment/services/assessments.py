"""Starting, completing, approving and publishing a self-assessment (Appendix A; Code 8.1-8.4).

The complaints officer completes it; the governing body approves a named version and
gives its response; only an approved version is ever published.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django.db import transaction
from django.db.models import Count

from putright.assessment.models import (
    COMPLY_NEEDS_EXPLANATION,
    ActionStatus,
    Answer,
    Approval,
    Assessment,
    Comply,
    ImprovementAction,
    Publication,
    Reason,
)
from putright.assessment.services._common import (
    lock_assessment,
    raise_if,
    record_version,
)
from putright.core.actor import Actor, user_or_none
from putright.core.dates import england_date
from putright.core.errors import ActionRefused, EditConflict, InvalidInput
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
    if reason in (
        Reason.RESTRUCTURE,
        Reason.MERGER,
        Reason.PROCEDURE_CHANGE,
        Reason.OMBUDSMAN_REQUEST,
    ) and not (reason_detail.strip()):
        errors["reason_detail"] = "Say what changed, or what the Ombudsman asked for (Code 8.3, 8.4)"
    source = Assessment.objects.filter(pk=copy_from_id).first() if copy_from_id else None
    if copy_from_id and source is None:
        errors["copy_from"] = "Choose a self-assessment to carry forward"
    elif source is not None and source.edition != edition:
        errors["copy_from"] = "Carry forward only from a self-assessment against the same edition of the Code"
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
        if source is not None:
            assessment.rag_green, assessment.rag_amber, assessment.rag_red = (
                source.rag_green,
                source.rag_amber,
                source.rag_red,
            )
            assessment.save(update_fields=["rag_green", "rag_amber", "rag_red"])
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


def _carry_forward(source: Assessment, target: Assessment) -> None:
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


def unfinished_provisions(assessment: Assessment) -> list[str]:
    """Provisions not yet complete (Code 8.1, Appendix A): not answered; answered no, partly or n/a
    without an explanation; with no RAG rating; or with no evidence at all (written evidence, a
    linked document, or evidence from the record). A bare "Yes" proves nothing to the Ombudsman."""
    rows = assessment.answers.annotate(
        linked_documents=Count("documents", distinct=True),
        record_evidence=Count("system_evidence", distinct=True),
    ).values_list(
        "provision_id", "comply", "commentary", "rag", "evidence", "linked_documents", "record_evidence"
    )
    return [
        pid
        for pid, comply, commentary, rag, evidence, linked, recorded in rows
        if comply == Comply.NOT_ANSWERED
        or (comply in COMPLY_NEEDS_EXPLANATION and not commentary.strip())
        or not rag
        or not (evidence.strip() or linked or recorded)
    ]


def assessment_complete(
    *, actor: Actor | None, now: datetime, assessment_id: int, completed_by_name: str, completed_on: date
) -> Assessment:
    """The complaints officer signs the self-assessment off as complete (Appendix A)."""
    if not completed_by_name.strip():
        raise InvalidInput({"completed_by_name": "Enter the name of the complaints officer completing it"})
    with transaction.atomic():
        assessment = lock_assessment(assessment_id)
        missing = unfinished_provisions(assessment)
        if missing:
            raise ActionRefused(
                "Complete every provision first: an answer, evidence (written, a linked document or from the "
                "record), a RAG rating, and an explanation wherever the answer is no, partly or not "
                f"applicable. Still to do: {', '.join(missing)}",
                code_paragraph="8.1",
                field="completed_by_name",
            )
        assessment.completed_by_name = completed_by_name.strip()
        assessment.completed_by = user_or_none(actor)
        assessment.completed_on = completed_on
        assessment.save(update_fields=["completed_by_name", "completed_by", "completed_on"])
        record_version(
            assessment, actor=actor, now=now, summary=f"Completed by {assessment.completed_by_name}"
        )
    return assessment


def assessment_approve(
    *,
    actor: Actor | None,
    now: datetime,
    assessment_id: int,
    version_number: int,
    approver_name: str,
    body: str,
    approved_on: date,
    response: str,
) -> Approval:
    """Record the governing body's approval of the version it read, with its response (8.2)."""
    errors: dict[str, str] = {}
    if not approver_name.strip():
        errors["approver_name"] = "Enter the name of the person approving for the governing body"
    if not body.strip():
        errors["body"] = "Enter the governing body, such as 'Board' or 'Customer Services Committee'"
    if not response.strip():
        errors["response"] = "Enter the governing body's response: it is published alongside (Code 8.2)"
    raise_if(errors)
    with transaction.atomic():
        assessment = lock_assessment(assessment_id)
        if version_number != assessment.revision:
            raise EditConflict(
                f"The self-assessment has changed since version {version_number}; read version "
                f"{assessment.revision} before approving it."
            )
        if assessment.completed_on is None or unfinished_provisions(assessment):
            raise ActionRefused(
                "The complaints officer must complete the self-assessment before it is approved",
                code_paragraph="8.1",
            )
        if approved_on < assessment.completed_on:
            raise InvalidInput({"approved_on": "Approval cannot be before the self-assessment was completed"})
        approved_version = assessment.versions.filter(number=version_number).first()
        if approved_version is not None and approved_on < england_date(approved_version.at):
            # The governing body cannot have approved words that did not exist yet.
            raise InvalidInput(
                {
                    "approved_on": f"Version {version_number} was saved on {england_date(approved_version.at):%-d %B %Y}: "
                    "approval cannot be before the version it approves"
                }
            )
        return Approval.objects.create(
            assessment=assessment,
            version_number=version_number,
            approver_name=approver_name.strip(),
            body=body.strip(),
            approved_on=approved_on,
            response=response.strip(),
            recorded_by=user_or_none(actor),
            recorded_at=now,
        )


def assessment_publish(*, actor: Actor | None, now: datetime, assessment_id: int) -> Publication:
    """Publish the most recently approved version (Code 8.2). Later drafts stay unpublished."""
    with transaction.atomic():
        assessment = lock_assessment(assessment_id)
        approval = Approval.objects.filter(assessment=assessment).order_by("-approved_on", "-id").first()
        if approval is None:
            raise ActionRefused(
                "Only a self-assessment approved by the governing body can be published",
                code_paragraph="8.2",
            )
        return Publication.objects.create(
            assessment=assessment,
            version_number=approval.version_number,
            published_at=now,
            published_by=user_or_none(actor),
        )
