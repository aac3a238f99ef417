"""What a signed-in resident or representative can do to their complaint.

Each function finds the complaint through `putright.residents.access` first, so a
reference the person may not reach behaves exactly like one that does not exist.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.core.files.uploadedfile import UploadedFile

from putright.cases import services
from putright.cases.models import Channel, Complaint, Correspondence, Refusal, Status
from putright.cases.uploads import check_upload
from putright.core.errors import InvalidInput
from putright.residents.access import Role, access_resident_complaint, access_role_on
from putright.residents.errors import NotReachable
from putright.residents.services.actor import portal_actor

OPEN = (Status.RECEIVED, Status.ACKNOWLEDGED, Status.RESPONDED)
MAX_TEXT = 10_000


def _reach(email: str, reference: str) -> tuple[Complaint, Role]:
    complaint = access_resident_complaint(email=email, reference=reference)
    if complaint is None:
        raise NotReachable("Page not found")
    return complaint, access_role_on(complaint, email=email)


def can_escalate(complaint: Complaint, *, escalation_refused: bool) -> bool:
    """Stage 2 is there to ask for once stage 1 has been answered or closed (Code 6.10).

    After the landlord has refused to escalate (5.11), the next step is the Ombudsman.
    """
    return (
        complaint.stage == 1
        and complaint.status in (Status.RESPONDED, Status.CLOSED)
        and not escalation_refused
    )


def can_withdraw(complaint: Complaint) -> bool:
    return complaint.status in OPEN


def can_add_information(complaint: Complaint) -> bool:
    return complaint.status in OPEN


def _party(complaint: Complaint, role: Role) -> str:
    rep = complaint.representative
    if role is Role.REPRESENTATIVE and rep is not None:
        return f"{rep.name} ({rep.relationship}), for {complaint.resident.name}"
    return complaint.resident.name


def resident_add_information(
    *, email: str, reference: str, now: datetime, text: str, files: list[UploadedFile[Any]]
) -> Correspondence:
    """Add to the record what the resident sends, with any file (Code 5.12)."""
    complaint, role = _reach(email, reference)
    errors: dict[str, str] = {}
    if not can_add_information(complaint):
        errors["text"] = "This complaint is closed. To tell us about something new, make a new complaint."
    if len(text) > MAX_TEXT:
        errors["text"] = f"What you want to add must be {MAX_TEXT:,} characters or fewer"
    elif not text.strip() and not files:
        errors["text"] = "Enter what you want to add, or choose a file"
    for upload in files:
        try:
            check_upload(upload)
        except InvalidInput as exc:
            errors["file"] = exc.message
    if errors:
        raise InvalidInput(errors)
    return services.correspondence_add(
        actor=portal_actor(representative=role is Role.REPRESENTATIVE),
        now=now,
        complaint_id=complaint.pk,
        direction=Correspondence.Direction.IN,
        channel=Channel.WEB,
        party=_party(complaint, role),
        subject="Information added online",
        body=text,
        occurred_at=now,
        files=files,
    )


def resident_withdraw(*, email: str, reference: str, now: datetime, note: str) -> Complaint:
    """The resident withdraws; the record stays (Code 5.12)."""
    complaint, role = _reach(email, reference)
    if len(note) > MAX_TEXT:
        raise InvalidInput({"note": f"This must be {MAX_TEXT:,} characters or fewer"})
    return services.complaint_withdraw(
        actor=portal_actor(representative=role is Role.REPRESENTATIVE),
        now=now,
        complaint_id=complaint.pk,
        note=note.strip(),
    )


def resident_escalate(*, email: str, reference: str, now: datetime, reason: str) -> Complaint:
    """Ask for stage 2. The reason is optional and never required (Code 6.12)."""
    complaint, role = _reach(email, reference)
    if len(reason) > MAX_TEXT:
        raise InvalidInput({"reason": f"This must be {MAX_TEXT:,} characters or fewer"})
    refused = Refusal.objects.filter(complaint=complaint, stage=2).exists()
    if not can_escalate(complaint, escalation_refused=refused):
        raise InvalidInput({"reason": "You cannot ask for stage 2 for this complaint now"})
    return services.complaint_escalate(
        actor=portal_actor(representative=role is Role.REPRESENTATIVE),
        now=now,
        complaint_id=complaint.pk,
        requested_at=now,
        reason=reason,
    )
