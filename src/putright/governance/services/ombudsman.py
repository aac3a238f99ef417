"""The Ombudsman's cases: referral, evidence, findings, orders, failure orders (Code 8.1c, 9.7c).

A referral and each finding are also written to the complaint's own event log, so the
complaint's full record (5.12) shows that the Ombudsman is involved and what it decided.
"""

from __future__ import annotations

from datetime import date, datetime

from django.db import transaction

from putright.cases.models import Complaint, EventAction
from putright.cases.services.history import complaint_event_record
from putright.core.actor import Actor, user_or_none
from putright.core.dates import code_calendar, long_date
from putright.core.errors import InvalidInput
from putright.governance.models import (
    ComplaintHandlingFailureOrder,
    EvidenceRequest,
    FailureReason,
    Finding,
    FindingKind,
    OmbudsmanCase,
    OmbudsmanOrder,
    OrderKind,
)
from putright.governance.services._common import choice, not_future, raise_if, text

EVIDENCE_WORKING_DAYS = 15


def evidence_due_on(requested_on: date) -> date:
    """15 working days after the request (the 2020 Code's target, kept as the default). Day of request is day 0."""
    return code_calendar().add_working_days(requested_on, EVIDENCE_WORKING_DAYS)


def _complaint(reference: str, errors: dict[str, str]) -> Complaint | None:
    found = (
        Complaint.objects.filter(reference=reference.strip().upper()).first() if reference.strip() else None
    )
    if found is None:
        errors["complaint"] = "Enter the reference of the complaint the Ombudsman is looking at"
    return found


def ombudsman_case_open(
    *,
    actor: Actor | None,
    now: datetime,
    complaint_reference: str,
    referred_on: date | None,
    ombudsman_reference: str = "",
    summary: str = "",
) -> OmbudsmanCase:
    """Record that the Ombudsman has taken up a complaint."""
    errors: dict[str, str] = {}
    complaint = _complaint(complaint_reference, errors)
    if referred_on is None:
        errors["referred_on"] = "Enter the date the Ombudsman told you about the case"
    not_future(errors, "referred_on", referred_on, now, "The referral date")
    if len(ombudsman_reference.strip()) > 60:
        errors["ombudsman_reference"] = "Use 60 characters or fewer"
    raise_if(errors)
    assert complaint is not None and referred_on is not None
    with transaction.atomic():
        case = OmbudsmanCase.objects.create(
            complaint=complaint,
            ombudsman_reference=ombudsman_reference.strip(),
            referred_on=referred_on,
            summary=summary.strip(),
            created_by=user_or_none(actor),
        )
        complaint_event_record(
            actor=actor,
            now=now,
            complaint_id=complaint.pk,
            action=EventAction.OMBUDSMAN_REFERRAL,
            summary=f"Referred to the Housing Ombudsman on {long_date(referred_on)}"
            + (f" ({case.ombudsman_reference})" if case.ombudsman_reference else ""),
            details={"ombudsman_case": case.pk, "ombudsman_reference": case.ombudsman_reference},
        )
    return case


def ombudsman_case_close(
    *, actor: Actor | None, now: datetime, case_id: int, closed_on: date | None
) -> OmbudsmanCase:
    errors: dict[str, str] = {}
    if closed_on is None:
        errors["closed_on"] = "Enter the date the case closed"
    not_future(errors, "closed_on", closed_on, now, "The closing date")
    raise_if(errors)
    with transaction.atomic():
        case = OmbudsmanCase.objects.select_for_update().get(pk=case_id)
        case.state, case.closed_on = OmbudsmanCase.State.CLOSED, closed_on
        case.save(update_fields=["state", "closed_on"])
    return case


def evidence_request_add(
    *,
    actor: Actor | None,
    now: datetime,
    case_id: int,
    requested_on: date | None,
    description: str,
    due_on: date | None = None,
) -> EvidenceRequest:
    """An evidence request, due 15 working days after it was made unless the Ombudsman set a date."""
    errors: dict[str, str] = {}
    body = text(errors, "description", description, "Say what evidence the Ombudsman asked for")
    if requested_on is None:
        errors["requested_on"] = "Enter the date of the request"
    not_future(errors, "requested_on", requested_on, now, "The request date")
    if requested_on and due_on and due_on < requested_on:
        errors["due_on"] = "The due date must be on or after the request date"
    raise_if(errors)
    assert requested_on is not None
    return EvidenceRequest.objects.create(
        case_id=case_id,
        requested_on=requested_on,
        due_on=due_on or evidence_due_on(requested_on),
        description=body,
    )


def evidence_request_sent(
    *, actor: Actor | None, now: datetime, request_id: int, sent_on: date | None
) -> EvidenceRequest:
    errors: dict[str, str] = {}
    if sent_on is None:
        errors["sent_on"] = "Enter the date the evidence was sent"
    not_future(errors, "sent_on", sent_on, now, "The date sent")
    raise_if(errors)
    with transaction.atomic():
        request = EvidenceRequest.objects.select_for_update().get(pk=request_id)
        if sent_on is not None and sent_on < request.requested_on:
            raise InvalidInput({"sent_on": "The evidence cannot be sent before it was asked for"})
        request.sent_on = sent_on
        request.save(update_fields=["sent_on"])
    return request


