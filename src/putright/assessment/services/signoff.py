"""Signing a self-assessment off: completing, approving and publishing it (Appendix A; Code 8.1, 8.2).

The complaints officer completes it once every provision is answered and evidenced; the
governing body approves a named version and gives its response; only an approved version
is ever published.
"""

from __future__ import annotations

from datetime import date, datetime

from django.db import transaction
from django.db.models import Count

from putright.assessment.models import COMPLY_NEEDS_EXPLANATION, Approval, Assessment, Comply, Publication
from putright.assessment.services._common import lock_assessment, raise_if, record_version
from putright.core.actor import Actor, user_or_none
from putright.core.dates import england_date
from putright.core.errors import ActionRefused, EditConflict, InvalidInput


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
