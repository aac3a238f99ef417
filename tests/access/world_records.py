"""The governance and self-assessment records of the access matrix's world, through their services."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from putright.accounts.models import Role
from putright.assessment import services as assess
from putright.assessment.models import QASampleCase, SystemEvidence
from putright.assessment.transfer import write_csv
from putright.governance import services as gov
from putright.governance.selectors.periods import Period


def governance_records(world: Any, pdf: bytes) -> None:
    """Learning, an Ombudsman case with evidence and an order, a failure order, exceptional
    circumstances, an annual report and a publication (Code 8, 9)."""
    now, officer, today = world.now, world.users[Role.COMPLAINTS_OFFICER], timezone.localdate(world.now)
    earlier = today - timedelta(days=7)
    item = gov.learning_item_create(
        actor=officer,
        now=now,
        data=gov.LearningInput(title="Mould", learning="Inspect", improvement="Train", identified_on=earlier),
    )
    case = gov.ombudsman_case_open(
        actor=officer, now=now, complaint_reference=world.ids["reference"], referred_on=earlier
    )
    evidence = gov.evidence_request_add(
        actor=officer, now=now, case_id=case.pk, requested_on=earlier, description="The file", due_on=None
    )
    order = gov.order_add(
        actor=officer,
        now=now,
        case_id=case.pk,
        kind="order",
        description="Pay £100",
        due_on=today + timedelta(days=28),
        finding_id=None,
    )
    failure = gov.failure_order_record(
        actor=officer,
        now=now,
        reason="stuck",
        description="Late",
        issued_on=earlier,
        due_on=today + timedelta(days=10),
        complaint_reference=world.ids["reference"],
        ombudsman_reference="",
    )
    exceptional = gov.exceptional_circumstance_record(
        actor=officer,
        now=now,
        title="Flood",
        description="Office flooded",
        started_on=earlier,
        ombudsman_informed_on=earlier,
        return_to_compliance_by=today + timedelta(days=30),
        residents_informed_on=None,
    )
    annual = gov.annual_report_save(
        actor=officer,
        now=now,
        period_start=date(today.year - 1, 4, 1),
        period_end=date(today.year, 3, 31),
        commentary="A year",
        other_ombudsman_reports="",
        report_id=None,
    )
    publication = gov.publication_create(
        actor=officer,
        now=now,
        kind="annual_report",
        title="Annual complaints report",
        pdf=pdf,
        docx=None,
        summary="",
        period_start=None,
        period_end=None,
    )
    # A board report version as sent, for the governing body's response to attach to (Code 9.7).
    board = gov.board_report_send(
        actor=officer,
        now=now,
        period=Period(date(today.year - 1, 4, 1), date(today.year - 1, 6, 30)),
        sent_on=today,
    )
    world.ids.update(
        board_version=board.pk,
        learning=item.pk,
        ombudsman_case=case.pk,
        evidence_request=evidence.pk,
        order=order.pk,
        failure_order=failure.pk,
        exceptional=exceptional.pk,
        annual=annual.pk,
        publication=publication.pk,
    )


def assessment_records(world: Any, pdf: bytes) -> None:
    """A self-assessment answered, with a document, an action and a figure, then completed,
    approved and published (Code 8.2), and a QA sample of the closed complaints."""
    now, officer, today = world.now, world.users[Role.COMPLAINTS_OFFICER], timezone.localdate(world.now)
    start = date(today.year - 1, 4, 1)
    assessment = assess.assessment_create(
        actor=officer,
        now=now,
        title="Self-assessment",
        edition="hos-2024",
        reason="annual",
        period_start=start,
        period_end=date(today.year, 3, 31),
    )
    rows = [
        [pid, "yes", "Policy", "", "green", ""]
        for pid in assessment.answers.values_list("provision_id", flat=True)
    ]
    assess.assessment_import(
        actor=officer, now=now, assessment_id=assessment.pk, data=write_csv(rows), file_name="answers.csv"
    )
    document = assess.document_upload(
        actor=officer,
        now=now,
        assessment_id=assessment.pk,
        title="Policy",
        upload=SimpleUploadedFile("policy.pdf", pdf, content_type="application/pdf"),
    )
    action = assess.action_add(
        actor=officer,
        now=now,
        assessment_id=assessment.pk,
        provision_id="6.2",
        description="Faster acknowledgements",
        owner="Team",
        due_on=today + timedelta(days=60),
    )
    assess.evidence_attach(
        actor=officer,
        now=now,
        assessment_id=assessment.pk,
        provision_id="6.2",
        measure_key="stage1-acknowledged",
        today=today,
    )
    assess.assessment_complete(
        actor=officer, now=now, assessment_id=assessment.pk, completed_by_name="Olive", completed_on=today
    )
    assessment.refresh_from_db()
    assess.assessment_approve(
        actor=world.users[Role.GOVERNANCE],
        now=now,
        assessment_id=assessment.pk,
        version_number=assessment.revision,
        approver_name="Priya Shah",
        body="Board",
        approved_on=today,
        response="Accepted",
    )
    assess.assessment_publish(actor=officer, now=now, assessment_id=assessment.pk)
    sample = assess.qa_sample_draw(actor=officer, now=now, quarter_start=today.replace(day=1), size=1, seed=1)
    world.ids.update(
        assessment=assessment.pk,
        provision="6.2",
        measure="stage1-acknowledged",
        system_evidence=SystemEvidence.objects.filter(answer__assessment=assessment).first().pk,  # type: ignore[union-attr]
        assessment_action=action.pk,
        document=document.pk,
        version=assessment.revision,
        qa_sample=sample.pk,
        qa_case=QASampleCase.objects.filter(sample=sample).first().pk,  # type: ignore[union-attr]
    )
