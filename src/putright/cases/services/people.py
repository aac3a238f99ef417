"""The resident's circumstances and the record of correspondence (Code 5.10, 5.12, 5.14, 5.15, 6.1)."""

from __future__ import annotations

import hashlib
from datetime import date, datetime
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from putright.cases.models import (
    Adjustment,
    AdjustmentKind,
    Attachment,
    Complaint,
    Correspondence,
    EventAction,
    Resident,
    Restriction,
)
from putright.cases.services._common import (
    lock_complaint,
    raise_if,
    record_event,
    require_text,
)
from putright.cases.services.vulnerability import resident_complaints_in_step
from putright.cases.uploads import check_upload, stored_file
from putright.core.actor import Actor, user_or_none
from putright.core.dates import long_date
from putright.core.errors import InvalidInput

OPEN = ("received", "acknowledged", "responded")


def _open_complaints(resident: Resident) -> list[Complaint]:
    ids = list(resident.complaints.filter(status__in=OPEN).values_list("pk", flat=True))
    return [lock_complaint(pk) for pk in ids]


def adjustment_record(
    *,
    actor: Actor | None,
    now: datetime,
    resident_id: int,
    kind: str,
    description: str,
    recorded_on: date,
    review_on: date,
) -> Adjustment:
    """Record a reasonable adjustment or a disclosed disability or vulnerability (Code 5.10).

    It belongs to the resident, so it applies to every complaint of theirs, past and future:
    a disclosure marks them all and raises their priority in the queue (6.1).
    """
    errors: dict[str, str] = {}
    if kind not in AdjustmentKind.values:
        errors["kind"] = f"Choose one of {', '.join(AdjustmentKind.values)}"
    text = require_text(errors, "description", description, "Describe the adjustment or what was disclosed")
    if review_on <= recorded_on:
        errors["review_on"] = "The review date must be after the date recorded (Code 5.10: kept under review)"
    raise_if(errors)
    with transaction.atomic():
        resident = Resident.objects.select_for_update().get(pk=resident_id)
        adjustment = Adjustment.objects.create(
            resident=resident,
            kind=kind,
            description=text,
            recorded_on=recorded_on,
            review_on=review_on,
            created_by=user_or_none(actor),
        )
        # The description itself is special category data: the event names the kind only.
        resident_complaints_in_step(
            resident_id=resident.pk,
            actor=actor,
            now=now,
            action=EventAction.ADJUSTMENT_RECORDED,
            summary=f"{AdjustmentKind(kind).label} recorded; review by {long_date(review_on)}",
            details={"adjustment": adjustment.pk},
        )
    return adjustment


def adjustment_review(
    *,
    actor: Actor | None,
    now: datetime,
    adjustment_id: int,
    reviewed_on: date,
    next_review_on: date | None,
    still_needed: bool,
) -> Adjustment:
    """Keep adjustments under active review (Code 5.10)."""
    if still_needed and (next_review_on is None or next_review_on <= reviewed_on):
        raise InvalidInput({"next_review_on": "Set the next review date, after today's review"})
    with transaction.atomic():
        adjustment = Adjustment.objects.select_for_update().get(pk=adjustment_id)
        adjustment.reviewed_on = reviewed_on
        adjustment.active = still_needed
        if still_needed and next_review_on:
            adjustment.review_on = next_review_on
        adjustment.save()
        # Every complaint of the resident follows the review: one no longer needed may
        # leave them no longer marked vulnerable, on every complaint alike.
        resident_complaints_in_step(
            resident_id=adjustment.resident_id,
            actor=actor,
            now=now,
            action=EventAction.ADJUSTMENT_REVIEWED,
            summary=f"{adjustment.get_kind_display()} reviewed",
            details={"adjustment": adjustment.pk, "still_needed": still_needed},
        )
    return adjustment


