"""Turning a message from the complaints mailbox into a contact, or a reply on a complaint.

Each message is read once: its Message-ID (hashed) is unique, so a message seen again, by
a second poll, a second worker, or the same message in two folders, is left alone.
"""

from __future__ import annotations

import hashlib
from datetime import datetime
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction

from putright.cases.models import Channel, Complaint, Correspondence, Resident
from putright.cases.services import contact_record
from putright.cases.services.people import correspondence_add
from putright.cases.uploads import check_upload
from putright.core.errors import InvalidInput
from putright.mailbox.models import InboundAttachment, InboundEmail, Outcome
from putright.mailbox.parsing import ParsedEmail, email_parse

SUMMARY_MAX = 20_000


def _checked_files(parsed: ParsedEmail) -> tuple[list[tuple[SimpleUploadedFile, str]], list[dict[str, str]]]:
    """The same checks as the portal's uploads: by content, at most 10 MB, known types only."""
    kept, refused = [], []
    for name, data in parsed.files:
        upload = SimpleUploadedFile(name[:255], data)
        try:
            kept.append((upload, check_upload(upload)))
        except InvalidInput as exc:
            refused.append({"name": name[:255], "reason": exc.message})
    return kept, refused


def _summary(parsed: ParsedEmail, refused: list[dict[str, str]]) -> str:
    lines = [
        f"Email from {parsed.sender_name or parsed.sender} <{parsed.sender}>",
        f"Subject: {parsed.subject}",
        "",
    ]
    lines.append(parsed.text or "(The email had no text.)")
    lines += [f"Attachment not kept: {item['name']} ({item['reason']})" for item in refused]
    return "\n".join(lines)[:SUMMARY_MAX]


def _resident_for(sender: str) -> int | None:
    """The resident with this email address, when exactly one has it."""
    ids = list(
        Resident.objects.filter(email__iexact=sender, anonymised_at__isnull=True).values_list(
            "pk", flat=True
        )[:2]
    )
    return ids[0] if len(ids) == 1 else None


def email_receive(*, raw: bytes, now: datetime) -> InboundEmail | None:
    """Read one message; None when it was read before."""
    parsed = email_parse(raw)
    if InboundEmail.objects.filter(key=parsed.key).exists():
        return None
    received_at = min(parsed.date, now) if parsed.date else now
    record: dict[str, Any] = {
        "key": parsed.key,
        "message_id": parsed.message_id,
        "sender": parsed.sender,
        "subject": parsed.subject,
        "received_at": received_at,
        "read_at": now,
    }
    try:
        with transaction.atomic():
            if parsed.machine:
                # Out-of-office replies and bounces are not people complaining.
                return InboundEmail.objects.create(**record, outcome=parsed.machine)
            kept, refused = _checked_files(parsed)
            reference = parsed.reference()
            complaint = Complaint.objects.filter(reference=reference).first() if reference else None
            if complaint is not None:
                return _reply(parsed, record, complaint, kept, refused, now)
            return _contact(parsed, record, kept, refused, now)
    except IntegrityError:
        # Another poll read the same message at the same moment, and saved it first.
        return None


def _reply(
    parsed: ParsedEmail,
    record: dict[str, Any],
    complaint: Complaint,
    kept: list[tuple[SimpleUploadedFile, str]],
    refused: list[dict[str, str]],
    now: datetime,
) -> InboundEmail:
    body = parsed.text + "".join(f"\n\nAttachment not kept: {i['name']} ({i['reason']})" for i in refused)
    correspondence_add(
        actor=None,
        now=now,
        complaint_id=complaint.pk,
        direction=Correspondence.Direction.IN,
        channel=Channel.EMAIL,
        party=(f"{parsed.sender_name} <{parsed.sender}>" if parsed.sender_name else parsed.sender)[:200],
        subject=parsed.subject,
        body=body or "(The email had no text.)",
        occurred_at=record["received_at"],
        files=[upload for upload, _ in kept],
    )
    return InboundEmail.objects.create(
        **record, outcome=Outcome.CORRESPONDENCE, complaint=complaint, refused_files=refused
    )


def _contact(
    parsed: ParsedEmail,
    record: dict[str, Any],
    kept: list[tuple[SimpleUploadedFile, str]],
    refused: list[dict[str, str]],
    now: datetime,
) -> InboundEmail:
    contact = contact_record(
        actor=None,
        now=now,
        channel=Channel.EMAIL,
        received_at=record["received_at"],
        summary=_summary(parsed, refused),
        resident_id=_resident_for(parsed.sender),
    )
    email = InboundEmail.objects.create(
        **record, outcome=Outcome.CONTACT, contact=contact, refused_files=refused
    )
    for upload, content_type in kept:
        digest = hashlib.sha256(upload.read()).hexdigest()
        upload.seek(0)
        InboundAttachment.objects.create(
            email=email,
            file=upload,
            original_name=upload.name or "attachment",
            content_type=content_type,
            size=upload.size or 0,
            sha256=digest,
        )
    return email