def finding_record(
    *,
    actor: Actor | None,
    now: datetime,
    case_id: int,
    issue: str,
    kind: str,
    determined_on: date | None,
    complaint_handling: bool = False,
) -> Finding:
    """The Ombudsman's finding on one issue; it goes on the complaint's record too."""
    errors: dict[str, str] = {}
    issue_text = text(errors, "issue", issue, "Say which issue the finding is about", max_length=300)
    choice(errors, "kind", kind, FindingKind, "Choose the finding")
    if determined_on is None:
        errors["determined_on"] = "Enter the date of the determination"
    not_future(errors, "determined_on", determined_on, now, "The determination date")
    raise_if(errors)
    assert determined_on is not None
    with transaction.atomic():
        case = OmbudsmanCase.objects.get(pk=case_id)
        finding = Finding.objects.create(
            case=case,
            issue=issue_text,
            kind=kind,
            complaint_handling=complaint_handling,
            determined_on=determined_on,
        )
        complaint_event_record(
            actor=actor,
            now=now,
            complaint_id=case.complaint_id,
            action=EventAction.OMBUDSMAN_FINDING,
            summary=f"Ombudsman finding on {issue_text[:200]}: {FindingKind(kind).label.lower()}",
            details={"finding": finding.pk, "kind": kind, "determined_on": determined_on},
        )
    return finding


def order_add(
    *,
    actor: Actor | None,
    now: datetime,
    case_id: int,
    kind: str,
    description: str,
    due_on: date | None,
    finding_id: int | None = None,
) -> OmbudsmanOrder:
    """An order (binding, with a date) or a recommendation from the Ombudsman."""
    errors: dict[str, str] = {}
    body = text(errors, "description", description, "Say what the Ombudsman ordered or recommended")
    choice(errors, "kind", kind, OrderKind, "Choose order or recommendation")
    if kind == OrderKind.ORDER and due_on is None:
        errors["due_on"] = "Enter the date the order must be complied with by"
    if finding_id is not None and not Finding.objects.filter(pk=finding_id, case_id=case_id).exists():
        errors["finding"] = "Choose a finding from this case"
    raise_if(errors)
    return OmbudsmanOrder.objects.create(
        case_id=case_id, finding_id=finding_id, kind=kind, description=body, due_on=due_on
    )


def order_complete(
    *,
    actor: Actor | None,
    now: datetime,
    order_id: int,
    completed_on: date | None,
    compliance_evidence: str,
    evidence_sent_on: date | None = None,
) -> OmbudsmanOrder:
    """Record compliance with an order, and the evidence of it sent to the Ombudsman (9.7c)."""
    errors: dict[str, str] = {}
    evidence = text(errors, "compliance_evidence", compliance_evidence, "Describe the evidence of compliance")
    if completed_on is None:
        errors["completed_on"] = "Enter the date the order was complied with"
    not_future(errors, "completed_on", completed_on, now, "The completion date")
    not_future(errors, "evidence_sent_on", evidence_sent_on, now, "The date the evidence was sent")
    raise_if(errors)
    with transaction.atomic():
        order = OmbudsmanOrder.objects.select_for_update().get(pk=order_id)
        order.completed_on, order.compliance_evidence = completed_on, evidence
        order.evidence_sent_on = evidence_sent_on
        order.save(update_fields=["completed_on", "compliance_evidence", "evidence_sent_on"])
    return order


def failure_order_record(
    *,
    actor: Actor | None,
    now: datetime,
    reason: str,
    description: str,
    issued_on: date | None,
    due_on: date | None = None,
    complaint_reference: str = "",
    ombudsman_reference: str = "",
) -> ComplaintHandlingFailureOrder:
    """A Complaint Handling Failure Order: about one complaint, or the landlord's handling generally."""
    errors: dict[str, str] = {}
    choice(errors, "reason", reason, FailureReason, "Choose the kind of failure")
    body = text(errors, "description", description, "Describe what the order says")
    if issued_on is None:
        errors["issued_on"] = "Enter the date the order was issued"
    not_future(errors, "issued_on", issued_on, now, "The issue date")
    complaint = _complaint(complaint_reference, errors) if complaint_reference.strip() else None
    raise_if(errors)
    assert issued_on is not None
    return ComplaintHandlingFailureOrder.objects.create(
        complaint=complaint,
        ombudsman_reference=ombudsman_reference.strip()[:60],
        reason=reason,
        description=body,
        issued_on=issued_on,
        due_on=due_on,
    )


def failure_order_comply(
    *, actor: Actor | None, now: datetime, order_id: int, complied_on: date | None, note: str
) -> ComplaintHandlingFailureOrder:
    errors: dict[str, str] = {}
    body = text(errors, "compliance_note", note, "Say how the order was complied with")
    if complied_on is None:
        errors["complied_on"] = "Enter the date the order was complied with"
    not_future(errors, "complied_on", complied_on, now, "The date")
    raise_if(errors)
    with transaction.atomic():
        order = ComplaintHandlingFailureOrder.objects.select_for_update().get(pk=order_id)
        order.complied_on, order.compliance_note = complied_on, body
        order.save(update_fields=["complied_on", "compliance_note"])
    return order