def restriction_record(
    *,
    actor: Actor | None,
    now: datetime,
    resident_id: int,
    reason: str,
    scope: str,
    proportionality: str,
    starts_on: date,
    review_on: date,
) -> Restriction:
    """Restrict contact for unacceptable behaviour: evidenced, proportionate, reviewed (Code 5.14, 5.15)."""
    errors: dict[str, str] = {}
    reason = require_text(
        errors, "reason", reason, "Set out the evidenced reasons for the restriction (Code 5.14)"
    )
    scope = require_text(
        errors,
        "scope",
        scope,
        "Say what contact is restricted and how the resident can still complain",
    )
    proportionality = require_text(
        errors,
        "proportionality",
        proportionality,
        "Explain why this is proportionate, with regard to the Equality Act 2010 (Code 5.15)",
    )
    if review_on <= starts_on:
        errors["review_on"] = "Set a review date after the start (Code 5.14: kept under regular review)"
    raise_if(errors)
    with transaction.atomic():
        resident = Resident.objects.select_for_update().get(pk=resident_id)
        restriction = Restriction.objects.create(
            resident=resident,
            reason=reason,
            scope=scope,
            proportionality=proportionality,
            starts_on=starts_on,
            review_on=review_on,
            created_by=user_or_none(actor),
        )
        for complaint in _open_complaints(resident):
            record_event(
                complaint,
                actor=actor,
                now=now,
                action=EventAction.RESTRICTION_RECORDED,
                summary=f"Contact restriction recorded; review by {long_date(review_on)}",
                before={},
                after={},
                details={"restriction": restriction.pk},
            )
    return restriction


def restriction_review(
    *,
    actor: Actor | None,
    now: datetime,
    restriction_id: int,
    reviewed_on: date,
    next_review_on: date | None,
    lift: bool,
) -> Restriction:
    """Review a restriction; lift it or set the next review (Code 5.14)."""
    if not lift and (next_review_on is None or next_review_on <= reviewed_on):
        raise InvalidInput({"next_review_on": "Set the next review date, or lift the restriction"})
    with transaction.atomic():
        restriction = Restriction.objects.select_for_update().get(pk=restriction_id)
        restriction.reviewed_on = reviewed_on
        if lift:
            restriction.ends_on = reviewed_on
        elif next_review_on:
            restriction.review_on = next_review_on
        restriction.save()
        for complaint in _open_complaints(restriction.resident):
            record_event(
                complaint,
                actor=actor,
                now=now,
                action=EventAction.RESTRICTION_REVIEWED,
                summary="Contact restriction lifted" if lift else "Contact restriction reviewed",
                before={},
                after={},
                details={"restriction": restriction.pk},
            )
    return restriction


def correspondence_add(
    *,
    actor: Actor | None,
    now: datetime,
    complaint_id: int,
    direction: str,
    channel: str,
    party: str,
    subject: str,
    body: str,
    occurred_at: datetime,
    files: list[UploadedFile[Any]] | None = None,
) -> Correspondence:
    """Keep every letter, email, call note and document in the record (Code 5.12)."""
    errors: dict[str, str] = {}
    if direction not in Correspondence.Direction.values:
        errors["direction"] = "Choose received or sent"
    party = require_text(errors, "party", party, "Say who it was from or to")
    if not (body or "").strip() and not files:
        errors["body"] = "Enter the content, or attach a file"
    checked = []
    for i, upload in enumerate(files or []):
        try:
            checked.append((upload, check_upload(upload)))
        except InvalidInput as exc:
            errors[f"files.{i}"] = exc.message
    raise_if(errors)
    with transaction.atomic():
        complaint = lock_complaint(complaint_id)
        item = Correspondence.objects.create(
            complaint=complaint,
            direction=direction,
            channel=channel,
            party=party,
            subject=subject.strip(),
            body=body.strip(),
            occurred_at=occurred_at,
            created_by=user_or_none(actor),
        )
        for upload, content_type in checked:
            attachment_store(
                complaint=complaint,
                correspondence=item,
                upload=upload,
                content_type=content_type,
                actor=actor,
            )
        record_event(
            complaint,
            actor=actor,
            now=now,
            action=EventAction.CORRESPONDENCE_ADDED,
            summary=f"{item.get_direction_display()}: {subject.strip() or channel} ({party})",
            before={},
            after={},
            details={"correspondence": item.pk, "files": len(checked)},
        )
    return item


def attachment_store(
    *,
    complaint: Complaint,
    correspondence: Correspondence | None,
    upload: UploadedFile[Any],
    content_type: str,
    actor: Actor | None,
) -> Attachment:
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    return Attachment.objects.create(
        complaint=complaint,
        correspondence=correspondence,
        file=stored_file(upload, content_type),
        original_name=(upload.name or "file")[:255],
        content_type=content_type,
        size=upload.size or 0,
        sha256=digest.hexdigest(),
        uploaded_by=user_or_none(actor),
    )
