"""Anonymising one resident: personal data out, the shape of the record kept.

Names, contact details and every free text (complaint descriptions, definitions,
reasons, correspondence, letters, notes, event details) become the marker; uploaded
files and letter files are deleted once the transaction commits. Dates, stages,
statuses, decisions, categories, amounts and the rows themselves stay, so every
count and timeliness figure comes out the same afterwards.
"""

from __future__ import annotations

from datetime import date, datetime

from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import Case, Q, Value, When

from putright.cases.models import (
    Adjustment,
    Attachment,
    CaseEvent,
    Complaint,
    Contact,
    Representative,
    Resident,
    Restriction,
    ServiceRequest,
)
from putright.cases.services.history import complaints_anonymised_record
from putright.core.actor import Actor, user_or_none
from putright.core.dates import long_date
from putright.governance.models import OmbudsmanCase
from putright.letters.models import Letter
from putright.privacy.errors import PrivacyRefused
from putright.privacy.models import AnonymisationRecord
from putright.privacy.record_rewrite import MARKER, rewrite, rewrite_permitted
from putright.privacy.retention.case_record import CASE_RECORD, UNLESS_BLANK
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
    """What ``UNLESS_BLANK`` means for ``field``, as SQL: the marker where there was text, else blank."""
    return Case(When(**{field: ""}, then=Value("")), default=Value(MARKER))


def _rewrite_case_record(complaint_ids: list[int], counts: dict[str, int]) -> None:
    for rewritten in CASE_RECORD:
        values = {
            field: _marked_unless_blank(field) if value is UNLESS_BLANK else value
            for field, value in rewritten.values.items()
        }
        filters = Q(**{f"{rewritten.complaint_path}__in": complaint_ids})
        counts[rewritten.model._meta.label_lower] = rewrite(rewritten.model, filters, **values)
    _rewrite_events(Q(complaint_id__in=complaint_ids), counts)


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
        resident = _locked_resident(resident_id)
        complaint_ids = list(Complaint.objects.filter(resident=resident).values_list("pk", flat=True))
        files = _files_to_delete(Q(complaint_id__in=complaint_ids))
        counts: dict[str, int] = {}
        _rewrite_case_record(complaint_ids, counts)
        _rewrite_person(resident, complaint_ids, counts)
        counts["cases.resident"] = _rewrite_resident(resident, now=now)
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
        complaints_anonymised_record(
            complaint_ids=complaint_ids,
            actor=record.actor,
            actor_label=record.actor_label,
            now=now,
            summary=_event_summary(kind),
            details={"kind": kind, "anonymisation": record.pk},
        )
        transaction.on_commit(lambda: _delete_files(files))
    return record


def _locked_resident(resident_id: int) -> Resident:
    resident = Resident.objects.select_for_update().filter(pk=resident_id).first()
    if resident is None:
        raise PrivacyRefused(f"There is no resident {resident_id}")
    if resident.anonymised_at is not None:
        raise PrivacyRefused(
            f"Resident {resident_id} was already anonymised on {long_date(resident.anonymised_at)}"
        )
    return resident


def _event_summary(kind: str) -> str:
    if kind == Kind.RETENTION:
        return "Personal data anonymised: the retention period ended"
    return "Personal data erased on request (UK GDPR art. 17)"


def _rewrite_resident(resident: Resident, *, now: datetime) -> int:
    return rewrite(
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
