"""Anonymising one resident: personal data out, the shape of the record kept.

Names, contact details and every free text (complaint descriptions, definitions,
reasons, correspondence, letters, notes, event details) become the marker; uploaded
files and letter files are deleted once the transaction commits. Dates, stages,
statuses, decisions, categories, amounts and the rows themselves stay, so every
count and timeliness figure comes out the same afterwards.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import Case, Q, Value, When

from putright.assessment.models import QASampleCase
from putright.cases.models import (
    Action,
    ActionUpdate,
    Adjustment,
    Attachment,
    CaseEvent,
    Complaint,
    Contact,
    Correspondence,
    Extension,
    Refusal,
    Remedy,
    Representative,
    Resident,
    Restriction,
    ServiceRequest,
    StageRecord,
    UpdateAgreement,
)
from putright.cases.services.history import complaints_anonymised_record
from putright.core.actor import Actor, user_or_none
from putright.core.dates import long_date
from putright.governance.models import (
    ComplaintHandlingFailureOrder,
    EvidenceRequest,
    Finding,
    OmbudsmanCase,
    OmbudsmanOrder,
)
from putright.letters.models import Letter
from putright.privacy.errors import PrivacyRefused
from putright.privacy.models import AnonymisationRecord
from putright.privacy.record_rewrite import MARKER, rewrite, rewrite_permitted
from putright.privacy.retention.scrub import scrub
from putright.residents.models import ResidentSession, SignInCode

Kind = AnonymisationRecord.Kind


def _files_to_delete(complaints: Q) -> list[str]:
    names = list(Attachment.objects.filter(complaints).exclude(file="").values_list("file", flat=True))
    for pdf, docx in Letter.objects.filter(complaints).values_list("pdf", "docx"):
        names.extend(name for name in (pdf, docx) if name)
    return names


def _delete_files(names: list[str]) -> None:
    for name in names:
        default_storage.delete(name)


def _rewrite_events(complaints: Q, counts: dict[str, int]) -> None:
    rows = CaseEvent.objects.filter(complaints).values_list("pk", "before", "after")
    for pk, before, after in rows.iterator(chunk_size=500):
        rewrite(CaseEvent, Q(pk=pk), summary=MARKER, before=scrub(before), after=scrub(after))
        counts["cases.caseevent"] = counts.get("cases.caseevent", 0) + 1


def _marked_unless_blank(field: str) -> Case:
    """Free text that may be blank: marked where there was some, blank stays blank, so that
    "was there a late-entry reason" still reads true after anonymising (Code 5.12 figures)."""
    return Case(When(**{field: ""}, then=Value("")), default=Value(MARKER))


def _rewrite_case_record(complaint_ids: list[int], counts: dict[str, int]) -> None:
    of = Q(complaint_id__in=complaint_ids)
    plan: list[tuple[Any, Q, dict[str, Any]]] = [
        (
            Complaint,
            Q(pk__in=complaint_ids),
            {"description": MARKER, "withdrawal_note": _marked_unless_blank("withdrawal_note")},
        ),
        (
            StageRecord,
            of,
            {
                "escalation_reason": MARKER,
                "definition": MARKER,
                "outcomes_sought": MARKER,
                "responsibility": MARKER,
                "reasons": MARKER,
                "no_remedy_reason": _marked_unless_blank("no_remedy_reason"),
                # Blank means putright sent the letter: only a note of how it went outside is marked.
                "acknowledgement_sent_outside": _marked_unless_blank("acknowledgement_sent_outside"),
                "response_sent_outside": _marked_unless_blank("response_sent_outside"),
                "request_late_reason": _marked_unless_blank("request_late_reason"),
                "acknowledgement_late_reason": _marked_unless_blank("acknowledgement_late_reason"),
                "response_late_reason": _marked_unless_blank("response_late_reason"),
            },
        ),
        (
            Extension,
            Q(stage_record__complaint_id__in=complaint_ids),
            {
                "reason": MARKER,
                "good_reason_explanation": _marked_unless_blank("good_reason_explanation"),
                "late_entry_reason": _marked_unless_blank("late_entry_reason"),
            },
        ),
        (
            Refusal,
            of,
            {
                "evidence": MARKER,
                "explanation": MARKER,
                "discretion": _marked_unless_blank("discretion"),
                "reopen_reason": _marked_unless_blank("reopen_reason"),
                "late_entry_reason": _marked_unless_blank("late_entry_reason"),
            },
        ),
        (
            Remedy,
            of,
            {"description": MARKER, "completion_late_reason": _marked_unless_blank("completion_late_reason")},
        ),
        (Action, of, {"description": MARKER}),
        (
            ActionUpdate,
            Q(action__complaint_id__in=complaint_ids),
            {
                "text": MARKER,
                "late_entry_reason": _marked_unless_blank("late_entry_reason"),
                "promise_change_reason": _marked_unless_blank("promise_change_reason"),
                "resident_told_how": _marked_unless_blank("resident_told_how"),
            },
        ),
        (UpdateAgreement, of, {"method": ""}),
        (Correspondence, of, {"party": MARKER, "subject": MARKER, "body": MARKER}),
        (Attachment, of, {"file": "", "original_name": MARKER}),
        (
            Letter,
            of,
            {
                "subject": MARKER,
                "body_html": MARKER,
                "content": {},
                "recipient": MARKER,
                "recipient_address": "",
                # The representative's copy (Code 3.6): marked where there was one, blank stays blank.
                "copy_recipient": Case(When(copy_recipient="", then=Value("")), default=Value(MARKER)),
                "copy_relationship": Case(When(copy_relationship="", then=Value("")), default=Value(MARKER)),
                "copy_address": "",
                "pdf": "",
                "docx": "",
            },
        ),
        (OmbudsmanCase, of, {"summary": MARKER}),
        (EvidenceRequest, Q(case__complaint_id__in=complaint_ids), {"description": MARKER}),
        (Finding, Q(case__complaint_id__in=complaint_ids), {"issue": MARKER}),
        (
            OmbudsmanOrder,
            Q(case__complaint_id__in=complaint_ids),
            {"description": MARKER, "compliance_evidence": MARKER},
        ),
        (ComplaintHandlingFailureOrder, of, {"description": MARKER, "compliance_note": MARKER}),
        (QASampleCase, of, {"notes": MARKER}),
    ]
    for model, filters, values in plan:
        counts[model._meta.label_lower] = rewrite(model, filters, **values)
    _rewrite_events(of, counts)


def _rewrite_person(resident: Resident, complaint_ids: list[int], counts: dict[str, int]) -> None:
    # NOT IN over a NULL matches nothing in SQL, so complaints without one are left out.
    shared = (
        Complaint.objects.exclude(resident=resident)
        .filter(representative__isnull=False)
        .values("representative_id")
    )
    representatives = Q(complaints__in=complaint_ids) & ~Q(pk__in=shared)
    counts["cases.representative"] = rewrite(
        Representative,
        Q(pk__in=Representative.objects.filter(representatives).values("pk")),
        name=MARKER,
        relationship=MARKER,
        email="",
        phone="",
        address="",
        consent_method="",
    )
    mine = Q(resident=resident)
    counts["cases.adjustment"] = rewrite(Adjustment, mine, description=MARKER)
    counts["cases.restriction"] = rewrite(
        Restriction, mine, reason=MARKER, scope=MARKER, proportionality=MARKER
    )
    counts["cases.servicerequest"] = rewrite(ServiceRequest, mine, description=MARKER)
    counts["cases.contact"] = rewrite(Contact, mine | Q(complaint_id__in=complaint_ids), summary=MARKER)
    if resident.email:
        # Sign-in records name the email address only; they have no statistical use.
        SignInCode.objects.filter(email__iexact=resident.email).delete()
        ResidentSession.objects.filter(email__iexact=resident.email).delete()


def resident_anonymise(
    *,
    resident_id: int,
    kind: str,
    actor: Actor | None,
    now: datetime,
    reason: str = "",
    last_activity_on: date | None = None,
) -> AnonymisationRecord:
    """Replace one resident's personal data with the marker, in one transaction, and log it.

    Each of their complaints gets an `anonymised` event, so the record says what happened.
    """
    with transaction.atomic(), rewrite_permitted():
        resident = Resident.objects.select_for_update().filter(pk=resident_id).first()
        if resident is None:
            raise PrivacyRefused(f"There is no resident {resident_id}")
        if resident.anonymised_at is not None:
            raise PrivacyRefused(
                f"Resident {resident_id} was already anonymised on {long_date(resident.anonymised_at)}"
            )
        complaint_ids = list(Complaint.objects.filter(resident=resident).values_list("pk", flat=True))
        files = _files_to_delete(Q(complaint_id__in=complaint_ids))
        counts: dict[str, int] = {}
        _rewrite_case_record(complaint_ids, counts)
        _rewrite_person(resident, complaint_ids, counts)
        counts["cases.resident"] = rewrite(
            Resident,
            Q(pk=resident.pk),
            name=MARKER,
            email="",
            phone="",
            phone_digits="",
            address="",
            tenancy_reference="",
            language="",
            anonymised_at=now,
        )
        counts["files"] = len(files)
        label = getattr(actor, "username", None) or str(actor or "system")
        record = AnonymisationRecord.objects.create(
            resident=resident,
            kind=kind,
            reason=reason.strip(),
            actor=user_or_none(actor),
            actor_label=label[:200],
            at=now,
            last_activity_on=last_activity_on,
            counts=counts,
        )
        summary = (
            "Personal data anonymised: the retention period ended"
            if kind == Kind.RETENTION
            else "Personal data erased on request (UK GDPR art. 17)"
        )
        complaints_anonymised_record(
            complaint_ids=complaint_ids,
            actor=record.actor,
            actor_label=record.actor_label,
            now=now,
            summary=summary,
            details={"kind": kind, "anonymisation": record.pk},
        )
        transaction.on_commit(lambda: _delete_files(files))
    return record


def resident_erase(
    *, resident_id: int, reason: str, actor: Actor | None, now: datetime
) -> AnonymisationRecord:
    """Erasure on request (UK GDPR art. 17): anonymise now, whatever the retention period.

    Refused while a complaint is being handled or an Ombudsman case is open: the landlord
    still needs the data to handle it (art. 17(3)(e)); docs/privacy.md says when erasure applies.
    """
    if not reason.strip():
        raise PrivacyRefused("Give the reason for erasure: who asked, when, and on what grounds")
    busy = Complaint.objects.filter(resident_id=resident_id, status__in=("received", "acknowledged"))
    if busy.exists():
        references = ", ".join(busy.values_list("reference", flat=True))
        raise PrivacyRefused(
            f"Complaints still being handled: {references}. Close or withdraw them before erasure."
        )
    if OmbudsmanCase.objects.filter(
        complaint__resident_id=resident_id, state=OmbudsmanCase.State.OPEN
    ).exists():
        raise PrivacyRefused(
            "An Ombudsman case about this resident is open: the record must be kept until it closes."
        )
    return resident_anonymise(resident_id=resident_id, kind=Kind.ERASURE, actor=actor, now=now, reason=reason)
